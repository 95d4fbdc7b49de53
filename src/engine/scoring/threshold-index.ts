/**
 * Incremental path for threshold-only changes. Thresholds are whole points (BOUNDS.threshold), so
 * `score ≥ t ⇔ floor(score) ≥ t` and a lead's pass/fail depends only on its score bin 0..100. One
 * O(leads) pass fills 2-D (fit bin × intent bin) sums of each quantity below; suffix sums then answer
 * "how many leads with fit ≥ a AND intent ≥ b" in O(1), exactly. Single-score mode uses a 1-D suffix
 * over bins of the combined score (rebuilt when the fit weight changes).
 */
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

/** The whole-point bin of a score, 0–100. */
export const bin = (s: number): number => {
  const b = Math.floor(s);
  return b < 0 ? 0 : b > 100 ? 100 : b;
};

function withSuffixSums(twoScoreBins: Float64Array, singleBins: Float64Array, fitWeight: number): ThresholdIndex {
  const two = twoScoreBins.slice();
  const single = singleBins.slice();
  // 2-D suffix sums S[a][b] = Σ_{a' ≥ a, b' ≥ b} T[a'][b']: suffix sums along b within each fit bin,
  // then along a. Every binned quantity is an integer (counts, cents), so the order of the additions
  // does not change a sum.
  const row = BINS * NQ;
  for (let a = 0; a < BINS; a++) {
    const r = a * row;
    for (let k = r + row - NQ - 1; k >= r; k--) two[k]! += two[k + NQ]!;
  }
  for (let k = (BINS - 1) * row - 1; k >= 0; k--) two[k]! += two[k + row]!;
  for (let k = (BINS - 1) * NQ - 1; k >= 0; k--) single[k]! += single[k + NQ]!;
  return { twoScore: two, single, twoScoreBins, singleBins, fitWeight };
}

/** Class bits of a lead: the 0/1 quantities it adds (sql, sqo, reachedSqo, won, recordedMql). */
const C_SQL = 1;
const C_SQO = 2;
const C_RS = 4;
const C_WON = 8;
const C_RM = 16;

/** Leads' classes, numbered densely over the classes present (at most 32; 18 when won ⇒ SQO etc.). */
export interface LeadClasses {
  /** Dense class of each lead. */
  readonly id: Uint8Array;
  /** Class bits of each dense class. */
  readonly bits: readonly number[];
  /** 1 for the dense classes with the won bit. */
  readonly won: Uint8Array;
}

const classCache = new WeakMap<QualificationFlags, WeakMap<LeadOutcomes, LeadClasses>>();

/** Each lead's class (cached per flags and outcomes: weight changes reuse it). */
export function leadClasses(flags: QualificationFlags, outcomes: LeadOutcomes, n: number): LeadClasses {
  let byOutcomes = classCache.get(flags);
  if (!byOutcomes) classCache.set(flags, (byOutcomes = new WeakMap()));
  let hit = byOutcomes.get(outcomes);
  if (!hit) {
    const id = new Uint8Array(n);
    const dense = new Int8Array(32).fill(-1);
    const bits: number[] = [];
    const { sqlActivity, criteriaMet } = flags;
    const { reachedSqo, won, recordedMql } = outcomes;
    for (let i = 0; i < n; i++) {
      const sql = sqlActivity[i]!;
      const b =
        (sql ? C_SQL : 0) |
        (sql & criteriaMet[i]! ? C_SQO : 0) |
        (reachedSqo[i] ? C_RS : 0) |
        (won[i] ? C_WON : 0) |
        (recordedMql[i] ? C_RM : 0);
      let d = dense[b]!;
      if (d < 0) {
        d = dense[b] = bits.length;
        bits.push(b);
      }
      id[i] = d;
    }
    hit = { id, bits, won: Uint8Array.from(bits, (b) => (b & C_WON ? 1 : 0)) };
    byOutcomes.set(outcomes, hit);
  }
  return hit;
}

const wonCache = new WeakMap<LeadClasses, Int32Array>();

/** The leads, ascending, whose class has the won bit (the only ones with cents to sum). */
export function wonLeads(classes: LeadClasses): Int32Array {
  let hit = wonCache.get(classes);
  if (!hit) {
    const { id, won } = classes;
    let m = 0;
    for (let i = 0; i < id.length; i++) m += won[id[i]!]!;
    hit = new Int32Array(m);
    for (let i = 0, k = 0; i < id.length; i++) if (won[id[i]!]) hit[k++] = i;
    wonCache.set(classes, hit);
  }
  return hit;
}

/** Length of the per-(bin, class) lead counts a tally fills: two-score bins, then combined-score bins. */
export const tallyLength = (classes: LeadClasses): number => (BINS * BINS + BINS) * classes.bits.length;

/**
 * The index from lead counts per (bin, class) as `buildThresholdIndex` tallies them (`counts`, of
 * `tallyLength`: two-score bins then combined-score bins) and the won cents per bin, summed over the
 * same leads in lead order.
 */
export function thresholdIndexOfTally(
  counts: Int32Array,
  cents2: Float64Array,
  cents1: Float64Array,
  classes: LeadClasses,
  fitWeight: number,
): ThresholdIndex {
  const two = BINS * BINS * classes.bits.length;
  return withSuffixSums(
    expand(counts.subarray(0, two), cents2, BINS * BINS, classes),
    expand(counts.subarray(two), cents1, BINS, classes),
    fitWeight,
  );
}

/** Computes and caches what `buildThresholdIndex` reads of the flags and outcomes (not the scores). */
export function prepareThresholdIndex(flags: QualificationFlags, outcomes: LeadOutcomes, n: number): void {
  leadClasses(flags, outcomes, n);
}

/** Expands per-(bin, dense class) counts and per-bin cents into the per-bin quantity sums. */
function expand(counts: Int32Array, cents: Float64Array, bins: number, classes: LeadClasses): Float64Array {
  const out = new Float64Array(bins * NQ);
  const K = classes.bits.length;
  for (let b = 0; b < bins; b++) {
    const k = b * NQ;
    for (let c = 0; c < K; c++) {
      const m = counts[b * K + c]!;
      if (m === 0) continue;
      // m may be negative (a delta of moves); every sum stays an integer.
      const bits = classes.bits[c]!;
      out[k]! += m;
      if (bits & C_SQL) out[k + 1]! += m;
      if (bits & C_SQO) out[k + 2]! += m;
      if (bits & C_RS) out[k + 3]! += m;
      if (bits & C_WON) out[k + 4]! += m;
      if (bits & C_RM) out[k + 6]! += m;
    }
    out[k + 5] = cents[b]!;
  }
  return out;
}

/**
 * Builds the index over the leads in `mask` (matured leads of the filter, usually). One pass counts
 * leads per (bin, class of 0/1 quantities) and sums won cents per bin; the counts are then expanded.
 */
export function buildThresholdIndex(
  fit: Float32Array,
  intent: Float32Array,
  mask: Uint8Array,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
  fitWeight: number,
): ThresholdIndex {
  const n = fit.length;
  const classes = leadClasses(flags, outcomes, n);
  const { id: cls, won } = classes;
  const K = classes.bits.length;
  const { wonCents } = outcomes;
  const counts2 = new Int32Array(BINS * BINS * K);
  const cents2 = new Float64Array(BINS * BINS);
  const counts1 = new Int32Array(BINS * K);
  const cents1 = new Float64Array(BINS);
  const v = 1 - fitWeight;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const f = fit[i]!;
    const t = intent[i]!;
    const c = cls[i]!;
    const b2 = bin(f) * BINS + bin(t);
    // combinedScore(f, t, fitWeight), inlined.
    const b1 = bin(fitWeight * f + v * t);
    counts2[b2 * K + c]!++;
    counts1[b1 * K + c]!++;
    if (won[c]) {
      const cents = wonCents[i]!;
      cents2[b2]! += cents;
      cents1[b1]! += cents;
    }
  }
  return withSuffixSums(
    expand(counts2, cents2, BINS * BINS, classes),
    expand(counts1, cents1, BINS, classes),
    fitWeight,
  );
}

/**
 * The index after some leads' scores changed: each listed lead (in the index's mask) moves from its
 * bins under (`oldFit`, `oldIntent`) to its bins under (`fit`, `intent`). Every binned quantity is an
 * integer (counts, cents), so the result equals `buildThresholdIndex` on the new scores exactly.
 * Its loop tallies as `buildThresholdIndex`'s does, written out in both: a shared per-lead helper
 * measured 10–20% slower on the build, which runs on every weight change.
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
  const w = index.fitWeight;
  const v = 1 - w;
  const classes = leadClasses(flags, outcomes, fit.length);
  const { id: cls, won } = classes;
  const K = classes.bits.length;
  const { wonCents } = outcomes;
  const counts2 = new Int32Array(BINS * BINS * K);
  const cents2 = new Float64Array(BINS * BINS);
  const counts1 = new Int32Array(BINS * K);
  const cents1 = new Float64Array(BINS);
  let moves = 0;
  for (let k = 0; k < count; k++) {
    const i = leads[k]!;
    const f0 = oldFit[i]!;
    const t0 = oldIntent[i]!;
    const f1 = fit[i]!;
    const t1 = intent[i]!;
    const a2 = bin(f0) * BINS + bin(t0);
    const b2 = bin(f1) * BINS + bin(t1);
    const a1 = bin(w * f0 + v * t0);
    const b1 = bin(w * f1 + v * t1);
    if (a2 === b2 && a1 === b1) continue;
    moves++;
    const c = cls[i]!;
    counts2[a2 * K + c]!--;
    counts2[b2 * K + c]!++;
    counts1[a1 * K + c]!--;
    counts1[b1 * K + c]!++;
    if (won[c]) {
      const cents = wonCents[i]!;
      cents2[a2]! -= cents;
      cents2[b2]! += cents;
      cents1[a1]! -= cents;
      cents1[b1]! += cents;
    }
  }
  if (moves === 0) return index;
  const d2 = expand(counts2, cents2, BINS * BINS, classes);
  const d1 = expand(counts1, cents1, BINS, classes);
  const two = index.twoScoreBins.slice();
  const single = index.singleBins.slice();
  for (let k = 0; k < two.length; k++) two[k]! += d2[k]!;
  for (let k = 0; k < single.length; k++) single[k]! += d1[k]!;
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
