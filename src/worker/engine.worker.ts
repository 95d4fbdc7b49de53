/// <reference lib="webworker" />
/**
 * Worker entry: only wiring. The engine runs here, off the main thread; where the page is
 * cross-origin isolated (shared memory), a pool of scoring workers computes the decayed activity
 * sums beside it, else this worker computes everything.
 */
import { expose } from 'comlink';
import { spawnBrowserPoolWorker } from './pool/browser-port';
import { canShareMemory, createScoringPool } from './pool/scoring-pool';
import { createEngineService } from './service';

const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
const scoringPool = canShareMemory()
  ? createScoringPool(spawnBrowserPoolWorker, Math.min(4, Math.max(2, cores)))
  : null;

expose(createEngineService({ scoringPool }));
