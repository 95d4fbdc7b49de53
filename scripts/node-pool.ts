/** The scoring pool on Node worker threads (benchmark and tests), as the app runs it on Web Workers. */
import { Worker } from 'node:worker_threads';
import type { PoolResponse, WorkerPort } from '../src/worker/pool/protocol';
import { createScoringPool, type ScoringPool } from '../src/worker/pool/scoring-pool';

export function spawnNodePoolThread(): WorkerPort {
  const w = new Worker(new URL('./pool-thread-boot.mjs', import.meta.url));
  w.unref();
  return {
    post: (m) => w.postMessage(m),
    onMessage: (h) => w.on('message', (m: PoolResponse) => h(m)),
    onError: (h) => {
      w.on('error', (e) => h(e.message));
      w.on('exit', (code) => h(`the scoring thread stopped (exit code ${code})`));
    },
    terminate: () => void w.terminate(),
  };
}

export const createNodeScoringPool = (workers: number): ScoringPool => createScoringPool(spawnNodePoolThread, workers);
