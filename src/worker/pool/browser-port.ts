/** A Web Worker of the scoring pool, as a pool port. */
import type { PoolRequest, PoolResponse, WorkerPort } from './protocol';

export function spawnBrowserPoolWorker(): WorkerPort {
  const worker = new Worker(new URL('./scoring.worker.ts', import.meta.url), {
    type: 'module',
    name: 'revlens-scoring',
  });
  return {
    post: (m: PoolRequest) => worker.postMessage(m),
    onMessage: (h) => worker.addEventListener('message', (e: MessageEvent<PoolResponse>) => h(e.data)),
    onError: (h) => {
      worker.addEventListener('error', (e: ErrorEvent) => h(e.message || 'the scoring worker failed to run'));
      worker.addEventListener('messageerror', () => h('the scoring worker could not read a message'));
    },
    terminate: () => worker.terminate(),
  };
}
