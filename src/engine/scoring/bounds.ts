/**
 * Bounds of every editable scoring setting: the one source for the UI's sliders and inputs and for
 * the engine's clamps, so a value the UI allows is a value the engine accepts unchanged.
 */

/** A slider's range and step. `min`/`max` inclusive. */
export interface Bound {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const BOUNDS = {
  /** Score thresholds (fit, intent, combined, tier cut-offs): whole points on the 0–100 scale. */
  threshold: { min: 0, max: 100, step: 1 },
  /** Intent decay half-life, days. */
  halfLifeDays: { min: 1, max: 365, step: 1 },
  /** Points of one activity type or one fit rule (negative points lower the score). */
  points: { min: -50, max: 50, step: 1 },
  /** Points of a fit rule that matches every lead (`op: 'always'`): the base of the fit sum. */
  basePoints: { min: -100, max: 100, step: 1 },
  /** Per-type cap on the decayed points of an activity type (bounds the magnitude). */
  cap: { min: 0, max: 100, step: 1 },
  /** Weight of fit in the single combined score, 0–1 (intent gets 1 − weight). */
  fitWeight: { min: 0, max: 1, step: 0.05 },
  /** Maturity window, days: a lead older than this counts as matured even without an outcome. */
  maturityDays: { min: 7, max: 730, step: 1 },
  /** Accuracy cut-off: at most this many days of a lead's activity count when scoring history. */
  scoringWindowDays: { min: 1, max: 365, step: 1 },
  /** L2 penalty of the suggested-weights fit. */
  l2: { min: 0, max: 10, step: 0.01 },
  /** Share of rows held out to judge the suggested weights. */
  holdoutShare: { min: 0.1, max: 0.5, step: 0.05 },
} as const satisfies Record<string, Bound>;

export type BoundName = keyof typeof BOUNDS;

/** `value` clamped into the bound and snapped to its step; NaN becomes the minimum. */
export function clampTo(bound: Bound, value: number): number {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? bound.min : value > 0 ? bound.max : bound.min;
  const snapped = bound.min + Math.round((value - bound.min) / bound.step) * bound.step;
  const rounded = Number(snapped.toFixed(6));
  return Math.min(bound.max, Math.max(bound.min, rounded));
}
