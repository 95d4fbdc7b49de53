/**
 * One pass that scores every lead of a what-if from the cached parts (fit rule combos and the
 * decayed activity sums) and tallies the threshold index's lead counts at the same time. It reads
 * and writes typed arrays only, so a range of leads can be done on any thread over shared memory:
 * the scores of a lead come from its own entries alone, and the counts are integers, so any split
 * of the leads into ranges, tallied apart and added up, gives the very result of one pass.
 *
 * A lead's fit is its combo's score; its intent is computed as `leadIntent` (./intent-sums.ts)
 * computes it (or read from intent scores computed with the sums); its bins as
 * `buildThresholdIndex` (./threshold-index.ts) bins them. The won cents are summed apart, in lead
 * order, over the won leads only (`rescoreCents`).
 */
import { BINS, bin } from './threshold-index';

/** Everything the pass reads and writes. Arrays indexed by lead have one slot per lead. */
export interface RescoreTask {
  /** Combo of each lead, and the fit score of each combo. */
  readonly combo: Int32Array;
  readonly byCombo: Float32Array;
  /** Fit scores known already (the fit rules did not change), or null. */
  readonly fitIn: Float32Array | null;
  /** The decayed sums (CSR by lead, see `IntentSums`) with points and caps per type code. */
  readonly sumStart: Int32Array;
  readonly sumType: Uint8Array;
  readonly sumValue: Float64Array;
  readonly points: Float64Array;
  readonly caps: Float64Array;
  /** Intent scores already computed with the sums under these points and caps, or null. */
  readonly intentIn: Float32Array | null;
  /** 1 for the leads the index counts (matured leads in scope). */
  readonly mask: Uint8Array;
  /** Dense class of each lead (see `leadClasses` in ./threshold-index.ts), and how many classes there are. */
  readonly cls: Uint8Array;
  readonly classes: number;
  readonly fitWeight: number;
  /** Where the scores go (`fitIn`, `intentIn` when given: nothing is written to them then). */
  readonly fit: Float32Array;
  readonly intent: Float32Array;
}

/**
 * Scores the leads `lo .. hi - 1` into `task.fit` and `task.intent`, and adds each counted lead to
 * `counts` from `offset` (zeroed by the caller, `tallyLength` long): one per (fit bin × intent bin,
 * class), then one per (combined-score bin, class).
 */
export function rescoreRange(task: RescoreTask, lo: number, hi: number, counts: Int32Array, offset: number): void {
  const { combo, byCombo, fitIn, sumStart, sumType, sumValue, points, caps, intentIn, mask, cls, fitWeight } = task;
  const { fit, intent } = task;
  const K = task.classes;
  const one = offset + BINS * BINS * K;
  const w = fitWeight;
  const v = 1 - fitWeight;
  for (let i = lo; i < hi; i++) {
    let f: number;
    if (fitIn) f = fitIn[i]!;
    else fit[i] = f = byCombo[combo[i]!]!;
    let t: number;
    if (intentIn) t = intentIn[i]!;
    else {
      // leadIntent, inlined.
      let score = 0;
      const end = sumStart[i + 1]!;
      for (let k = sumStart[i]!; k < end; k++) {
        const code = sumType[k]!;
        const p = points[code]!;
        if (p === 0) continue;
        const pv = p * sumValue[k]!;
        const cap = caps[code]!;
        score += pv > cap ? cap : pv < -cap ? -cap : pv;
      }
      t = Math.fround(score < 0 ? 0 : score > 100 ? 100 : score);
      intent[i] = t;
    }
    if (!mask[i]) continue;
    const c = cls[i]!;
    counts[offset + (bin(f) * BINS + bin(t)) * K + c]!++;
    counts[one + bin(w * f + v * t) * K + c]!++;
  }
}

/** The won cents per two-score and per combined-score bin of the counted won leads, in lead order. */
export function rescoreCents(
  task: Pick<RescoreTask, 'fit' | 'intent' | 'mask' | 'fitWeight'>,
  won: Int32Array,
  wonCents: Float64Array,
): { cents2: Float64Array; cents1: Float64Array } {
  const { fit, intent, mask, fitWeight } = task;
  const cents2 = new Float64Array(BINS * BINS);
  const cents1 = new Float64Array(BINS);
  const v = 1 - fitWeight;
  for (let k = 0; k < won.length; k++) {
    const i = won[k]!;
    if (!mask[i]) continue;
    const f = fit[i]!;
    const t = intent[i]!;
    const cents = wonCents[i]!;
    cents2[bin(f) * BINS + bin(t)]! += cents;
    cents1[bin(fitWeight * f + v * t)]! += cents;
  }
  return { cents2, cents1 };
}
