/**
 * Decayed activity sums, the cached half of the intent score. For lead i and activity type t,
 * `S[i][t] = Σ 0.5^(age / halfLife)` over the lead's activities of type t up to its scoring instant
 * (`asOf`, or an earlier per-lead cut-off). The sums do not depend on points or caps, so they are
 * computed once per (dataset, scoring instant, half-life) and every points/caps change is one pass
 * over them with no per-activity work:
 *
 *   intent_i = clamp(Σ_t clamp(points_t × S[i][t], −cap_t, cap_t), 0, 100)
 *
 * summed over types in ascending type code. This is the definition of the intent score
 * (`scoreIntent` in ./intent.ts is this function), so the full and incremental paths agree exactly.
 *
 * Storage is sparse, by lead (CSR): only the types a lead has activity of up to its instant, in
 * ascending type code. A per-type list of leads (for single-weight updates) is built on first use.
 */
import type { Dataset } from '../model/columns';
import { decayFactor, decayRatePerMs } from './decay';

export interface IntentSums {
  /** CSR by lead: entries of lead i are `start[i] .. start[i + 1] - 1`. Length leads + 1. */
  readonly start: Int32Array;
  /** Activity type code of each entry, ascending within a lead. */
  readonly type: Uint8Array;
  /** Σ decay factors of the lead's counted activities of that type. */
  readonly sum: Float64Array;
  readonly halfLifeDays: number;
  readonly types: number;
  /** Leads having an entry of each type. */
  readonly leadsOfType: Int32Array;
}

/** Leads having an entry of each type: `leads[typeStart[t] .. typeStart[t + 1] - 1]`, ascending. */
export interface LeadsByType {
  readonly typeStart: Int32Array;
  readonly leads: Int32Array;
}

/** The activity columns the sums read (CSR by lead, time-ordered within a lead). */
export type SumActivities = Pick<Dataset['activities'], 'count' | 'start' | 'type' | 'at' | 'typeNames'>;

/** The sums of leads `lo .. hi - 1`: a CSR whose `start` is relative to the range (length hi - lo + 1). */
export interface IntentSumsPart {
  readonly start: Int32Array;
  readonly type: Uint8Array;
  readonly sum: Float64Array;
  readonly leadsOfType: Int32Array;
}

/**
 * Adds the decay factor of each of lead i's activities up to `t0` into `acc` by type (in time order,
 * the one order every path sums in), and lists the types touched in `touched`, in ascending type
 * code (`seen` marks them); returns how many. The caller reads and clears `acc` and `seen`.
 */
function accumulateLead(
  activities: SumActivities,
  i: number,
  t0: number,
  decayRate: number,
  seen: Uint8Array,
  touched: Int32Array,
  acc: Float64Array,
): number {
  const { start: aStart, type: aType, at } = activities;
  let nTouched = 0;
  const end = aStart[i + 1]!;
  for (let j = aStart[i]!; j < end; j++) {
    const when = at[j]!;
    if (when > t0) break;
    const code = aType[j]!;
    if (!seen[code]) {
      seen[code] = 1;
      touched[nTouched++] = code;
    }
    acc[code]! += decayFactor(t0 - when, decayRate);
  }
  // Ascending type code (insertion sort of a handful of codes).
  for (let a = 1; a < nTouched; a++) {
    const v = touched[a]!;
    let b = a - 1;
    while (b >= 0 && touched[b]! > v) {
      touched[b + 1] = touched[b]!;
      b--;
    }
    touched[b + 1] = v;
  }
  return nTouched;
}

/**
 * Computes the sums of the leads `lo .. hi - 1`; `cutoff` (epoch ms per lead, NaN = none) moves a
 * lead's instant before asOf. Each lead's entries depend on that lead's activities only, so any
 * split of the leads into ranges gives the same entries (see `joinIntentSums`). With `scores`, also
 * writes each lead's intent score, equal to `leadIntent` of its entries.
 */
export function computeIntentSumsRange(
  activities: SumActivities,
  lo: number,
  hi: number,
  halfLifeDays: number,
  asOf: number,
  cutoff?: Float64Array,
  scores?: IntentScoresInto,
): IntentSumsPart {
  const { start: aStart } = activities;
  const n = hi - lo;
  const types = activities.typeNames.length;
  const seen = new Uint8Array(types);
  const touched = new Int32Array(types);
  const start = new Int32Array(n + 1);
  // Entries are at most one per counted activity; start at half that and grow when needed.
  const activityCount = aStart[hi]! - aStart[lo]!;
  let type = new Uint8Array(Math.max(16, activityCount >>> 1));
  let sum = new Float64Array(type.length);
  const acc = new Float64Array(types);
  const leadsOfType = new Int32Array(types);
  const decayRate = decayRatePerMs(halfLifeDays);
  for (let r = 0; r < n; r++) {
    const i = lo + r;
    let t0 = asOf;
    if (cutoff) {
      const c = cutoff[i]!;
      if (c < t0) t0 = c;
    }
    const nTouched = accumulateLead(activities, i, t0, decayRate, seen, touched, acc);
    let k = start[r]!;
    if (k + nTouched > type.length) {
      const grown = Math.max(k + nTouched, Math.min(activityCount, type.length * 2));
      const t2 = new Uint8Array(grown);
      t2.set(type);
      type = t2;
      const s2 = new Float64Array(grown);
      s2.set(sum);
      sum = s2;
    }
    // The lead's intent score as `leadIntent` computes it from these entries.
    let score = 0;
    for (let q = 0; q < nTouched; q++) {
      const code = touched[q]!;
      const v = acc[code]!;
      type[k] = code;
      sum[k] = v;
      leadsOfType[code]!++;
      k++;
      acc[code] = 0;
      seen[code] = 0;
      if (!scores) continue;
      const p = scores.points[code]!;
      if (p === 0) continue;
      const pv = p * v;
      const cap = scores.caps[code]!;
      score += pv > cap ? cap : pv < -cap ? -cap : pv;
    }
    if (scores) scores.out[i] = score < 0 ? 0 : score > 100 ? 100 : score;
    start[r + 1] = k;
  }
  const m = start[n]!;
  return { start, type: type.slice(0, m), sum: sum.slice(0, m), leadsOfType };
}

/**
 * Writes the sums of the leads `lo .. hi - 1` into `sum` from `offset`: the `sum` entries
 * `computeIntentSumsRange` gives them, in the same order and by the same arithmetic. Which entries a
 * lead has depends on its scoring instant, not on the half-life, so the sums at another half-life of
 * the same instants (see `intentSumsLayout`) say where each range's entries start. With `scores`,
 * also writes each lead's intent score, equal to `leadIntent` of its entries.
 */
export function decaySumsInto(
  activities: SumActivities,
  lo: number,
  hi: number,
  halfLifeDays: number,
  asOf: number,
  cutoff: Float64Array | undefined,
  sum: Float64Array,
  offset: number,
  scores?: IntentScoresInto,
): void {
  const types = activities.typeNames.length;
  const seen = new Uint8Array(types);
  const touched = new Int32Array(types);
  const acc = new Float64Array(types);
  const decayRate = decayRatePerMs(halfLifeDays);
  let k = offset;
  for (let i = lo; i < hi; i++) {
    let t0 = asOf;
    if (cutoff) {
      const c = cutoff[i]!;
      if (c < t0) t0 = c;
    }
    const nTouched = accumulateLead(activities, i, t0, decayRate, seen, touched, acc);
    // The lead's intent score as `leadIntent` computes it from these entries.
    let score = 0;
    for (let q = 0; q < nTouched; q++) {
      const code = touched[q]!;
      const v = acc[code]!;
      sum[k++] = v;
      acc[code] = 0;
      seen[code] = 0;
      if (!scores) continue;
      const p = scores.points[code]!;
      if (p === 0) continue;
      const pv = p * v;
      const cap = scores.caps[code]!;
      score += pv > cap ? cap : pv < -cap ? -cap : pv;
    }
    if (scores) scores.out[i] = score < 0 ? 0 : score > 100 ? 100 : score;
  }
}

/** Points and caps per type code, and where (indexed by lead) to write the leads' intent scores. */
export interface IntentScoresInto {
  readonly points: Float64Array;
  readonly caps: Float64Array;
  readonly out: Float32Array;
}

/** The sums of consecutive lead ranges (in lead order) joined into the sums of all of them. */
export function joinIntentSums(parts: readonly IntentSumsPart[], halfLifeDays: number, types: number): IntentSums {
  const leads = parts.reduce((s, p) => s + p.start.length - 1, 0);
  const entries = parts.reduce((s, p) => s + p.type.length, 0);
  if (parts.length === 1) return { ...parts[0]!, halfLifeDays, types };
  const start = new Int32Array(leads + 1);
  const type = new Uint8Array(entries);
  const sum = new Float64Array(entries);
  const leadsOfType = new Int32Array(types);
  let lead = 0;
  let entry = 0;
  for (const p of parts) {
    placeIntentSums(p, start, type, sum, lead, entry);
    for (let t = 0; t < types; t++) leadsOfType[t]! += p.leadsOfType[t]!;
    lead += p.start.length - 1;
    entry += p.type.length;
  }
  return { start, type, sum, halfLifeDays, types, leadsOfType };
}

/**
 * Copies one part into joined arrays, as `joinIntentSums` does: its entries from `entry` on, the
 * starts of its leads (`lead + 1` on) moved by `entry`. Parts of consecutive ranges placed at
 * their running totals of leads and entries (in any order, on any thread) give `joinIntentSums`'s
 * `start`, `type` and `sum` (`start[0]` is 0).
 */
export function placeIntentSums(
  part: IntentSumsPart,
  start: Int32Array,
  type: Uint8Array,
  sum: Float64Array,
  lead: number,
  entry: number,
): void {
  const n = part.start.length - 1;
  for (let r = 1; r <= n; r++) start[lead + r] = entry + part.start[r]!;
  type.set(part.type, entry);
  sum.set(part.sum, entry);
}

/** Computes the sums of every lead on this thread. */
export function computeIntentSums(ds: Dataset, halfLifeDays: number, asOf: number, cutoff?: Float64Array): IntentSums {
  const part = computeIntentSumsRange(ds.activities, 0, ds.leads.count, halfLifeDays, asOf, cutoff);
  return { ...part, halfLifeDays, types: ds.activities.typeNames.length };
}

/** The intent score of one lead from its entries (the definition; every path calls this). */
export function leadIntent(s: IntentSums, i: number, points: Float64Array, caps: Float64Array): number {
  const { type, sum } = s;
  let score = 0;
  const end = s.start[i + 1]!;
  for (let k = s.start[i]!; k < end; k++) {
    const code = type[k]!;
    const p = points[code]!;
    if (p === 0) continue;
    const v = p * sum[k]!;
    const cap = caps[code]!;
    score += v > cap ? cap : v < -cap ? -cap : v;
  }
  return score < 0 ? 0 : score > 100 ? 100 : score;
}

/** Intent scores of every lead into `out` (length = leads), each by `leadIntent`. */
export function intentFromSums(
  s: IntentSums,
  points: Float64Array,
  caps: Float64Array,
  out: Float32Array,
): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = leadIntent(s, i, points, caps);
  return out;
}

const byTypeCache = new WeakMap<IntentSums, LeadsByType>();

/** The leads having an entry of each type (built once per sums, 4 bytes per entry). */
export function leadsByType(s: IntentSums): LeadsByType {
  const hit = byTypeCache.get(s);
  if (hit) return hit;
  const typeStart = new Int32Array(s.types + 1);
  for (let k = 0; k < s.type.length; k++) typeStart[s.type[k]! + 1]!++;
  for (let t = 0; t < s.types; t++) typeStart[t + 1]! += typeStart[t]!;
  const fill = typeStart.slice(0, s.types);
  const leads = new Int32Array(s.type.length);
  const n = s.start.length - 1;
  for (let i = 0; i < n; i++) {
    const end = s.start[i + 1]!;
    for (let k = s.start[i]!; k < end; k++) leads[fill[s.type[k]!]!++] = i;
  }
  const out = { typeStart, leads };
  byTypeCache.set(s, out);
  return out;
}

/** Bytes held by the sums (and the per-type lead lists once built). */
export function intentSumsBytes(s: IntentSums): number {
  const byType = byTypeCache.get(s);
  return (
    s.start.byteLength +
    s.type.byteLength +
    s.sum.byteLength +
    (byType ? byType.leads.byteLength + byType.typeStart.byteLength : 0)
  );
}

/** Current and history sums at the applied half-life, history at a dragged one. */
const MAX_CACHED = 3;
const cache = new WeakMap<Dataset, Map<string, IntentSums>>();
const cutoffIds = new WeakMap<Float64Array, number>();
let nextCutoffId = 1;

function cutoffKey(cutoff: Float64Array | undefined): number {
  if (!cutoff) return 0;
  let id = cutoffIds.get(cutoff);
  if (id === undefined) {
    id = nextCutoffId++;
    cutoffIds.set(cutoff, id);
  }
  return id;
}

function cacheOf(ds: Dataset): Map<string, IntentSums> {
  let byKey = cache.get(ds);
  if (!byKey) cache.set(ds, (byKey = new Map()));
  return byKey;
}

function remember(byKey: Map<string, IntentSums>, key: string, sums: IntentSums): void {
  if (!byKey.has(key) && byKey.size >= MAX_CACHED) byKey.delete(byKey.keys().next().value!);
  byKey.delete(key);
  byKey.set(key, sums);
}

/**
 * The sums for (dataset, asOf, cut-off array, half-life), cached (the last few are kept). The
 * cut-off array is identified by object identity: pass the cached `LeadOutcomes.cutoff`.
 */
export function intentSums(ds: Dataset, halfLifeDays: number, asOf: number, cutoff?: Float64Array): IntentSums {
  const key = `${asOf}|${cutoffKey(cutoff)}|${halfLifeDays}`;
  const byKey = cacheOf(ds);
  const hit = byKey.get(key) ?? computeIntentSums(ds, halfLifeDays, asOf, cutoff);
  remember(byKey, key, hit);
  return hit;
}

/**
 * Cached sums of the same dataset, asOf and cut-off array at any half-life (undefined if none):
 * their `start`, `type` and `leadsOfType` are those of every half-life at these instants.
 */
export function intentSumsLayout(ds: Dataset, asOf: number, cutoff?: Float64Array): IntentSums | undefined {
  const byKey = cache.get(ds);
  if (!byKey) return undefined;
  const prefix = `${asOf}|${cutoffKey(cutoff)}|`;
  for (const [key, sums] of byKey) if (key.startsWith(prefix)) return sums;
  return undefined;
}

const scoresCache = new WeakMap<IntentSums, IntentScoresInto>();

/** Keeps intent scores computed with the sums (see `decaySumsInto`) for `cachedIntentScores`. */
export function primeIntentScores(sums: IntentSums, scores: IntentScoresInto): void {
  scoresCache.set(sums, scores);
}

const sameValues = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, k) => x === b[k]);

/** The leads' intent scores from these sums under these points and caps, if computed with them. */
export function cachedIntentScores(
  sums: IntentSums,
  points: Float64Array,
  caps: Float64Array,
): Float32Array | undefined {
  const hit = scoresCache.get(sums);
  return hit && sameValues(hit.points, points) && sameValues(hit.caps, caps) ? hit.out : undefined;
}

/** Whether the sums of these arguments are cached (`intentSums` would not compute them). */
export function hasIntentSums(ds: Dataset, halfLifeDays: number, asOf: number, cutoff?: Float64Array): boolean {
  return cache.get(ds)?.has(`${asOf}|${cutoffKey(cutoff)}|${halfLifeDays}`) ?? false;
}

/** Caches sums computed elsewhere (e.g. by a pool of workers) as `intentSums` would compute them. */
export function primeIntentSums(ds: Dataset, asOf: number, cutoff: Float64Array | undefined, sums: IntentSums): void {
  remember(cacheOf(ds), `${asOf}|${cutoffKey(cutoff)}|${sums.halfLifeDays}`, sums);
}

/** Drops the cached sums of a dataset (cold-cache measurements). */
export function clearIntentSums(ds: Dataset): void {
  cache.delete(ds);
}
