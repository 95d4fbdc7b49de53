/**
 * The worker side of the kernel pool: keeps the shared columns, runs `scoreRange` on the range it is
 * given and answers with its counts. Shared by the browser worker and the Node benchmark's threads.
 */
import type { ScoringFeatures } from '../../engine/kernel/features';
import { allocateAggregates, decayTable, scoreRange, type ScoreCache } from '../../engine/kernel/recompute';
import type { PoolRequest, PoolResponse } from './protocol';

export function kernelWorkerHandler(post: (message: PoolResponse) => void): (message: PoolRequest) => void {
  let state: { features: ScoringFeatures; cache: ScoreCache } | null = null;
  let decay: { halfLife: number; table: Float64Array } | null = null;
  return (message) => {
    if (message.kind === 'init') {
      state = { features: message.features, cache: message.cache };
      decay = null;
      post({ kind: 'ready' });
      return;
    }
    try {
      if (state === null) throw new Error('kernel worker used before init');
      const { features, cache } = state;
      if (decay === null || decay.halfLife !== message.weights.halfLifeDays) {
        decay = { halfLife: message.weights.halfLifeDays, table: decayTable(message.weights.halfLifeDays, features.maxAgeDays) };
      }
      const counts = allocateAggregates(features.sourceNames.length);
      scoreRange(features, message.weights, message.thresholds, decay.table, cache, counts, message.lo, message.hi);
      post({ kind: 'done', id: message.id, counts });
    } catch (e) {
      post({ kind: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
