/**
 * Shapes the deal-history view-models for the charts and the deal list: money in currency units
 * (cents ÷ 100, a unit change), waterfall steps as floating bars, deal rows as table cells.
 */
import type { Cell } from '../../lib/csv-export';
import { STEP_LABELS } from '../../lib/forecast-labels';
import type {
  CategoryQuarterView,
  CumulativeCategory,
  DealListView,
  DealWaterfallStep,
  DealWaterfallView,
} from '../../worker/api';

export interface CategoryChartRow {
  /** Axis label: the quarter, "(now)" on the current one. */
  readonly label: string;
  readonly quarter: string;
  readonly closed: number;
  readonly commit: number;
  readonly best_case: number;
  readonly pipeline: number;
  readonly weighted: number;
  readonly quota: number | null;
  readonly counts: Readonly<Record<CumulativeCategory, number>>;
}

export function buildCategoryRows(quarters: readonly CategoryQuarterView[]): CategoryChartRow[] {
  return quarters.map((q) => ({
    label: q.tense === 'current' ? `${q.quarter} (now)` : q.quarter,
    quarter: q.quarter,
    closed: q.cents.closed / 100,
    commit: q.cents.commit / 100,
    best_case: q.cents.best_case / 100,
    pipeline: q.cents.pipeline / 100,
    weighted: q.weightedCents / 100,
    quota: q.quotaCents === null ? null : q.quotaCents / 100,
    counts: q.counts,
  }));
}

export interface DealWaterfallRow {
  readonly key: DealWaterfallStep['key'];
  readonly label: string;
  readonly kind: DealWaterfallStep['kind'];
  /** Invisible base of the floating bar, currency units. */
  readonly base: number;
  /** Visible height, currency units. */
  readonly value: number;
  readonly cents: number;
  readonly count: number;
}

/** Totals stand on the axis; an up step starts at the running level, a down step ends at it. */
export function buildDealWaterfallRows(w: DealWaterfallView): DealWaterfallRow[] {
  let level = 0;
  return w.steps.map((s) => {
    const v = s.cents / 100;
    let base = 0;
    if (s.kind === 'total') level = v;
    else if (s.kind === 'up') {
      base = level;
      level += v;
    } else {
      level -= v;
      base = level;
    }
    return { key: s.key, label: STEP_LABELS[s.key], kind: s.kind, base, value: v, cents: s.cents, count: s.count };
  });
}

export const DEAL_LIST_HEADER = [
  'Deal',
  'Owner',
  'Status',
  'Stage',
  'Category',
  'Amount',
  'Close date',
  'p',
  'Weighted',
  'Age (days)',
  'Days in stage',
  'Times pushed',
  'Overdue',
] as const;

const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);

/** Whether the list carries a column of its own figure (a step amount, a weighted amount), apart from the amount. */
export const hasFigureColumn = (v: Pick<DealListView, 'figure'>): boolean => v.figure !== 'amount';

/** The list's rows as cells (money in currency units, p as a fraction); the figure's own column second. */
export function buildDealListCells(v: DealListView): Cell[][] {
  const figure = hasFigureColumn(v);
  return v.rows.map((r) => [
    r.id,
    ...(figure ? [units(r.figureCents)] : []),
    r.owner,
    r.status,
    r.stage,
    r.category,
    units(r.amountCents),
    r.closeDate,
    r.p,
    units(r.weightedCents),
    r.ageDays,
    r.daysInStage,
    r.timesPushed,
    r.overdue ? 'yes' : 'no',
  ]);
}

/**
 * Whether a row of `buildDealListCells` matches the list's text filter: the deal, owner, status,
 * stage or category contains `needle` (lower case), whether or not the figure's column comes second.
 */
export function matchesDealFilter(row: readonly Cell[], needle: string, figure: boolean): boolean {
  const off = figure ? 1 : 0;
  return [row[0], row[1 + off], row[2 + off], row[3 + off], row[4 + off]].some((c) =>
    String(c ?? '')
      .toLowerCase()
      .includes(needle),
  );
}
