/** The fiscal quarters a funnel analysis runs over: from the first lead in scope to the as-of date. */
import { addQuarters, quarterEnd, quarterOf, quarterStart } from '../time';
import type { StageReach } from './reach';

export interface Period {
  /** Fiscal quarter label, e.g. `2026-Q1`. */
  readonly label: string;
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

/** Quarters from the earliest in-scope lead's creation to the quarter holding asOf; empty when no lead is in scope. */
export function funnelPeriods(reach: StageReach, fiscalYearStartMonth = 1): Period[] {
  let first = Infinity;
  const created = reach.at.lead;
  for (let i = 0; i < reach.inScope.length; i++) if (reach.inScope[i] && created[i]! < first) first = created[i]!;
  return quarterPeriods(first, reach.asOf, fiscalYearStartMonth);
}

/** Quarters from the one holding `first` (the earliest creation in scope) to the one holding asOf; empty when `first` is not finite. */
export function quarterPeriods(first: number, asOf: number, fiscalYearStartMonth = 1): Period[] {
  if (!Number.isFinite(first)) return [];
  const last = quarterOf(asOf, fiscalYearStartMonth);
  const out: Period[] = [];
  for (
    let q: string = quarterOf(first, fiscalYearStartMonth);
    out.length < 400;
    q = addQuarters(q, 1, fiscalYearStartMonth)
  ) {
    out.push({ label: q, start: quarterStart(q, fiscalYearStartMonth), end: quarterEnd(q, fiscalYearStartMonth) });
    if (q === last) break;
  }
  return out;
}

/** Index of the period holding instant t, or -1. Periods are contiguous and sorted. */
export function periodIndex(periods: readonly Period[], t: number): number {
  if (!(periods.length > 0 && t >= periods[0]!.start && t < periods[periods.length - 1]!.end)) return -1;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (periods[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
