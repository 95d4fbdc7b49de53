/**
 * The decay factor of intent activities, `0.5^(ageDays / halfLifeDays)` = `e^y` with
 * `y = ageMs × decayRatePerMs(halfLifeDays)` (SPEC §4, §10). Every path that decays an activity (the
 * decayed sums on any thread, the per-lead explanation, the predictive features) calls `decayFactor`,
 * so they agree to the bit.
 *
 * `expDecay` computes e^y for y ≤ 0 from IEEE-754 `+ − ×` and two tables, so it gives the same double
 * on every JavaScript engine, about three times as fast as `Math.exp` (Node 20). With N = 2048 and k
 * the integer nearest to `y·N/ln 2`: `e^y = 2^⌊k/N⌋ × 2^((k mod N)/N) × e^r`, where
 * `r = y − k·ln 2/N` (|r| ≤ ln 2/(2N); exact but for one rounding), the middle factor is a table entry
 * held as the sum of two doubles (to 1e-32), e^r − 1 its Taylor polynomial of degree 3 (truncation
 * below 3.5e-17), and the power of two is applied exactly, rounding once also where the result is
 * subnormal.
 *
 * Error bound, where the result is a normal number (y ≥ −708.39): below 1.5e-16 relative to e^y
 * (the last rounding, 2^−53, plus the truncation; measured: 0.74 units in the last place at most),
 * hence within one unit in the last place of `Math.exp` (measured: 2.2e-16 relative at most). The
 * factor is 1 exactly at y = 0, lies in [0, 1] and never decreases as y grows; below y ≈ −744.4,
 * where e^y rounds to the least subnormal or 0, it is 0.
 */
import { DAY_MS } from '../time';

const LOG_N = 11;
const N = 1 << LOG_N;
/** N / ln 2. */
const INV_LN2_N = 2954.639443740597;
/** −ln 2 / N in two parts: the first with 28 significant bits, so `k × it` is exact for |k| < 2^25. */
const NEG_LN2_HI_N = -0.0003384507717782981;
const NEG_LN2_LO_N = 2.0512280628325608e-14;
/** Adding then subtracting 1.5 × 2^52 rounds a double below 2^51 in magnitude to the nearest integer. */
const ROUND = 6755399441055744;
const C3 = 0.16666666666666666;
/** 2^−MAX_SHIFT is the least subnormal double. */
const MAX_SHIFT = 1074;

/**
 * 2^(i/N) for i = 0 .. N − 1, each the double nearest to it: computed in 120-bit fixed point with
 * BigInt (exact integer arithmetic, the same on every engine), then rounded once by `Number`.
 */
function powerTable(): { hi: Float64Array; lo: Float64Array } {
  const P = 120n;
  const one = 1n << P;
  const isqrt = (v: bigint): bigint => {
    let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2));
    for (;;) {
      const next = (x + v / x) >> 1n;
      if (next >= x) return x;
      x = next;
    }
  };
  // 2^(1/N): LOG_N square roots of 2.
  let root = 2n * one;
  for (let s = 0; s < LOG_N; s++) root = isqrt(root << P);
  const hi = new Float64Array(N);
  const lo = new Float64Array(N);
  const scale = 2 ** -Number(P);
  let t = one;
  for (let i = 0; i < N; i++) {
    const h = Number(t);
    hi[i] = h * scale;
    lo[i] = Number(t - BigInt(h)) * scale;
    t = (t * root) >> P;
  }
  return { hi, lo };
}

const { hi: TABLE_HI, lo: TABLE_LO } = powerTable();

/** SCALE[j] = 2^−j for j = 0 .. 1074 (halving is exact down to the least subnormal). */
const SCALE = new Float64Array(MAX_SHIFT + 1);
SCALE[0] = 1;
for (let j = 1; j <= MAX_SHIFT; j++) SCALE[j] = SCALE[j - 1]! * 0.5;

/**
 * e^y for y ≤ 0, within 1.5e-16 relative where the result is normal (see the module comment); 0 below
 * y ≈ −744.4. Outside the domain (NaN, y ≥ ln 2 × (1 − 2^−12)) it returns 0, not e^y. Written with no
 * call and one branch so that it inlines into the loops that sum decay factors.
 */
export function expDecay(y: number): number {
  const kd = y * INV_LN2_N + ROUND - ROUND;
  const r = y + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N;
  const k = kd | 0;
  const t = TABLE_HI[k & (N - 1)]!;
  const m = t + (TABLE_LO[k & (N - 1)]! + t * (r + r * r * (0.5 + r * C3)));
  const shift = (N - 1 - k) >> LOG_N; // −⌊k / N⌋ (an int32: no −0)
  // `k === kd` fails for NaN, infinities and |kd| ≥ 2^31 (where `| 0` wraps).
  if (shift >= 0 && shift <= MAX_SHIFT && k === kd) return m * SCALE[shift]!;
  return 0;
}

/**
 * The decay exponent per millisecond of age for a half-life in days, −ln 2 / (halfLifeDays × DAY_MS)
 * (≤ 0): computed once per half-life, so each activity costs one multiplication before `expDecay`.
 */
export function decayRatePerMs(halfLifeDays: number): number {
  return -(Math.LN2 / halfLifeDays) / DAY_MS;
}

/**
 * The decay factor of an activity `ageMs` old (≥ 0) under `rate` from `decayRatePerMs`:
 * e^(ageMs × rate) = 0.5^(ageDays / halfLifeDays), the one expression every path evaluates.
 */
export function decayFactor(ageMs: number, rate: number): number {
  return expDecay(ageMs * rate);
}
