/**
 * The pipeline waterfall of one quarter, from the deal history: how the open pipeline due in the
 * quarter moved from `from` (the quarter's start) to `to` (its end, or the as-of instant if
 * earlier). A deal is in the quarter's pipeline while it is open and its close date (as recorded
 * then) falls in the quarter. Each move of a deal is one step:
 *   new        created in the period, due in the quarter
 *   pulled in  close date moved into the quarter (from another quarter, or from none)
 *   pushed out close date moved out of the quarter (nearly always later) while still open
 *   amount up / amount down  its amount changed while in the quarter's pipeline
 *   won / lost closed while in the quarter's pipeline
 * so that, in amounts and in deal counts (amount steps aside):
 *   start + new + pulled in − pushed out + amount up − amount down − won − lost = end.
 * Changes at one instant apply before a close at that instant: a deal pulled in and won the same
 * day counts in both steps. Deals with an unknown amount are left out and counted.
 */
import type { Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../model/stages';
import { quarterEnd, quarterStart } from '../time';
import { dealStateAt } from './deal-history';
import { kept } from './lookback';
import { AT_NONE, closedAt, statusAt } from './opportunity-time';

export const WATERFALL_STEPS = [
  'start',
  'created',
  'pulledIn',
  'pushedOut',
  'amountUp',
  'amountDown',
  'won',
  'lost',
  'end',
] as const;
export type WaterfallStepKey = (typeof WATERFALL_STEPS)[number];

export interface WaterfallDeals {
  /** Deals in the step (a deal may move several times: counted once per move). */
  readonly count: number;
  /** Integer cents, ≥ 0; the step's kind gives the sign. */
  readonly cents: number;
  /** Opportunity rows, in first-move order, each once. */
  readonly deals: readonly number[];
  /** What each deal of `deals` adds to `cents` (same order): Σ dealCents = cents. */
  readonly dealCents: readonly number[];
}

export interface QuarterWaterfall {
  readonly quarter: string;
  /** Epoch ms: the quarter's start (asOf if earlier), and min(quarter end, asOf). */
  readonly from: number;
  readonly to: number;
  readonly steps: Readonly<Record<WaterfallStepKey, WaterfallDeals>>;
  /** Deals left out because their amount is unknown. */
  readonly unknownAmount: number;
}

interface Scope {
  readonly status: number;
  readonly inside: boolean;
  readonly cents: number;
}

/** Instants (from, to] at which deal j may change: its creation, each recorded change, its close. */
function instants(ds: Dataset, j: number, from: number, to: number): number[] {
  const O = ds.opportunities;
  const C = O.changes;
  const out = new Set<number>();
  const add = (t: number) => {
    if (t > from && t <= to) out.add(t);
  };
  add(O.createdAt[j]!);
  add(closedAt(ds, j));
  for (let k = C.start[j]!; k < C.start[j + 1]!; k++) add(C.at[k]!);
  return [...out].sort((a, b) => a - b);
}

/** Step totals plus the signed sum they must give; see the module identity. */
export function waterfallBalance(w: QuarterWaterfall): { cents: number; count: number } {
  const s = w.steps;
  return {
    cents:
      s.start.cents +
      s.created.cents +
      s.pulledIn.cents -
      s.pushedOut.cents +
      s.amountUp.cents -
      s.amountDown.cents -
      s.won.cents -
      s.lost.cents,
    count: s.start.count + s.created.count + s.pulledIn.count - s.pushedOut.count - s.won.count - s.lost.count,
  };
}

export function quarterWaterfall(ds: Dataset, quarter: string, asOf: number, mask?: Uint8Array): QuarterWaterfall {
  const fy = ds.meta.fiscalYearStartMonth;
  const qs = quarterStart(quarter, fy);
  const qe = quarterEnd(quarter, fy);
  const to = Math.min(qe - 1, asOf);
  // A quarter that has not begun by asOf: start and end are its pipeline as of asOf.
  const from = Math.min(qs, to);
  const acc = Object.fromEntries(
    WATERFALL_STEPS.map((k) => [k, { count: 0, cents: 0, deals: [] as number[], dealCents: [] as number[] }]),
  ) as Record<WaterfallStepKey, { count: number; cents: number; deals: number[]; dealCents: number[] }>;
  const put = (key: WaterfallStepKey, j: number, cents: number) => {
    const a = acc[key];
    a.count++;
    a.cents += cents;
    if (a.deals[a.deals.length - 1] === j) a.dealCents[a.dealCents.length - 1]! += cents;
    else {
      a.deals.push(j);
      a.dealCents.push(cents);
    }
  };
  let unknownAmount = 0;
  const O = ds.opportunities;
  for (let j = 0; j < O.count; j++) {
    if (!kept(mask, j) || O.createdAt[j]! > to) continue;
    /** The deal's fields at `t`, its status at `statusT`. */
    const scope = (t: number, statusT: number): Scope => {
      const s = dealStateAt(ds, j, t);
      const status = statusAt(ds, j, statusT);
      return { status, inside: status === STATUS_OPEN && s.closeDate >= qs && s.closeDate < qe, cents: s.amountCents };
    };
    let prev = scope(from, from);
    if (prev.inside && Number.isNaN(prev.cents)) {
      unknownAmount++;
      continue;
    }
    const moves: [WaterfallStepKey, number][] = [];
    let unknown = false;
    const step = (next: Scope) => {
      if (next.inside && Number.isNaN(next.cents)) unknown = true;
      if (prev.inside && next.inside && next.cents !== prev.cents)
        moves.push([next.cents > prev.cents ? 'amountUp' : 'amountDown', Math.abs(next.cents - prev.cents)]);
      else if (!prev.inside && next.inside) moves.push([prev.status === AT_NONE ? 'created' : 'pulledIn', next.cents]);
      else if (prev.inside && !next.inside)
        moves.push([
          next.status === STATUS_WON ? 'won' : next.status === STATUS_LOST ? 'lost' : 'pushedOut',
          prev.cents,
        ]);
      prev = next;
    };
    const startScope = prev;
    for (const t of instants(ds, j, from, to)) {
      step(scope(t, t - 1));
      step(scope(t, t));
    }
    if (unknown) {
      unknownAmount++;
      continue;
    }
    if (startScope.inside) put('start', j, startScope.cents);
    for (const [key, cents] of moves) put(key, j, cents);
    if (prev.inside) put('end', j, prev.cents);
  }
  return { quarter, from, to, steps: acc, unknownAmount };
}
