/**
 * Incremental path for threshold-only changes. Thresholds are whole points (BOUNDS.threshold), so
 * `score ≥ t ⇔ floor(score) ≥ t` and a lead's pass/fail depends only on its score bin 0..100. One
 * O(leads) pass fills 2-D (fit bin × intent bin) sums of each quantity below; suffix sums then answer
 * "how many leads with fit ≥ a AND intent ≥ b" in O(1), exactly. Single-score mode uses a 1-D suffix
 * over bins of the combined score (rebuilt when the fit weight changes).
 */
import { combinedScore } from './score';
import type { QualificationFlags } from './qualification';
import type { LeadOutcomes } from './outcomes';

export const BINS = 101;

/** Quantities summed per bin (index into the last dimension). */
export const Q = { n: 0, sql: 1, sqo: 2, reachedSqo: 3, won: 4, wonCents: 5, recordedMql: 6 } as const;
export const NQ = 7;

export interface ThresholdIndex {
  /** Suffix sums, [(fitBin × BINS + intentBin) × NQ + q]. */
  readonly twoScore: Float64Array;
  /** Suffix sums over combined-score bins, [bin × NQ + q]. */
  readonly single: Float64Array;
  /** The per-bin sums the suffix sums were built from (same layouts), for incremental updates. */
  readonly twoScoreBins: Float64Array;
  readonly singleBins: Float64Array;
  readonly fitWeight: number;
}

const bin = (s: number): number => {
  const b = Math.floor(s);
  return b < 0 ? 0 : b > 100 ? 100 : b;
};

/** Adds (sign 1) or removes (sign −1) lead i's quantities at its bins. Every quantity is an integer. */
function put(
  two: Float64Array,
  single: Float64Array,
  i: number,
  f: number,
  t: number,
  sign: number,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
  fitWeight: number,
): void {
  const sql = flags.sqlActivity[i]!;
  const sqo = sql & flags.criteriaMet[i]!;
  const w = outcomes.won[i]!;
  const cents = w ? outcomes.wonCents[i]! : 0;
  const rs = outcomes.reachedSqo[i]!;
  const rm = outcomes.recordedMql[i]!;
  const k2 = (bin(f) * BINS + bin(t)) * NQ;
  const k1 = bin(combinedScore(f, t, fitWeight)) * NQ;
  two[k2]! += sign;
  two[k2 + 1]! += sign * sql;
  two[k2 + 2]! += sign * sqo;
  two[k2 + 3]! += sign * rs;
  two[k2 + 4]! += sign * w;
  two[k2 + 5]! += sign * cents;
  two[k2 + 6]! += sign * rm;
  single[k1]! += sign;
  single[k1 + 1]! += sign * sql;
  single[k1 + 2]! += sign * sqo;
  single[k1 + 3]! += sign * rs;
  single[k1 + 4]! += sign * w;
  single[k1 + 5]! += sign * cents;
  single[k1 + 6]! += sign * rm;
}

function withSuffixSums(twoScoreBins: Float64Array, singleBins: Float64Array, fitWeight: number): ThresholdIndex {
  const two = twoScoreBins.slice();
  const single = singleBins.slice();
  // 2-D suffix sums: S[a][b] = T[a][b] + S[a+1][b] + S[a][b+1] − S[a+1][b+1].
  for (let a = BINS - 1; a >= 0; a--) {
    for (let b = BINS - 1; b >= 0; b--) {
      const k = (a * BINS + b) * NQ;
      for (let q = 0; q < NQ; q++) {
        const down = a + 1 < BINS ? two[((a + 1) * BINS + b) * NQ + q]! : 0;
        const right = b + 1 < BINS ? two[(a * BINS + b + 1) * NQ + q]! : 0;
        const diag = a + 1 < BINS && b + 1 < BINS ? two[((a + 1) * BINS + b + 1) * NQ + q]! : 0;
        two[k + q]! += down + right - diag;
      }
    }
  }
  for (let b = BINS - 2; b >= 0; b--) for (let q = 0; q < NQ; q++) single[b * NQ + q]! += single[(b + 1) * NQ + q]!;
  return { twoScore: two, single, twoScoreBins, singleBins, fitWeight };
}

/** Builds the index over the leads in `mask` (matured leads of the filter, usually). */
export function buildThresholdIndex(
  fit: Float32Array,
  intent: Float32Array,
  mask: Uint8Array,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
  fitWeight: number,
): ThresholdIndex {
  const two = new Float64Array(BINS * BINS * NQ);
  const single = new Float64Array(BINS * NQ);
  for (let i = 0; i < fit.length; i++) {
    if (mask[i]) put(two, single, i, fit[i]!, intent[i]!, 1, flags, outcomes, fitWeight);
  }
  return withSuffixSums(two, single, fitWeight);
}

/**
 * The index after some leads' scores changed: each listed lead (in the index's mask) moves from its
 * bins under (`oldFit`, `oldIntent`) to its bins under (`fit`, `intent`). Every binned quantity is an
 * integer (counts, cents), so the result equals `buildThresholdIndex` on the new scores exactly.
 */
export function moveInThresholdIndex(
  index: ThresholdIndex,
  leads: Int32Array,
  count: number,
  oldFit: Float32Array,
  oldIntent: Float32Array,
  fit: Float32Array,
  intent: Float32Array,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
): ThresholdIndex {
  const two = index.twoScoreBins.slice();
  const single = index.singleBins.slice();
  const w = index.fitWeight;
  for (let k = 0; k < count; k++) {
    const i = leads[k]!;
    put(two, single, i, oldFit[i]!, oldIntent[i]!, -1, flags, outcomes, w);
    put(two, single, i, fit[i]!, intent[i]!, 1, flags, outcomes, w);
  }
  return withSuffixSums(two, single, w);
}

/** Sums of every quantity over the leads passing the MQL rule; integer thresholds 0..100. */
export function queryThresholds(
  index: ThresholdIndex,
  mode: 'two-score' | 'single-score',
  minFit: number,
  minIntent: number,
  minCombined: number,
): Float64Array {
  const out = new Float64Array(NQ);
  if (mode === 'single-score') {
    const b = Math.ceil(minCombined);
    if (b <= 100) out.set(index.single.subarray(Math.max(0, b) * NQ, Math.max(0, b) * NQ + NQ));
    return out;
  }
  const a = Math.max(0, Math.ceil(minFit));
  const b = Math.max(0, Math.ceil(minIntent));
  if (a > 100 || b > 100) return out;
  const k = (a * BINS + b) * NQ;
  out.set(index.twoScore.subarray(k, k + NQ));
  return out;
}
