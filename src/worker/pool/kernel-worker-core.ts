/**
 * The worker side of the kernel pool: keeps the shared columns, runs `scoreRange` on the range it is
 * given (building the lookup tables when the weights change) and answers with its counts. Shared by
 * the browser worker and the Node benchmark's threads.
 */
import type { KernelColumns } from '../../engine/kernel/kernel-columns';
import { allocateAggregates, kernelTables, scoreRange, type KernelTables, type ScoreCache } from '../../engine/kernel/recompute';
import type { KernelWeights } from '../../engine/kernel/workload';
import type { PoolRequest, PoolResponse } from './protocol';

export function kernelWorkerHandler(post: (message: PoolResponse) => void): (message: PoolRequest) => void {
  let state: { features: KernelColumns; cache: ScoreCache } | null = null;
  // The tables of the last weights: a threshold-only request reuses them, a half-life kept reuses the decay.
  let tables: { weights: KernelWeights; tables: KernelTables } | null = null;
  return (message) => {
    if (message.kind === 'init') {
      state = { features: message.features, cache: message.cache };
      tables = null;
      post({ kind: 'ready' });
      return;
    }
    try {
      if (state === null) throw new Error('kernel worker used before init');
      const { features, cache } = state;
      const w = message.weights;
      if (tables === null || !sameWeights(tables.weights, w)) {
        const decay = tables !== null && tables.weights.halfLifeDays === w.halfLifeDays ? tables.tables.decay : undefined;
        tables = { weights: w, tables: kernelTables(features, w, decay) };
      }
      const counts = allocateAggregates(features.sourceNames.length);
      scoreRange(features, tables.tables, message.thresholds, cache, counts, message.lo, message.hi);
      post({ kind: 'done', id: message.id, counts });
    } catch (e) {
      post({ kind: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) });
    }
  };
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameWeights(a: KernelWeights, b: KernelWeights): boolean {
  return a.halfLifeDays === b.halfLifeDays && sameList(a.fit, b.fit) && sameList(a.intent, b.intent) && sameList(a.caps, b.caps);
}
