/**
 * The threshold-only path. Thresholds do not change scores, so once a full recompute has cached
 * them, every threshold-dependent count is read from a table of 2-D suffix sums over whole-point
 * score bins: `atLeast[g][a][b]` = leads of group g (stage × source) with floor(fit) ≥ a and
 * floor(intent) ≥ b. For a whole-number threshold t, `score ≥ t ⇔ floor(score) ≥ t`, so the counts
 * are exact — equal to a full recompute, never an approximation. Other thresholds fall back to a
 * recount over the cached scores (also exact).
 */
import type { KernelColumns } from './kernel-columns';
import { allocateAggregates, type KernelAggregates, type ScoreCache } from './recompute';
import { KERNEL_STAGES, type KernelThresholds } from './workload';

/** The per-lead group columns the index reads (wide or encoded features both have them). */
export type GroupColumns = Pick<KernelColumns, 'count' | 'include' | 'stage' | 'source' | 'sourceNames'>;

/** Score bins per axis: whole points 0..100. */
const BINS = 101;
const CELLS = BINS * BINS;

/** Suffix-count table of one score cache. */
export interface ThresholdIndex {
  readonly sources: number;
  /** `(g * BINS + a) * BINS + b`, g = stage * sources + source. */
  readonly atLeast: Int32Array;
  readonly included: number;
  readonly histogram: Int32Array;
}

/** Builds the index in one pass over the cached scores plus the suffix sums (per group 2 × 101²). */
export function buildThresholdIndex(f: GroupColumns, cache: ScoreCache, histogram: Int32Array): ThresholdIndex {
  const S = f.sourceNames.length;
  const groups = KERNEL_STAGES.length * S;
  const grid = new Int32Array(groups * CELLS);
  const { include, stage, source } = f;
  const { fit, intent } = cache;
  let included = 0;
  for (let i = 0; i < f.count; i++) {
    if (include[i] === 0) continue;
    included++;
    const g = stage[i]! * S + source[i]!;
    grid[(g * BINS + (fit[i]! | 0)) * BINS + (intent[i]! | 0)]!++;
  }
  for (let g = 0; g < groups; g++) {
    const base = g * CELLS;
    // Suffix along intent (b), then along fit (a).
    for (let a = 0; a < BINS; a++) {
      const row = base + a * BINS;
      for (let b = BINS - 2; b >= 0; b--) grid[row + b]! += grid[row + b + 1]!;
    }
    for (let a = BINS - 2; a >= 0; a--) {
      const row = base + a * BINS;
      for (let b = 0; b < BINS; b++) grid[row + b]! += grid[row + BINS + b]!;
    }
  }
  return { sources: S, atLeast: grid, included, histogram: histogram.slice() };
}

/** Bin index of a whole-number threshold; BINS means "above every score" (count 0). */
function binOf(t: number): number {
  return t <= 0 ? 0 : t > 100 ? BINS : t;
}

function countAtLeast(ix: ThresholdIndex, g: number, a: number, b: number): number {
  return a >= BINS || b >= BINS ? 0 : ix.atLeast[(g * BINS + a) * BINS + b]!;
}

/** True when the fast path is exact for these thresholds (all whole numbers). */
export function isIndexable(t: KernelThresholds): boolean {
  return Number.isInteger(t.mqlMinFit) && Number.isInteger(t.midIntent) && Number.isInteger(t.highIntent);
}

/**
 * Threshold-only recompute from the index: O(stages × sources) lookups, no pass over leads.
 * Returns null when a threshold is not a whole number (use `recountFromCache`).
 */
export function thresholdRecompute(ix: ThresholdIndex, t: KernelThresholds): KernelAggregates | null {
  if (!isIndexable(t)) return null;
  const S = ix.sources;
  const out = allocateAggregates(S);
  const fitMin = binOf(t.mqlMinFit);
  const mid = binOf(t.midIntent);
  const high = binOf(t.highIntent);
  const lowest = Math.min(mid, high);
  for (let s = 0; s < KERNEL_STAGES.length; s++) {
    for (let src = 0; src < S; src++) {
      const g = s * S + src;
      const qualified = countAtLeast(ix, g, fitMin, mid);
      out.stageSource[g] = qualified;
      out.mql += qualified;
      const total = countAtLeast(ix, g, 0, 0);
      const atHigh = countAtLeast(ix, g, 0, high);
      out.tierSource[src]! += atHigh;
      out.tierSource[S + src]! += countAtLeast(ix, g, 0, mid) - countAtLeast(ix, g, 0, Math.max(mid, high));
      out.tierSource[2 * S + src]! += total - countAtLeast(ix, g, 0, lowest);
    }
  }
  out.included = ix.included;
  out.histogram.set(ix.histogram);
  return out;
}

/** Exact recount of the threshold-dependent counts over cached scores (any thresholds). */
export function recountFromCache(f: GroupColumns, cache: ScoreCache, t: KernelThresholds, histogram: Int32Array): KernelAggregates {
  const S = f.sourceNames.length;
  const out = allocateAggregates(S);
  const { include, stage, source } = f;
  const { fit, intent } = cache;
  for (let i = 0; i < f.count; i++) {
    if (include[i] === 0) continue;
    out.included++;
    const x = intent[i]!;
    const src = source[i]!;
    if (fit[i]! >= t.mqlMinFit && x >= t.midIntent) {
      out.mql++;
      out.stageSource[stage[i]! * S + src]!++;
    }
    const tier = x >= t.highIntent ? 0 : x >= t.midIntent ? 1 : 2;
    out.tierSource[tier * S + src]!++;
  }
  out.histogram.set(histogram);
  return out;
}

