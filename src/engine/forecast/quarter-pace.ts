/**
 * How far into its bookings a quarter usually is by a given point of the quarter: of the bookings
 * past quarters closed, the share closed within the same time from their start. It turns a
 * full-quarter forecast into a forecast to date, so the current quarter's actual to date is set
 * against what should have closed by now, never against a whole quarter.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_WON } from '../model/stages';
import { quarterEnd, quarterOf, quarterStart } from '../time';
import { kept } from './lookback';
import { closedAt } from './opportunity-time';

export interface QuarterPace {
  /** Time elapsed in the quarter of `asOf`, ms from its start. */
  readonly elapsedMs: number;
  /** Σ bookings closed within `elapsedMs` of their quarter's start ÷ Σ bookings of those quarters, 0–1; null when they booked nothing. */
  readonly share: number | null;
  /** The past quarters read. */
  readonly quarters: readonly string[];
  /** Why `share` is null; null otherwise. */
  readonly reason: string | null;
}

/** The pace of the quarter of `asOf`, read from `quarters` (completed quarters, labels). */
export function quarterPace(ds: Dataset, asOf: number, quarters: readonly string[], mask?: Uint8Array): QuarterPace {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const elapsedMs = asOf - quarterStart(quarterOf(asOf, fy), fy);
  const wanted = new Set(quarters.filter((q) => quarterEnd(q, fy) <= asOf));
  let total = 0;
  let byThen = 0;
  for (let j = 0; j < (wanted.size === 0 ? 0 : O.count); j++) {
    if (!kept(mask, j) || O.status[j] !== STATUS_WON) continue;
    const c = closedAt(ds, j);
    if (!Number.isFinite(c) || c > asOf) continue;
    const q = quarterOf(c, fy);
    if (!wanted.has(q)) continue;
    const amount = summableCents(O.amountCents[j]!);
    total += amount;
    if (c - quarterStart(q, fy) < elapsedMs) byThen += amount;
  }
  const share = total === 0 ? null : byThen / total;
  return {
    elapsedMs,
    share,
    quarters: [...wanted],
    reason:
      share === null
        ? 'not measurable — needs bookings closed in a past quarter, to know how much of a quarter usually closes by this point'
        : null,
  };
}
