/** The kernel pool on Node worker threads over SharedArrayBuffers. */
import { Worker } from 'node:worker_threads';
import type { KernelColumns } from '../src/engine/kernel/kernel-columns';
import { fullRecompute } from '../src/engine/kernel/recompute';
import { DEFAULT_KERNEL_THRESHOLDS } from '../src/engine/kernel/workload';
import { createKernelPool, sharedAlloc } from '../src/worker/pool/kernel-pool';
import type { PoolResponse, WorkerPort } from '../src/worker/pool/protocol';
import { assertSameCounts } from './compare';
import { time, type Timing } from './stats';

function spawnThread(): WorkerPort {
  const w = new Worker(new URL('./kernel-thread-boot.mjs', import.meta.url));
  return {
    post: (m) => w.postMessage(m),
    onMessage: (h) => w.on('message', (m: PoolResponse) => h(m)),
    terminate: () => void w.terminate(),
  };
}

/** A copy of the encoded columns in SharedArrayBuffers, for the workers to read in place. */
function shared(k: KernelColumns): KernelColumns {
  const copy = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T): T => {
    const c = new (a.constructor as new (b: ArrayBufferLike) => T)(sharedAlloc(a.byteLength));
    c.set(a);
    return c;
  };
  return {
    ...k,
    fitCode: copy(k.fitCode),
    pattern: copy(k.pattern),
    patterns: copy(k.patterns),
    ageDays: copy(k.ageDays),
    source: copy(k.source),
    stage: copy(k.stage),
    include: copy(k.include),
  };
}

export async function measureParallel(
  columns: KernelColumns,
  workers: number,
  runs: number,
  weightsOfRun: (i: number) => Parameters<typeof fullRecompute>[1],
  log: (l: string) => void,
): Promise<Timing> {
  const features = shared(columns);
  const pool = await createKernelPool(features, spawnThread, workers, true);
  try {
    const expected = fullRecompute(features, weightsOfRun(0), DEFAULT_KERNEL_THRESHOLDS);
    assertSameCounts('worker pool', expected, (await pool.recompute(weightsOfRun(0), DEFAULT_KERNEL_THRESHOLDS))!, 0);
    let run = 0;
    // Each worker thread compiles the kernel on its own: warm them up as a session of slider moves
    // would, and let this process's collector settle so that it does not hold a core meanwhile.
    for (let i = 0; i < 8; i++) await pool.recompute(weightsOfRun(run++), DEFAULT_KERNEL_THRESHOLDS);
    (globalThis as { gc?: () => void }).gc?.();
    const t = await time(runs, () => pool.recompute(weightsOfRun(run++), DEFAULT_KERNEL_THRESHOLDS));
    log(`  full recompute (${pool.workers} worker threads, shared memory): median ${t.median.toFixed(2)} ms`);
    return t;
  } finally {
    pool.close();
  }
}
