/**
 * The deals behind a forecast figure: the rows of a waterfall step, a cumulative category of a
 * quarter, the weighted or open pipeline due in a quarter, the pushed or stalled deals. The list's
 * total is computed the way the figure is, so the two agree to the cent.
 */
import { dealRows, type DealRow } from '../../engine/forecast/deal-rows';
import type { WaterfallStepKey } from '../../engine/forecast/deal-waterfall';
import { kept } from '../../engine/forecast/lookback';
import { isOverdue, stageAt, statusAt } from '../../engine/forecast/opportunity-time';
import { slippage } from '../../engine/forecast/slippage';
import { stalledDeals } from '../../engine/forecast/stalled';
import { probabilityLookup } from '../../engine/forecast/stage-probability';
import { summableCents, type Dataset } from '../../engine/model/columns';
import { STATUS_OPEN } from '../../engine/model/stages';
import { quarterOf } from '../../engine/time';
import { cumulativeSets, dealForecastContext, STEP_LABELS, waterfallFor, type CumulativeCategory, type DealForecastInput } from './deal-forecast';

/** Which figure's deals to list. */
export type DealTarget =
  | { readonly kind: 'waterfall'; readonly quarter: string; readonly step: WaterfallStepKey }
  | { readonly kind: 'category'; readonly quarter: string; readonly category: CumulativeCategory }
  /** Open deals due in the quarter (not overdue); `weighted`: their total is Σ amount × p. */
  | { readonly kind: 'due'; readonly quarter: string; readonly weighted: boolean }
  /** Every open deal; `weighted`: their total is Σ amount × p (the headline weighted pipeline). */
  | { readonly kind: 'open'; readonly weighted?: boolean }
  | { readonly kind: 'pushed'; readonly twice: boolean }
  | { readonly kind: 'stalled' };

export interface DealListInput extends Omit<DealForecastInput, 'quarter'> {
  readonly target: DealTarget;
}

export interface DealListRow extends DealRow {
  /** What the deal adds to the figure, cents: its step amount, weighted amount or amount. */
  readonly figureCents: number | null;
}

export interface DealListView {
  readonly currency: string;
  /** The figure, in words: "Commit (cumulative), 2026-Q3". */
  readonly title: string;
  /** What `figureCents` of a row is: "Step amount", "Weighted amount" or "Amount". */
  readonly figureLabel: string;
  /** Σ of the rows' figure, cents: equal to the figure clicked. */
  readonly totalCents: number;
  readonly rows: readonly DealListRow[];
}

export const CATEGORY_LABELS: Readonly<Record<CumulativeCategory, string>> = { closed: 'Closed', commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline' };

export function dealListView(ds: Dataset, input: DealListInput, asOf = ds.meta.latestAt): DealListView {
  const ctx = dealForecastContext(ds, input, asOf);
  const t = input.target;
  const O = ds.opportunities;
  const rowsOf = (rows: readonly number[]) => dealRows(ds, rows, asOf, { ...ctx.probability, stageCategories: ctx.stageCategories });
  const withFigure = (rows: DealRow[], figure: (r: DealRow, k: number) => number | null) => rows.map((r, k) => ({ ...r, figureCents: figure(r, k) }));
  const make = (title: string, figureLabel: string, totalCents: number, rows: DealListRow[]): DealListView => ({ currency: ds.meta.currency, title, figureLabel, totalCents, rows });
  /** Open deals in view that `keep` accepts, each with its amount (× p when `weighted`), and their sum. */
  const openDeals = (keep: (j: number) => boolean, weighted: boolean) => {
    const pOf = probabilityLookup(ds, { asOf, ...ctx.probability });
    const rows: number[] = [];
    const figure: number[] = [];
    let total = 0;
    for (let j = 0; j < O.count; j++) {
      if (!kept(ctx.mask, j) || statusAt(ds, j, asOf) !== STATUS_OPEN || !keep(j)) continue;
      const amount = summableCents(O.amountCents[j]!);
      const v = weighted ? amount * pOf(stageAt(ds, j, asOf)).p : amount;
      rows.push(j);
      figure.push(v);
      total += v;
    }
    return { rows, figure, total };
  };
  switch (t.kind) {
    case 'waterfall': {
      const { w } = waterfallFor(ctx, t.quarter);
      const step = w.steps[t.step];
      const byDeal = step.dealCents;
      return make(`${STEP_LABELS[t.step]}, pipeline waterfall ${w.quarter}`, 'Step amount', step.cents, withFigure(rowsOf(step.deals), (_, k) => byDeal[k] ?? null));
    }
    case 'category': {
      const set = cumulativeSets(ctx).sets.get(t.quarter)?.[t.category] ?? { rows: [], cents: 0 };
      return make(`${CATEGORY_LABELS[t.category]} (cumulative), ${t.quarter}`, 'Amount', set.cents, withFigure(rowsOf(set.rows), (r) => r.amountCents));
    }
    case 'due': {
      // The same deals and sums as `pipelineByQuarter`: open, dated, not overdue, current amount.
      const o = openDeals((j) => {
        const close = O.closeDate[j]!;
        return Number.isFinite(close) && !isOverdue(close, asOf) && quarterOf(close, ctx.fy) === t.quarter;
      }, t.weighted);
      const title = t.weighted ? `Weighted pipeline due in ${t.quarter}` : `Open pipeline due in ${t.quarter}`;
      return make(title, t.weighted ? 'Weighted amount' : 'Amount', Math.round(o.total), withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)));
    }
    case 'open': {
      const o = openDeals(() => true, t.weighted === true);
      if (t.weighted !== true) return make('Open pipeline', 'Amount', o.total, withFigure(rowsOf(o.rows), (r) => r.amountCents));
      return make('Weighted pipeline', 'Weighted amount', Math.round(o.total), withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)));
    }
    case 'pushed': {
      const s = slippage(ds, { asOf, mask: ctx.mask });
      const rows = t.twice ? s.rows.pushedTwice : s.rows.pushed;
      const list = withFigure(rowsOf(rows), (r) => r.amountCents);
      return make(t.twice ? 'Deals pushed more than once' : 'Deals pushed at least once', 'Amount', list.reduce((n, r) => n + (r.figureCents ?? 0), 0), list);
    }
    case 'stalled': {
      const rows = stalledDeals(ds, { asOf, mask: ctx.mask }).flatMap((x) => x.stalled);
      const list = withFigure(rowsOf(rows), (r) => r.amountCents);
      return make('Stalled deals', 'Amount', list.reduce((n, r) => n + (r.figureCents ?? 0), 0), list);
    }
  }
}
