/**
 * Equality of two recomputes' counts. Fit scores are integers, so they compare exactly; intent
 * scores involve 0.5^(age / halfLife), whose last bit may differ between math libraries (V8's
 * Math.pow vs the C library in DuckDB). The documented tolerance: a count may differ only by leads
 * whose intent score lies within 1e-9 of a threshold or histogram bin edge.
 */
import type { GroupColumns } from '../src/engine/kernel/threshold';
import type { KernelAggregates, ScoreCache } from '../src/engine/kernel/recompute';
import { HISTOGRAM_BINS, type KernelThresholds } from '../src/engine/kernel/workload';

const EPSILON = 1e-9;

/** Leads whose intent lies within EPSILON of an edge where a last-bit difference could move them. */
export function leadsNearEdges(f: GroupColumns, cache: ScoreCache, t: KernelThresholds): number {
  const edges = [t.midIntent, t.highIntent, ...Array.from({ length: HISTOGRAM_BINS }, (_, b) => 2 * b)];
  let near = 0;
  for (let i = 0; i < f.count; i++) {
    if (f.include[i] === 0) continue;
    const x = cache.intent[i]!;
    if (edges.some((e) => Math.abs(x - e) <= EPSILON)) near++;
  }
  return near;
}

function diff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i]! - b[i]!);
  return d;
}

/** Throws unless `actual` equals `expected` within `tolerance` leads per table; returns the largest difference. */
export function assertSameCounts(label: string, expected: KernelAggregates, actual: KernelAggregates, tolerance: number): number {
  const diffs = {
    included: Math.abs(expected.included - actual.included),
    mql: Math.abs(expected.mql - actual.mql),
    stageSource: diff(expected.stageSource, actual.stageSource),
    tierSource: diff(expected.tierSource, actual.tierSource),
    histogram: diff(expected.histogram, actual.histogram),
  };
  const worst = Math.max(...Object.values(diffs));
  // A lead moved across an edge changes two cells of a table.
  if (diffs.included !== 0 || worst > 2 * tolerance) {
    throw new Error(`${label}: counts differ from the engine's beyond tolerance (${tolerance} leads near an edge): ${JSON.stringify(diffs)}`);
  }
  return worst;
}
