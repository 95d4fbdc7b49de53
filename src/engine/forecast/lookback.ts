/**
 * The lookback window of the forecast's historical rates, and the rates read over it: win rate,
 * average won deal size and cycle length of deals closed in the window (SPEC §5, §10).
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_WON } from '../model/stages';
import { closedAt, daysBetween, statusAt } from './opportunity-time';

/** Options every forecast computation shares. */
export interface ForecastOptions {
  /** Epoch ms: the "as of" instant. Deals closed after it count as open. */
  readonly asOf: number;
  /** Opportunities to include (1 = keep), e.g. from `opportunityMask`; all when absent. */
  readonly mask?: Uint8Array;
  /**
   * Quarters of history the rates read (default 4): deals closed in the `3 × n` months up to
   * `asOf`. `null` reads all history.
   */
  readonly lookbackQuarters?: number | null;
}

export const DEFAULT_LOOKBACK_QUARTERS = 4;

/** First instant of the lookback window (exclusive), or -Infinity for all history. */
export function lookbackStart(asOf: number, quarters: number | null | undefined): number {
  const q = quarters === undefined ? DEFAULT_LOOKBACK_QUARTERS : quarters;
  if (q === null || !Number.isFinite(q)) return -Infinity;
  const d = new Date(asOf);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - 3 * q,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export const kept = (mask: Uint8Array | undefined, j: number): boolean => !mask || mask[j] === 1;

/** True when opportunity j closed (won or lost) inside the lookback window (from, asOf]. */
export function closedInWindow(ds: Dataset, j: number, asOf: number, from: number): boolean {
  const s = statusAt(ds, j, asOf);
  if (s !== STATUS_WON && s !== STATUS_LOST) return false;
  const c = closedAt(ds, j);
  // Closed deals without a close instant count as closed in every window.
  return Number.isNaN(c) || c > from;
}

/** Historical rates over the lookback window. */
export interface HistoricalRates {
  /** Deals won in the window. */
  readonly won: number;
  /** Deals lost in the window. */
  readonly lost: number;
  /** won ÷ (won + lost); null when nothing closed. */
  readonly winRate: number | null;
  /** Σ amount of won deals, integer cents. */
  readonly wonCents: number;
  /** Mean amount of won deals in cents (not rounded); null when none was won. */
  readonly avgWonCents: number | null;
  /**
   * Mean days from creation to close of won deals; null when none. A deal whose close precedes its
   * creation (dates out of order) is left out, never counted as a negative cycle.
   */
  readonly cycleDaysMean: number | null;
  /** Median of the same; null when none. */
  readonly cycleDaysMedian: number | null;
  /** Won deals of the window whose close date precedes their creation: rows, left out of the cycle. */
  readonly cycleOutOfOrder: readonly number[];
  /** Epoch ms start of the window (exclusive); -Infinity for all history. */
  readonly from: number;
}

export function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function historicalRates(ds: Dataset, opts: ForecastOptions): HistoricalRates {
  const O = ds.opportunities;
  const from = lookbackStart(opts.asOf, opts.lookbackQuarters);
  let won = 0;
  let lost = 0;
  let wonCents = 0;
  const cycles: number[] = [];
  const outOfOrder: number[] = [];
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j) || !closedInWindow(ds, j, opts.asOf, from)) continue;
    if (statusAt(ds, j, opts.asOf) === STATUS_WON) {
      won++;
      wonCents += summableCents(O.amountCents[j]!);
      const c = closedAt(ds, j);
      if (!Number.isFinite(c)) continue;
      const days = daysBetween(O.createdAt[j]!, c);
      if (days >= 0) cycles.push(days);
      else outOfOrder.push(j);
    } else lost++;
  }
  const cycleArr = Float64Array.from(cycles);
  let sum = 0;
  for (const c of cycles) sum += c;
  return {
    won,
    lost,
    winRate: won + lost === 0 ? null : won / (won + lost),
    wonCents,
    avgWonCents: won === 0 ? null : wonCents / won,
    cycleDaysMean: cycles.length === 0 ? null : sum / cycles.length,
    cycleDaysMedian: median(cycleArr),
    cycleOutOfOrder: outOfOrder,
    from,
  };
}
