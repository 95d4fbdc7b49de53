/**
 * The worker side of the scoring pool: keeps the shared activity columns of the current dataset
 * and computes the decayed sums of the lead range it is given, with the engine's own function; it
 * keeps them until the pool says where in the joined (shared) arrays they go, and copies them there.
 * Shared by the browser worker and Node worker threads.
 */
import {
  computeIntentSumsRange,
  decaySumsInto,
  placeIntentSums,
  type IntentSumsPart,
  type SumActivities,
} from '../../engine/scoring/intent-sums';
import { sqlActivityRange } from '../../engine/scoring/qualification';
import { rescoreRange } from '../../engine/scoring/rescore';
import type { PoolRequest, PoolResponse } from './protocol';

export function poolWorkerHandler(
  post: (message: PoolResponse, transfer: ArrayBuffer[]) => void,
): (message: PoolRequest) => void {
  let current: { dataset: number; activities: SumActivities } | null = null;
  /** Sums computed and not placed yet, by task. */
  const kept = new Map<number, IntentSumsPart>();
  return (message) => {
    if (message.kind === 'init') {
      current = { dataset: message.dataset, activities: message.activities };
      kept.clear();
      post({ kind: 'ready', dataset: message.dataset }, []);
      return;
    }
    if (message.kind === 'drop') {
      kept.delete(message.id);
      return;
    }
    try {
      if (message.kind === 'place') {
        const part = kept.get(message.id);
        if (!part) throw new Error('scoring worker asked to place sums it does not hold');
        kept.delete(message.id);
        placeIntentSums(part, message.start, message.type, message.sum, message.lead, message.entry);
        post({ kind: 'placed', id: message.id }, []);
        return;
      }
      if (message.kind === 'rescore') {
        // A what-if pass over a range of leads: it reads only the shared arrays it is given.
        rescoreRange(message.task, message.lo, message.hi, message.counts, message.offset);
        post({ kind: 'rescored', id: message.id }, []);
        return;
      }
      if (current === null || current.dataset !== message.dataset)
        throw new Error('scoring worker asked about a dataset it does not hold');
      const { lo, hi, halfLifeDays, asOf, cutoff, sql } = message;
      // The SQL rule's flags of the range, for the engine thread's qualification flags.
      if (sql) sqlActivityRange(current.activities, sql.code, asOf, lo, hi, sql.out);
      if (message.kind === 'decay') {
        const { sum, offset, scores, pass } = message;
        decaySumsInto(
          current.activities,
          lo,
          hi,
          halfLifeDays,
          asOf,
          cutoff ?? undefined,
          sum,
          offset,
          scores ?? undefined,
        );
        // The range's intent scores are written: the pass over the same range reads them.
        if (pass) rescoreRange(pass.task, lo, hi, pass.counts, pass.offset);
        post({ kind: 'decayed', id: message.id }, []);
        return;
      }
      const part = computeIntentSumsRange(
        current.activities,
        lo,
        hi,
        halfLifeDays,
        asOf,
        cutoff ?? undefined,
        message.scores ?? undefined,
      );
      kept.set(message.id, part);
      post({ kind: 'counted', id: message.id, entries: part.type.length, leadsOfType: part.leadsOfType }, []);
    } catch (e) {
      post({ kind: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
