/**
 * How well a score predicts an outcome, on the user's own history (SPEC §4 "Accuracy").
 * - ROC AUC = the Mann–Whitney U statistic ÷ (positives × negatives): the chance that a random
 *   positive scores above a random negative, ties counting one half. null without both classes.
 * - Lift by decile: leads sorted by score (highest first) and cut into ten equal groups; lift =
 *   the group's conversion rate ÷ the overall rate (null when the overall rate is 0).
 * - Calibration: the score read as a probability (score ÷ 100), in ten 10-point bins: mean predicted
 *   vs the observed rate.
 */
import { rateEstimate, type RateEstimate } from '../funnel/stats';

export interface DecileLift {
  /** 1 = the highest-scoring tenth. */
  readonly decile: number;
  readonly leads: number;
  readonly converted: number;
  /** Converted ÷ leads; null for an empty decile. */
  readonly rate: number | null;
  /** Rate ÷ overall rate; null when either is null or the overall rate is 0. */
  readonly lift: number | null;
  readonly minScore: number;
  readonly maxScore: number;
}

export interface CalibrationBin {
  /** Lower edge of the score bin (0, 10, …, 90); the last bin includes 100. */
  readonly from: number;
  readonly leads: number;
  /** Mean score ÷ 100 of the bin; null when empty. */
  readonly predicted: number | null;
  /** Share converted; null when empty. */
  readonly observed: number | null;
}

/** Below this many rows a comparison sort beats the radix sort's fixed cost. */
const RADIX_MIN = 4096;

/** Sortable unsigned key of a float32 bit pattern (−0 as +0); null for NaN. */
function radixOrder(score: Float32Array, idx: Uint32Array): Uint32Array | null {
  const m = idx.length;
  const bits = new Uint32Array(score.buffer, score.byteOffset, score.length);
  const keys = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const i = idx[k]!;
    const v = score[i]!;
    if (v !== v) return null;
    const b = bits[i]!;
    keys[k] = v === 0 ? 0x80000000 : b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  // Two stable passes of 16-bit digits (low, then high): ties keep ascending row order.
  const count = new Uint32Array(65536);
  let src: Uint32Array = idx;
  let srcKeys: Uint32Array = keys;
  let dst: Uint32Array = new Uint32Array(m);
  let dstKeys: Uint32Array = new Uint32Array(m);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let k = 0; k < m; k++) count[(srcKeys[k]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k++) {
      const pos = count[(srcKeys[k]! >>> shift) & 0xffff]!++;
      dst[pos] = src[k]!;
      dstKeys[pos] = srcKeys[k]!;
    }
    [src, dst] = [dst, src];
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
  }
  return src;
}

/**
 * Indices of the masked rows, sorted by score ascending; rows of equal score in ascending row order
 * (a stable sort). Float32 scores are radix-sorted in two linear passes. Pass the result to
 * `rocAuc` and `liftByDecile` to sort a score once for several labels.
 */
export function rankOrder(score: ArrayLike<number>, mask?: Uint8Array): Uint32Array {
  let m = 0;
  for (let i = 0; i < score.length; i++) if (!mask || mask[i]) m++;
  const idx = new Uint32Array(m);
  let k = 0;
  for (let i = 0; i < score.length; i++) if (!mask || mask[i]) idx[k++] = i;
  if (score instanceof Float32Array && m >= RADIX_MIN) {
    const sorted = radixOrder(score, idx);
    if (sorted) return sorted;
  }
  return idx.sort((a, b) => score[a]! - score[b]!);
}

/** ROC AUC with ties averaged (Mann–Whitney); null when there are no positives or no negatives. */
export function rocAuc(
  score: ArrayLike<number>,
  label: Uint8Array,
  mask?: Uint8Array,
  order?: Uint32Array,
): number | null {
  const idx = order ?? rankOrder(score, mask);
  let pos = 0;
  let rankSum = 0;
  for (let a = 0; a < idx.length;) {
    let b = a;
    const s = score[idx[a]!]!;
    while (b < idx.length && score[idx[b]!]! === s) b++;
    const midRank = (a + 1 + b) / 2; // ranks a+1..b averaged
    for (let k = a; k < b; k++) {
      if (label[idx[k]!]) {
        pos++;
        rankSum += midRank;
      }
    }
    a = b;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function liftByDecile(
  score: ArrayLike<number>,
  label: Uint8Array,
  mask?: Uint8Array,
  order?: Uint32Array,
): DecileLift[] {
  const asc = order ?? rankOrder(score, mask);
  const m = asc.length;
  // Highest score first: the ascending order read backwards.
  const at = (k: number) => asc[m - 1 - k]!;
  let total = 0;
  for (let k = 0; k < m; k++) total += label[asc[k]!]!;
  const overall = m > 0 ? total / m : null;
  const out: DecileLift[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * m) / 10);
    const to = Math.floor(((d + 1) * m) / 10);
    let conv = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = from; k < to; k++) {
      const i = at(k);
      conv += label[i]!;
      const s = score[i]!;
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    const leads = to - from;
    const rate = leads > 0 ? conv / leads : null;
    out.push({
      decile: d + 1,
      leads,
      converted: conv,
      rate,
      lift: rate !== null && overall ? rate / overall : null,
      minScore: leads ? lo : 0,
      maxScore: leads ? hi : 0,
    });
  }
  return out;
}

export function calibration(score: ArrayLike<number>, label: Uint8Array, mask?: Uint8Array): CalibrationBin[] {
  const n = new Float64Array(10);
  const sum = new Float64Array(10);
  const conv = new Float64Array(10);
  for (let i = 0; i < score.length; i++) {
    if (mask && !mask[i]) continue;
    const s = score[i]!;
    const b = Math.min(9, Math.max(0, Math.floor(s / 10)));
    n[b]!++;
    sum[b]! += s / 100;
    conv[b]! += label[i]!;
  }
  return Array.from({ length: 10 }, (_, b) => ({
    from: b * 10,
    leads: n[b]!,
    predicted: n[b]! ? sum[b]! / n[b]! : null,
    observed: n[b]! ? conv[b]! / n[b]! : null,
  }));
}

/** Outcomes per intent tier (0 High, 1 Mid, 2 Low). Rates null for an empty tier. */
export interface TierOutcome {
  readonly leads: number;
  readonly reachedSqo: number;
  readonly won: number;
  readonly sqoRate: number | null;
  readonly winRate: number | null;
  /** sqoRate with its sample (the tier's matured leads) and 95% Wilson interval. */
  readonly sqo: RateEstimate;
  /** winRate (won ÷ matured leads) with its sample and 95% Wilson interval. */
  readonly win: RateEstimate;
  /** Integer cents. */
  readonly wonCents: number;
}

export function tierOutcomes(
  tierCode: Uint8Array,
  reachedSqo: Uint8Array,
  won: Uint8Array,
  wonCents: Float64Array,
  mask: Uint8Array,
): [TierOutcome, TierOutcome, TierOutcome] {
  const acc = [0, 1, 2].map(() => ({ leads: 0, reachedSqo: 0, won: 0, wonCents: 0 }));
  for (let i = 0; i < tierCode.length; i++) {
    if (!mask[i]) continue;
    const a = acc[tierCode[i]!];
    if (!a) continue;
    a.leads++;
    a.reachedSqo += reachedSqo[i]!;
    a.won += won[i]!;
    if (won[i]) a.wonCents += wonCents[i]!;
  }
  const out = acc.map((a) => ({
    ...a,
    sqoRate: a.leads ? a.reachedSqo / a.leads : null,
    winRate: a.leads ? a.won / a.leads : null,
    sqo: rateEstimate(a.reachedSqo, a.leads),
    win: rateEstimate(a.won, a.leads),
  }));
  return [out[0]!, out[1]!, out[2]!];
}
