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
  const s = L.stageAt;
  const matured = new Uint8Array(n);
  const recordedMql = new Uint8Array(n);
  const recordedStage = new Uint8Array(n);
  const cutoff = new Float64Array(n);
  const matureBefore = o.asOf - o.maturityDays * DAY_MS;
  const windowMs = o.scoringWindowDays * DAY_MS;
  const seen = (a: Float64Array, i: number) => a[i]! <= o.asOf;
  const salOrLater = [s.sal, s.sql, s.sqo, s.won, s.lost, s.disqualified];
  for (let i = 0; i < n; i++) {
    if (seen(s.won, i)) won[i] = 1;
    if (won[i] || seen(s.sqo, i)) reachedSqo[i] = 1;
    const stage = won[i] ? 5 : reachedSqo[i] ? 4 : seen(s.sql, i) ? 3 : seen(s.sal, i) ? 2 : seen(s.mql, i) ? 1 : 0;
    recordedStage[i] = stage;
    recordedMql[i] = stage >= 1 ? 1 : 0;
    const terminal = won[i] || closed[i] || seen(s.lost, i) || seen(s.disqualified, i);
    matured[i] = terminal || L.createdAt[i]! <= matureBefore ? 1 : 0;
    let c = L.createdAt[i]! + windowMs;
    for (let k = 0; k < salOrLater.length; k++) {
      const t = salOrLater[k]![i]!;
      if (t < c) c = t;
    }
    cutoff[i] = c;
  }
  return { reachedSqo, won, wonCents, matured, recordedMql, recordedStage, opportunity, cutoff };
}
