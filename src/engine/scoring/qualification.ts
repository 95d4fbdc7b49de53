/**
 * Qualification rules applied per lead (SPEC §4): MQL from the scores, SQL = MQL AND an activity of
 * the configured type (a booked meeting by default) up to asOf, SQO = SQL AND every required
 * criterion recorded true on the lead's first opportunity. Model stage codes follow
 * `LeadOutcomes.recordedStage`: 0 lead, 1 mql, 3 sql, 4 sqo (the model has no SAL step).
 */
import type { Dataset } from '../model/columns';
import { combinedScore } from './score';
import type { QualificationRules } from './rules';

/** Per-lead facts the SQL and SQO rules need besides the scores. */
export interface QualificationFlags {
  /** 1 when the lead has an activity of the SQL rule's type at or before asOf. */
  readonly sqlActivity: Uint8Array;
  /** 1 when every required criterion is true on the lead's opportunity. */
  readonly criteriaMet: Uint8Array;
}

export function qualificationFlags(
  ds: Dataset,
  q: QualificationRules,
  opportunity: Int32Array,
  asOf: number,
): QualificationFlags {
  const n = ds.leads.count;
  let sqlActivity = knownSqlActivity.get(ds)?.get(sqlActivityKey(asOf, q.sqlActivity));
  if (!sqlActivity) {
    sqlActivity = new Uint8Array(n);
    const code = ds.activities.typeNames.indexOf(q.sqlActivity);
    if (code >= 0) sqlActivityRange(ds.activities, code, asOf, 0, n, sqlActivity);
    primeSqlActivity(ds, asOf, q.sqlActivity, sqlActivity);
  }
  const criteria = q.requiredCriteria.map((c) => ds.opportunities.qualification[c]);
  const criteriaMet = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = opportunity[i]!;
    if (o < 0) continue;
    let ok = 1;
    for (const col of criteria) if (!col || col[o] !== 1) ok = 0;
    criteriaMet[i] = ok;
  }
  return { sqlActivity, criteriaMet };
}

/**
 * The SQL rule's activity flag of the leads `lo .. hi - 1` into `out` (zeroed): 1 when the lead has
 * an activity of type `code` at or before `asOf`. Each lead's flag comes from its own activities,
 * so any split of the leads into ranges (threads) gives the same flags.
 */
export function sqlActivityRange(
  activities: Pick<Dataset['activities'], 'start' | 'type' | 'at'>,
  code: number,
  asOf: number,
  lo: number,
  hi: number,
  out: Uint8Array,
): void {
  const { start, type, at } = activities;
  // Only the leads with an activity of the type can have the flag: find them with one pass over
  // the type codes (the smallest column), then read each one's activities in time order up to
  // asOf as the definition does (the first of the type counts; none after asOf is read).
  let i = lo;
  const count = start[hi] ?? 0;
  for (let j = start[lo] ?? 0; j < count; j++) {
    if (type[j] !== code) continue;
    while (start[i + 1]! <= j) i++;
    out[i] = hasActivityUpTo(start[i]!, start[i + 1]!, type, at, code, asOf);
    // The lead's other activities of the type give the same answer.
    j = start[i + 1]! - 1;
  }
}

/** SQL activity flags per dataset and (asOf, activity type): computed here or by the scoring pool. */
const knownSqlActivity = new WeakMap<Dataset, Map<string, Uint8Array>>();
const sqlActivityKey = (asOf: number, type: string) => JSON.stringify([asOf, type]);

/**
 * Keeps SQL activity flags computed elsewhere (by the scoring pool, with `sqlActivityRange` over
 * every lead) for `qualificationFlags` of this dataset, instant and activity type to read.
 */
export function primeSqlActivity(ds: Dataset, asOf: number, type: string, flags: Uint8Array): void {
  let byKey = knownSqlActivity.get(ds);
  if (!byKey) knownSqlActivity.set(ds, (byKey = new Map()));
  if (byKey.size >= 4) byKey.delete(byKey.keys().next().value!);
  byKey.set(sqlActivityKey(asOf, type), flags);
}

/** Whether the SQL activity flags of this dataset, instant and activity type are known (kept). */
export function hasSqlActivity(ds: Dataset, asOf: number, type: string): boolean {
  return knownSqlActivity.get(ds)?.has(sqlActivityKey(asOf, type)) ?? false;
}

/** 1 when an activity of `code` comes before the first activity after `asOf` in `from .. to - 1`. */
function hasActivityUpTo(
  from: number,
  to: number,
  type: Uint8Array,
  at: Float64Array,
  code: number,
  asOf: number,
): number {
  for (let j = from; j < to; j++) {
    if (at[j]! > asOf) return 0;
    if (type[j] === code) return 1;
  }
  return 0;
}

/** Whether one lead passes the MQL rule. Thresholds are whole points (BOUNDS.threshold). */
export function passesMql(fit: number, intent: number, q: QualificationRules): boolean {
  return q.mqlMode === 'single-score'
    ? combinedScore(fit, intent, q.fitWeight) >= q.mqlMinCombined
    : fit >= q.mqlMinFit && intent >= q.mqlMinIntent;
}

/** Model stage of every lead (0 lead, 1 mql, 3 sql, 4 sqo). */
export function modelStages(
  fit: Float32Array,
  intent: Float32Array,
  q: QualificationRules,
  flags: QualificationFlags,
): Uint8Array {
  const out = new Uint8Array(fit.length);
  for (let i = 0; i < fit.length; i++) {
    if (!passesMql(fit[i]!, intent[i]!, q)) continue;
    out[i] = !flags.sqlActivity[i] ? 1 : flags.criteriaMet[i] ? 4 : 3;
  }
  return out;
}

const flagsCache = new WeakMap<Int32Array, Map<string, QualificationFlags>>();

/**
 * `qualificationFlags`, cached per (opportunity column of the cached outcomes, asOf, SQL activity,
 * required criteria): weight and threshold changes reuse them.
 */
export function cachedQualificationFlags(
  ds: Dataset,
  q: QualificationRules,
  opportunity: Int32Array,
  asOf: number,
): QualificationFlags {
  let byKey = flagsCache.get(opportunity);
  if (!byKey) flagsCache.set(opportunity, (byKey = new Map()));
  const key = JSON.stringify([asOf, q.sqlActivity, q.requiredCriteria]);
  let hit = byKey.get(key);
  if (!hit) {
    hit = qualificationFlags(ds, q, opportunity, asOf);
    if (byKey.size >= 8) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, hit);
  }
  return hit;
}
