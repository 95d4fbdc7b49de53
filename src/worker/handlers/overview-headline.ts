/** The Overview's headline windows and figures, shared by the lead and the opportunity bases. */
import type { Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { addQuarters, quarterEnd, quarterOf, quarterStart } from '../../engine/time';

/** The headline figures counted on leads, in the order shown. */
export const LEAD_HEADLINE_KEYS = ['leads', 'mqls', 'sqls', 'sqos', 'won', 'wonAmount', 'mqlToSqo', 'winRate'] as const;
/** The headline figures counted on opportunities (no leads, or leads not linked to deals), in the order shown. */
export const OPPORTUNITY_HEADLINE_KEYS = ['opportunities', 'won', 'wonAmount', 'winRate'] as const;

export type LeadHeadlineKey = (typeof LEAD_HEADLINE_KEYS)[number];
export type OpportunityHeadlineKey = (typeof OPPORTUNITY_HEADLINE_KEYS)[number];
/** A headline figure; the Overview names and defines it (its definition depends on the basis). */
export type HeadlineKey = LeadHeadlineKey | OpportunityHeadlineKey;

/** `count` leads or opportunities, `money` integer cents, `rate` a fraction 0–1 (MQL→SQO here may exceed 1). */
export type HeadlineKind = 'count' | 'money' | 'rate';

const KIND: Readonly<Record<HeadlineKey, HeadlineKind>> = {
  leads: 'count',
  mqls: 'count',
  sqls: 'count',
  sqos: 'count',
  opportunities: 'count',
  won: 'count',
  wonAmount: 'money',
  mqlToSqo: 'rate',
  winRate: 'rate',
};

export interface HeadlineFigure {
  readonly key: HeadlineKey;
  readonly kind: HeadlineKind;
  readonly current: number | null;
  readonly previous: number | null;
  /**
   * Counts and money: relative change (current − previous) ÷ previous, null when previous is 0.
   * Rates: the difference in fraction points (0.05 = 5 percentage points), null when either is null.
   */
  readonly change: number | null;
}

/** The headline window: the quarter of the as-of (or of the date filter's end, when earlier) to that instant. */
export interface HeadlineWindows {
  readonly quarter: string;
  readonly curFrom: number;
  readonly curTo: number;
  readonly prevQuarter: string;
  readonly prevFrom: number;
  readonly prevTo: number;
  /** True when the date filter ends before the as-of and so ends the window. */
  readonly clipped: boolean;
}

export function headlineWindows(ds: Dataset, asOf: number, filters: Filters): HeadlineWindows {
  const fy = ds.meta.fiscalYearStartMonth;
  const clipped = filters.to !== undefined && filters.to - 1 < asOf;
  const end = clipped ? filters.to! - 1 : asOf;
  const quarter = quarterOf(end, fy);
  const curFrom = quarterStart(quarter, fy);
  const curTo = end + 1;
  const prevQuarter = addQuarters(quarter, -1, fy);
  const prevFrom = quarterStart(prevQuarter, fy);
  const prevTo = Math.min(quarterEnd(prevQuarter, fy), prevFrom + (curTo - curFrom));
  return { quarter, curFrom, curTo, prevQuarter, prevFrom, prevTo, clipped };
}

export function headlineFigure(key: HeadlineKey, current: number | null, previous: number | null): HeadlineFigure {
  const kind = KIND[key];
  let change: number | null = null;
  if (current !== null && previous !== null) {
    if (kind === 'rate') change = current - previous;
    else if (previous !== 0) change = (current - previous) / previous;
  }
  return { key, kind, current, previous, change };
}
