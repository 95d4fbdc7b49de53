/**
 * A faster path for the scoring engine's intent score when only activity points or caps change
 * (the points sliders): the decay factor of every activity depends on the "as of" instant, the
 * per-lead cut-off and the half-life, not on the points, so it is computed once and reused. Each
 * factor is the very double `scoreIntent` computes, so the scores are bit-identical to it (a test
 * checks this); the saving is one `Math.exp` per activity per rescore.
 */
import type { Dataset } from '../model/columns';
import type { CompiledIntent } from '../scoring/intent';
import { DAY_MS } from '../time';

/** Decay factor per activity (CSR order); -1 marks an activity after its lead's scoring instant. */
export interface ActivityDecay {
  readonly factor: Float64Array;
  readonly halfLifeDays: number;
}

/** Computes every activity's decay factor exactly as `scoreIntent` does. */
export function activityDecay(ds: Dataset, halfLifeDays: number, asOf: number, cutoff?: Float64Array): ActivityDecay {
  const { start, at } = ds.activities;
  const factor = new Float64Array(ds.activities.count).fill(-1);
  const decayPerDay = Math.LN2 / halfLifeDays;
  for (let i = 0; i < ds.leads.count; i++) {
    let t0 = asOf;
    if (cutoff) {
      const c = cutoff[i]!;
      if (c < t0) t0 = c;
    }
    const end = start[i + 1]!;
    for (let j = start[i]!; j < end; j++) {
      const when = at[j]!;
      if (when > t0) break;
      factor[j] = Math.exp(-decayPerDay * ((t0 - when) / DAY_MS));
    }
  }
  return { factor, halfLifeDays };
}

/** Intent scores from cached decay factors; same result as `scoreIntent` with the same inputs. */
export function scoreIntentCached(ds: Dataset, intent: CompiledIntent, decay: ActivityDecay, out: Float32Array): Float32Array {
  if (decay.halfLifeDays !== intent.halfLifeDays) throw new Error('The decay cache was built for another half-life.');
  const { start, type } = ds.activities;
  const { factor } = decay;
  const { points, caps } = intent;
  const sums = new Float64Array(points.length);
  const touched = new Int32Array(points.length);
  const n = out.length;
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    const end = start[i + 1]!;
    for (let j = start[i]!; j < end; j++) {
      const f = factor[j]!;
      if (f < 0) break;
      const code = type[j]!;
      const p = points[code]!;
      if (p === 0) continue;
      if (sums[code] === 0) touched[nTouched++] = code;
      sums[code]! += p * f;
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
