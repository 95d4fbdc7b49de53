/**
 * How a deal list names the figure it lists and the figure's column: "Commit (cumulative), 2026-Q3",
 * "Weighted amount". The worker returns the target and the kind of figure; these say them.
 */
import { CATEGORY_LABELS, METHOD_LABEL, STEP_LABELS } from '../../lib/forecast-labels';
import type { DealFigure, DealListView } from '../../worker/api';

export const FIGURE_LABEL: Readonly<Record<DealFigure, string>> = {
  amount: 'Amount',
  weighted: 'Weighted amount',
  step: 'Step amount',
  counted: 'Counted amount',
  expected: 'Expected bookings',
  amountTimesWinRate: 'Amount × win rate',
};

/** The figure whose deals are listed, in words. */
export function dealListTitle(v: Pick<DealListView, 'target' | 'quarter'>): string {
  const t = v.target;
  const q = v.quarter ?? '';
  switch (t.kind) {
    case 'waterfall':
      return `${STEP_LABELS[t.step]}, pipeline waterfall ${q}`;
    case 'category':
      return `${CATEGORY_LABELS[t.category]} (cumulative), ${q}`;
    case 'due':
      return t.weighted ? `Weighted pipeline due in ${q}` : `Open pipeline due in ${q}`;
    case 'open':
      return t.weighted === true ? 'Weighted pipeline' : 'Open pipeline';
    case 'expected':
      return t.basis === 'weighted'
        ? 'Expected bookings (the weighted pipeline)'
        : 'Expected bookings: open pipeline × win rate';
    case 'won':
      return `Won in ${q}`;
    case 'projected':
      return `Projected bookings, ${q}`;
    case 'stage':
      return t.weighted ? `Weighted pipeline in ${t.stage}` : `Open pipeline in ${t.stage}`;
    case 'overdue':
      return 'Overdue deals: open, close date passed';
    case 'undated':
      return 'Open deals without a close date';
    case 'sqoLag':
      return t.series === 'sqos'
        ? `SQOs created in ${q}`
        : t.series === 'toDate'
          ? `Bookings forecast from SQOs to date, ${q}`
          : `Bookings forecast from SQOs, ${q}`;
    case 'lookback':
      return t.won ? 'Deals won in the lookback' : 'Deals closed in the lookback';
    case 'accuracy':
      return t.part === 'wonToDate' ? `Won to date, ${q}` : `Projected bookings of ${q}, ${METHOD_LABEL[t.part]}`;
    case 'pushed':
      return t.twice ? 'Deals pushed more than once' : 'Deals pushed at least once';
    case 'slipClosed':
      return `Closed deals ${t.pushed ? 'pushed at least once' : 'never pushed'}`;
    case 'stalled':
      return t.stage === undefined ? 'Stalled deals' : `Stalled deals in ${t.stage}`;
  }
}
