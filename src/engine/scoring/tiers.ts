/**
 * Tiers and the fit × intent matrix (SPEC §4). Tier codes: ICP 0 = Tier 1, 1 = Tier 2, 2 = Tier 3;
 * intent 0 = High, 1 = Mid, 2 = Low. Matrix cell = icpTier × 3 + intentTier.
 */
import type { TierRules } from './rules';

export const ICP_TIERS = ['Tier 1', 'Tier 2', 'Tier 3'] as const;
export const INTENT_TIERS = ['High', 'Mid', 'Low'] as const;
export type IntentTier = (typeof INTENT_TIERS)[number];

/** Where each intent tier is routed. */
export const INTENT_ROUTES: Readonly<Record<IntentTier, string>> = {
  High: 'Sales now',
  Mid: 'Nurture',
  Low: 'Automation',
};

/** The 3×3 routes: rows ICP tier 1..3, columns intent High, Mid, Low. */
export const MATRIX_ROUTES: readonly (readonly string[])[] = [
  ['Work now', 'Work now (SDR follow-up)', 'Back to nurture'],
  ['Work now (SDR follow-up)', 'Nurture', 'Back to nurture'],
  ['Low-touch standard offer', 'Automation', 'Deflect'],
];

export const icpTierOf = (fit: number, t: TierRules): number => (fit >= t.icpTier1 ? 0 : fit >= t.icpTier2 ? 1 : 2);
export const intentTierOf = (intent: number, t: TierRules): number =>
  intent >= t.intentHigh ? 0 : intent >= t.intentMid ? 1 : 2;

/** Per-lead tier codes over the leads in `mask` (255 for leads outside it). */
export function tierCodes(
  fit: Float32Array,
  intent: Float32Array,
  t: TierRules,
  mask?: Uint8Array,
): { icp: Uint8Array; intent: Uint8Array } {
  const n = fit.length;
  const icp = new Uint8Array(n).fill(255);
  const it = new Uint8Array(n).fill(255);
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    icp[i] = icpTierOf(fit[i]!, t);
    it[i] = intentTierOf(intent[i]!, t);
  }
  return { icp, intent: it };
}

/** Lead counts per intent tier [High, Mid, Low] over the mask. */
export function intentTierCounts(intent: Float32Array, t: TierRules, mask?: Uint8Array): [number, number, number] {
  const c: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < intent.length; i++) {
    if (mask && !mask[i]) continue;
    c[intentTierOf(intent[i]!, t)]!++;
  }
  return c;
}

/** Lead counts of the 3×3 matrix (index icpTier × 3 + intentTier) over the mask. */
export function matrixCounts(fit: Float32Array, intent: Float32Array, t: TierRules, mask?: Uint8Array): Float64Array {
  const m = new Float64Array(9);
  for (let i = 0; i < fit.length; i++) {
    if (mask && !mask[i]) continue;
    m[icpTierOf(fit[i]!, t) * 3 + intentTierOf(intent[i]!, t)]!++;
  }
  return m;
}
