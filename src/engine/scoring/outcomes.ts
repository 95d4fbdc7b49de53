/**
 * What happened to each lead, as the data records it: reached SQO, won, won revenue, matured, the
 * recorded funnel stage and the lead's opportunity (for qualification criteria). One pass over leads
 * and opportunities; cached per (dataset, asOf, maturity, window).
 *
 * History scoring cut-off: to judge a score against an outcome the score must be taken before the
 * outcome, or deal activity (which follows the outcome) inflates accuracy. A lead is scored as of
 * the earlier of (a) `scoringWindowDays` after its creation and (b) its first entry into SAL or any
 * later stage (SQL, SQO, won, lost, disqualified) — the activity marketing saw before sales worked it.
 */
import { summableCents, type Dataset } from '../model/columns';
import { poolColumn } from '../model/shared-memory';
import { STATUS_LOST, STATUS_WON } from '../model/stages';
import { DAY_MS } from '../time';

export interface LeadOutcomes {
  /** 1 when the lead reached SQO (recorded `sqo_at`/`won_at`, or it has an opportunity). */
  readonly reachedSqo: Uint8Array;
  /** 1 when won: `won_at` recorded or an opportunity of the lead won. */
  readonly won: Uint8Array;
  /** Won amount of the lead's opportunities, integer cents. */
  readonly wonCents: Float64Array;
  /** 1 when the outcome is known at asOf: won, lost, disqualified, or older than the maturity window. */
  readonly matured: Uint8Array;
  /** 1 when the recorded history shows MQL or any later funnel stage (inclusive counting). */
  readonly recordedMql: Uint8Array;
  /** Highest funnel stage reached as recorded: 0 lead, 1 mql, 2 sal, 3 sql, 4 sqo, 5 won. */
  readonly recordedStage: Uint8Array;
  /** First opportunity (by creation) of the lead, -1 for none. */
  readonly opportunity: Int32Array;
  /** History scoring instant of each lead, epoch ms. */
  readonly cutoff: Float64Array;
}

export interface OutcomeOptions {
  readonly asOf: number;
  readonly maturityDays: number;
  readonly scoringWindowDays: number;
}

const cache = new WeakMap<Dataset, Map<string, LeadOutcomes>>();

export function leadOutcomes(ds: Dataset, o: OutcomeOptions): LeadOutcomes {
  const key = `${o.asOf}|${o.maturityDays}|${o.scoringWindowDays}`;
  let byKey = cache.get(ds);
  if (!byKey) cache.set(ds, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const out = computeOutcomes(ds, o);
  byKey.set(key, out);
  return out;
}

function computeOutcomes(ds: Dataset, o: OutcomeOptions): LeadOutcomes {
  const L = ds.leads;
  const O = ds.opportunities;
  const n = L.count;
  const reachedSqo = new Uint8Array(n);
  const won = new Uint8Array(n);
  const wonCents = new Float64Array(n);
  const closed = new Uint8Array(n);
  const opportunity = new Int32Array(n).fill(-1);
  for (let j = 0; j < O.count; j++) {
    const i = O.lead[j]!;
    if (i < 0 || !(O.createdAt[j]! <= o.asOf)) continue;
    reachedSqo[i] = 1;
    const prev = opportunity[i]!;
    if (prev < 0 || O.createdAt[j]! < O.createdAt[prev]!) opportunity[i] = j;
    const status = O.status[j]!;
    if (status === STATUS_WON) {
      won[i] = 1;
      wonCents[i]! += summableCents(O.amountCents[j]!);
    }
    if (status === STATUS_WON || status === STATUS_LOST) closed[i] = 1;
  }
  const { mql, sal, sql, sqo, won: wonAt, lost, disqualified } = L.stageAt;
  const createdAt = L.createdAt;
  const matured = new Uint8Array(n);
  const recordedMql = new Uint8Array(n);
  const recordedStage = new Uint8Array(n);
  const cutoff = historyCutoff(ds, o.scoringWindowDays);
  const asOf = o.asOf;
  const matureBefore = asOf - o.maturityDays * DAY_MS;
  // One pass with every column read once per lead (a stage is seen when recorded at or before asOf).
  for (let i = 0; i < n; i++) {
    const salAt = sal[i]!;
    const sqlAt = sql[i]!;
    const sqoAt = sqo[i]!;
    const wonAtI = wonAt[i]!;
    const lostAt = lost[i]!;
    const dqAt = disqualified[i]!;
    const created = createdAt[i]!;
    let w = won[i]!;
    if (wonAtI <= asOf) won[i] = w = 1;
    let rs = reachedSqo[i]!;
    if (w || sqoAt <= asOf) reachedSqo[i] = rs = 1;
    const stage = w ? 5 : rs ? 4 : sqlAt <= asOf ? 3 : salAt <= asOf ? 2 : mql[i]! <= asOf ? 1 : 0;
    recordedStage[i] = stage;
    recordedMql[i] = stage >= 1 ? 1 : 0;
    const terminal = w || closed[i] || lostAt <= asOf || dqAt <= asOf;
    matured[i] = terminal || created <= matureBefore ? 1 : 0;
  }
  return { reachedSqo, won, wonCents, matured, recordedMql, recordedStage, opportunity, cutoff };
}

const cutoffs = new WeakMap<Dataset, Map<number, Float64Array>>();

/**
 * The leads' history scoring instants (`LeadOutcomes.cutoff`): they depend on the scoring window
 * alone (not on asOf or the maturity), so they are computed and cached apart, and a caller that
 * needs only them (the scoring pool's decayed sums, started first) need not wait for the outcomes.
 */
export function historyCutoff(ds: Dataset, scoringWindowDays: number): Float64Array {
  let byWindow = cutoffs.get(ds);
  if (!byWindow) cutoffs.set(ds, (byWindow = new Map()));
  let hit = byWindow.get(scoringWindowDays);
  if (!hit) {
    hit = computeCutoff(ds, scoringWindowDays);
    byWindow.set(scoringWindowDays, hit);
  }
  return hit;
}

function computeCutoff(ds: Dataset, scoringWindowDays: number): Float64Array {
  const L = ds.leads;
  const n = L.count;
  const { sal, sql, sqo, won: wonAt, lost, disqualified } = L.stageAt;
  const createdAt = L.createdAt;
  // Read by the scoring pool's workers too: in shared memory where it exists (no copy for them).
  const cutoff = poolColumn(Float64Array, n);
  const windowMs = scoringWindowDays * DAY_MS;
  for (let i = 0; i < n; i++) {
    // The earliest of the window's end and SAL or any later stage, in this order.
    let c = createdAt[i]! + windowMs;
    const salAt = sal[i]!;
    if (salAt < c) c = salAt;
    const sqlAt = sql[i]!;
    if (sqlAt < c) c = sqlAt;
    const sqoAt = sqo[i]!;
    if (sqoAt < c) c = sqoAt;
    const wonAtI = wonAt[i]!;
    if (wonAtI < c) c = wonAtI;
    const lostAt = lost[i]!;
    if (lostAt < c) c = lostAt;
    const dqAt = disqualified[i]!;
    if (dqAt < c) c = dqAt;
    cutoff[i] = c;
  }
  return cutoff;
}
