/**
 * The opportunity funnel: for a company whose export has opportunities but no leads (or leads not
 * linked to them), the stages a deal reaches from creation to won, counted over opportunities.
 *
 * - Stage reach comes from the stage history when the data has one (a deal that entered a later
 *   stage, or was won, counts as having passed every earlier stage: inclusive counting, as for
 *   leads); without a history, from each deal's status only (created → won), since the order of
 *   free-form current stage names cannot be known.
 * - The order of the open stages of a history: known stage names (canonical, Salesforce's and
 *   HubSpot's standard stages) in pipeline order, others by the average position at which deals
 *   first enter them.
 * - Win rate (SPEC §5): won ÷ (won + lost) of the opportunities closed by `asOf`.
 */
import { summableCents, type Dataset } from '../model/columns';
import { OPPORTUNITY_STAGES, STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../model/stages';
import { closedAt, statusAt } from '../forecast/opportunity-time';
import { ratio } from './stats';

export interface OpportunityStageRow {
  /** `created`, a stage name of the history, or `won`. */
  readonly stage: string;
  readonly label: string;
  /** Opportunities that reached the stage. */
  readonly count: number;
  /** Σ amount of those opportunities, integer cents. */
  readonly amountCents: number;
  /** count ÷ the previous row's count; null for the first row or 0/0. */
  readonly stepRate: number | null;
  /** count ÷ the first row's count; null when there is no opportunity. */
  readonly cumulativeRate: number | null;
}

export interface OpportunityFunnel {
  /** Where stage reach came from. */
  readonly source: 'history' | 'status';
  readonly stages: readonly OpportunityStageRow[];
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  readonly openCents: number;
  readonly wonCents: number;
  readonly lostCents: number;
  /** won ÷ (won + lost); null when nothing closed. */
  readonly winRate: number | null;
}

const CLOSED_NAME = /^(won|lost)$|closed/i;

/**
 * Open stages whose order is known, lower-cased: the canonical stages, then Salesforce's standard
 * opportunity stages, then HubSpot's default deal stages (each list in pipeline order).
 */
const KNOWN_ORDER: readonly string[] = [
  ...OPPORTUNITY_STAGES,
  'prospecting',
  'qualification',
  'needs analysis',
  'value proposition',
  'id. decision makers',
  'perception analysis',
  'proposal/price quote',
  'negotiation/review',
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
];

/** Open stage codes of the history in funnel order (see the module comment). */
function stageOrder(ds: Dataset, rows: readonly number[]): number[] {
  const O = ds.opportunities;
  const { start, stage } = O.history;
  const sum = new Float64Array(O.stageNames.length);
  const seen = new Int32Array(O.stageNames.length);
  for (const j of rows) {
    const first = new Set<number>();
    let pos = 0;
    for (let e = start[j]!; e < start[j + 1]!; e++) {
      const s = stage[e]!;
      if (first.has(s) || CLOSED_NAME.test(O.stageNames[s]!)) continue;
      first.add(s);
      sum[s]! += pos++;
      seen[s]!++;
    }
  }
  const codes = [...O.stageNames.keys()].filter((s) => seen[s]! > 0);
  const rank = (s: number) => KNOWN_ORDER.indexOf(O.stageNames[s]!.toLowerCase());
  return codes.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra >= 0 && rb >= 0) return ra - rb;
    return sum[a]! / seen[a]! - sum[b]! / seen[b]! || a - b;
  });
}

/** The opportunity funnel of the deals kept by `mask` and created by `asOf`. O(opportunities + history). */
export function opportunityFunnel(ds: Dataset, asOf: number, mask?: Uint8Array, useHistory = true): OpportunityFunnel {
  const O = ds.opportunities;
  const rows: number[] = [];
  const status: number[] = [];
  for (let j = 0; j < O.count; j++) {
    if (mask && !mask[j]) continue;
    const s = statusAt(ds, j, asOf);
    if (s < 0) continue;
    rows.push(j);
    status.push(s);
  }
  const order = useHistory ? stageOrder(ds, rows) : [];
  const position = new Map(order.map((s, k) => [s, k]));
  const reach = new Int32Array(order.length);
  const reachCents = new Float64Array(order.length);
  const tally = { open: 0, won: 0, lost: 0, openCents: 0, wonCents: 0, lostCents: 0 };
  const { start, stage, at } = O.history;
  rows.forEach((j, k) => {
    const s = status[k]!;
    const amount = summableCents(O.amountCents[j]!);
    if (s === STATUS_WON) {
      tally.won++;
      tally.wonCents += amount;
    } else if (s === STATUS_LOST) {
      tally.lost++;
      tally.lostCents += amount;
    } else {
      tally.open++;
      tally.openCents += amount;
    }
    // Furthest open stage entered by asOf; a won deal passed them all.
    let furthest = s === STATUS_WON ? order.length - 1 : -1;
    for (let e = start[j]!; e < start[j + 1]! && s !== STATUS_WON; e++) {
      const p = position.get(stage[e]!);
      if (p !== undefined && at[e]! <= asOf && p > furthest) furthest = p;
    }
    for (let p = 0; p <= furthest; p++) {
      reach[p]!++;
      reachCents[p]! += amount;
    }
  });
  let createdCents = 0;
  for (const j of rows) createdCents += summableCents(O.amountCents[j]!);
  const raw: { stage: string; label: string; count: number; amountCents: number }[] = [
    { stage: 'created', label: 'Opportunities', count: rows.length, amountCents: createdCents },
    ...order.map((s, p) => ({
      stage: O.stageNames[s]!,
      label: O.stageNames[s]!,
      count: reach[p]!,
      amountCents: reachCents[p]!,
    })),
    { stage: 'won', label: 'Won', count: tally.won, amountCents: tally.wonCents },
  ];
  const stages = raw.map((r, k): OpportunityStageRow => ({
    ...r,
    stepRate: k === 0 ? null : ratio(r.count, raw[k - 1]!.count),
    cumulativeRate: ratio(r.count, rows.length),
  }));
  return {
    source: order.length > 0 ? 'history' : 'status',
    stages,
    ...tally,
    winRate: ratio(tally.won, tally.won + tally.lost),
  };
}

/** Opportunity figures of a window [from, to): created in it, and closed in it by close date. */
export interface OpportunityWindow {
  readonly created: number;
  readonly won: number;
  readonly lost: number;
  readonly wonCents: number;
  /** won ÷ (won + lost) of the deals closed in the window; null when none closed. */
  readonly winRate: number | null;
}

export function opportunityWindow(
  ds: Dataset,
  asOf: number,
  from: number,
  to: number,
  mask?: Uint8Array,
): OpportunityWindow {
  const O = ds.opportunities;
  let created = 0;
  let won = 0;
  let lost = 0;
  let wonCents = 0;
  for (let j = 0; j < O.count; j++) {
    if (mask && !mask[j]) continue;
    const s = statusAt(ds, j, asOf);
    if (s < 0) continue;
    const c = O.createdAt[j]!;
    if (c >= from && c < to) created++;
    if (s === STATUS_OPEN) continue;
    const t = closedAt(ds, j);
    if (!(t >= from && t < to)) continue;
    if (s === STATUS_WON) {
      won++;
      wonCents += summableCents(O.amountCents[j]!);
    } else lost++;
  }
  return { created, won, lost, wonCents, winRate: ratio(won, won + lost) };
}
