/**
 * Intent score (SPEC §4, §10): for each activity type, the decayed points
 * `points × 0.5^(ageDays / halfLifeDays)` are summed; a positive total is capped at `cap`, a negative
 * one at `−cap`; the score is the sum over types, clamped to [0, 100]. Ages are measured at the
 * lead's cut-off: `asOf`, or earlier when a per-lead cut-off is given (scoring history as of a point
 * before the outcome). Activities after the cut-off do not count.
 */
import type { Dataset } from '../model/columns';
import { DAY_MS } from '../time';
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
 * Intent scores of every lead into `out`. `cutoff` (epoch ms per lead, NaN = none) moves a lead's
 * scoring instant earlier than `asOf`; activities at or before the instant count.
 */
export function scoreIntent(ds: Dataset, intent: CompiledIntent, asOf: number, out: Float32Array, cutoff?: Float64Array): Float32Array {
  const { start, type, at } = ds.activities;
  const { points, caps } = intent;
  const nTypes = points.length;
  const sums = new Float64Array(nTypes);
  const touched = new Int32Array(nTypes);
  const decayPerDay = Math.LN2 / intent.halfLifeDays;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    let t0 = asOf;
    if (cutoff) {
      const c = cutoff[i]!;
      if (c < t0) t0 = c;
    }
    let nTouched = 0;
    const end = start[i + 1]!;
    for (let j = start[i]!; j < end; j++) {
      const when = at[j]!;
      if (when > t0) break;
      const code = type[j]!;
      const p = points[code]!;
      if (p === 0) continue;
      if (sums[code] === 0) touched[nTouched++] = code;
      sums[code]! += p * Math.exp(-decayPerDay * ((t0 - when) / DAY_MS));
    }
    let score = 0;
    for (let k = 0; k < nTouched; k++) {
      const code = touched[k]!;
      const s = sums[code]!;
      const cap = caps[code]!;
      score += s > cap ? cap : s < -cap ? -cap : s;
      sums[code] = 0;
    }
    out[i] = score < 0 ? 0 : score > 100 ? 100 : score;
  }
  return out;
}
