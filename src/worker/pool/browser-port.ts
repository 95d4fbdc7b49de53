/** A Web Worker running the kernel, as a pool port. */
import type { PoolRequest, PoolResponse, WorkerPort } from './protocol';

export function spawnBrowserKernelWorker(): WorkerPort {
  const worker = new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (m: PoolRequest) => worker.postMessage(m),
    onMessage: (h) => worker.addEventListener('message', (e: MessageEvent<PoolResponse>) => h(e.data)),
    terminate: () => worker.terminate(),
  };
}
