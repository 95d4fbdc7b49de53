/**
 * Slippage (SPEC §6): a deal is pushed when its recorded close date moves later while it is open,
 * pulled in when it moves earlier. Moves at or after the deal's close (the close date set to the
 * day it was won or lost) are not slippage. Win rates compare the closed deals that were pushed at
 * least once with those never pushed.
 */
import type { Dataset } from '../model/columns';
import { STATUS_OPEN, STATUS_WON } from '../model/stages';
import { DAY_MS } from '../time';
import { kept, type ForecastOptions } from './lookback';
import { AT_NONE, closedAt, statusAt } from './opportunity-time';

export interface CloseDateMoves {
  readonly pushes: number;
  readonly pullIns: number;
  /** Σ days the close date moved later. */
  readonly daysPushed: number;
}

/** Close-date moves of deal j recorded by `asOf`, while it was open. */
export function closeDateMoves(ds: Dataset, j: number, asOf: number): CloseDateMoves {
  const C = ds.opportunities.changes;
  const closed = closedAt(ds, j);
  const until = Number.isNaN(closed) ? Infinity : closed;
  let prev = NaN;
  let pushes = 0;
  let pullIns = 0;
  let days = 0;
  for (let k = C.start[j]!; k < C.start[j + 1]!; k++) {
    const at = C.at[k]!;
    if (at > asOf) break;
    const d = C.closeDate[k]!;
    if (Number.isNaN(d)) continue;
    if (!Number.isNaN(prev) && at < until && d !== prev) {
      if (d > prev) {
        pushes++;
        days += (d - prev) / DAY_MS;
      } else pullIns++;
    }
    prev = d;
  }
  return { pushes, pullIns, daysPushed: days };
}

export interface Slippage {
  /** Deals whose close date moved later at least once. */
  readonly pushedDeals: number;
  /** …at least twice. */
  readonly pushedTwiceDeals: number;
  readonly pulledInDeals: number;
  /** Deals looked at: created by asOf (and kept by the mask). */
  readonly deals: number;
  readonly pushes: number;
  /** Σ days pushed over all pushes; mean per push (null when none). */
  readonly daysPushed: number;
  readonly meanDaysPerPush: number | null;
  /** Won ÷ closed among deals pushed at least once / never pushed; null when none closed. */
  readonly winRatePushed: number | null;
  readonly winRateNeverPushed: number | null;
  readonly closedPushed: number;
  readonly closedNeverPushed: number;
  /** Rows of the deals, for the lists behind the counts. */
  readonly rows: {
    readonly pushed: readonly number[];
    readonly pushedTwice: readonly number[];
    readonly pulledIn: readonly number[];
  };
}

export function slippage(ds: Dataset, opts: ForecastOptions): Slippage {
  const O = ds.opportunities;
  const rows = { pushed: [] as number[], pushedTwice: [] as number[], pulledIn: [] as number[] };
  let deals = 0;
  let pushes = 0;
  let days = 0;
  const closed = { pushed: 0, never: 0 };
  const won = { pushed: 0, never: 0 };
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j)) continue;
    const status = statusAt(ds, j, opts.asOf);
    if (status === AT_NONE) continue;
    deals++;
    const m = closeDateMoves(ds, j, opts.asOf);
    pushes += m.pushes;
    days += m.daysPushed;
    if (m.pushes >= 1) rows.pushed.push(j);
    if (m.pushes >= 2) rows.pushedTwice.push(j);
    if (m.pullIns >= 1) rows.pulledIn.push(j);
    if (status === STATUS_OPEN) continue;
    const key = m.pushes >= 1 ? 'pushed' : 'never';
    closed[key]++;
    if (status === STATUS_WON) won[key]++;
  }
  const rate = (w: number, c: number) => (c === 0 ? null : w / c);
  return {
    pushedDeals: rows.pushed.length,
    pushedTwiceDeals: rows.pushedTwice.length,
    pulledInDeals: rows.pulledIn.length,
    deals,
    pushes,
    daysPushed: days,
    meanDaysPerPush: pushes === 0 ? null : days / pushes,
    winRatePushed: rate(won.pushed, closed.pushed),
    winRateNeverPushed: rate(won.never, closed.never),
    closedPushed: closed.pushed,
    closedNeverPushed: closed.never,
    rows,
  };
}
