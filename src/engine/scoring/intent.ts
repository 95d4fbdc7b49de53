/**
 * Intent score (SPEC §4, §10): for each activity type, the decayed points
 * `points × Σ 0.5^(ageDays / halfLifeDays)` (the type's decay factors summed, then multiplied by its
 * points); a positive total is capped at `cap`, a negative one at `−cap`; the score is the sum over
 * types in type-code order, clamped to [0, 100]. Ages are measured at the
 * lead's cut-off: `asOf`, or earlier when a per-lead cut-off is given (scoring history as of a point
 * before the outcome). Activities after the cut-off do not count.
 */
import type { Dataset } from '../model/columns';
import { cachedIntentScores, intentFromSums, intentSums } from './intent-sums';
import type { ActivityRule } from './rules';

/** Activity rules compiled against the dataset's activity type codes. */
export interface CompiledIntent {
  /** Points per activity type code (0 for types without a rule). */
  readonly points: Float64Array;
  /** Cap (magnitude) per activity type code. */
  readonly caps: Float64Array;
  readonly halfLifeDays: number;
}

export function compileIntent(ds: Dataset, activities: readonly ActivityRule[], halfLifeDays: number): CompiledIntent {
  const names = ds.activities.typeNames;
  const points = new Float64Array(names.length);
  const caps = new Float64Array(names.length);
  const byType = new Map(activities.map((a) => [a.type, a]));
  names.forEach((name, code) => {
    const rule = byType.get(name);
    if (rule) {
      points[code] = rule.points;
      caps[code] = rule.cap;
    }
  });
  return { points, caps, halfLifeDays };
}

/**
 * The intent scores `scoreIntent` would write, when they were computed with the cached sums (by the
 * scoring pool) under the same points and caps; undefined otherwise. The array is the cache's own:
 * read it, do not write it.
 */
export function readyIntentScores(
  ds: Dataset,
  intent: CompiledIntent,
  asOf: number,
  cutoff?: Float64Array,
): Float32Array | undefined {
  const sums = intentSums(ds, intent.halfLifeDays, asOf, cutoff);
  const ready = cachedIntentScores(sums, intent.points, intent.caps);
  return ready && ready.length === ds.leads.count ? ready : undefined;
}

/**
 * Intent scores of every lead into `out`. `cutoff` (epoch ms per lead, NaN = none) moves a lead's
 * scoring instant earlier than `asOf`; activities at or before the instant count. The decayed sums
 * per lead and type are cached (./intent-sums.ts), so a points or caps change does no per-activity
 * work.
 */
export function scoreIntent(
  ds: Dataset,
  intent: CompiledIntent,
  asOf: number,
  out: Float32Array,
  cutoff?: Float64Array,
): Float32Array {
  const sums = intentSums(ds, intent.halfLifeDays, asOf, cutoff);
  // Computed with the sums (by the scoring pool) under the same points and caps: the same values.
  const ready = cachedIntentScores(sums, intent.points, intent.caps);
  if (ready && ready.length === out.length) {
    out.set(ready);
    return out;
  }
  return intentFromSums(sums, intent.points, intent.caps, out);
}
