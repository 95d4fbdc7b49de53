/**
 * The deals behind a forecast figure: the rows of a waterfall step, a cumulative category of a
 * quarter, the weighted or open pipeline due in a quarter, the won, projected or SQO-lag figures of a
 * quarter, a stage's pipeline, the overdue, undated, pushed or stalled deals. The list's total is
 * computed the way the figure is, so the two agree to the cent.
 */
import { dealRows, type DealRow } from '../../engine/forecast/deal-rows';
import type { WaterfallStepKey } from '../../engine/forecast/deal-waterfall';
import { closedInWindow, historicalRates, kept, lookbackStart } from '../../engine/forecast/lookback';
import { AT_NONE, closedAt, isOverdue, stageAt, statusAt } from '../../engine/forecast/opportunity-time';
import { closeDateMoves, slippage } from '../../engine/forecast/slippage';
import { stalledDeals } from '../../engine/forecast/stalled';
import { probabilityLookup } from '../../engine/forecast/stage-probability';
import { summableCents, type Dataset } from '../../engine/model/columns';
import { STATUS_OPEN, STATUS_WON } from '../../engine/model/stages';
import { quarterOf } from '../../engine/time';
import {
  cumulativeSets,
  dealForecastContext,
  waterfallFor,
  type CumulativeCategory,
  type DealForecastInput,
} from './deal-forecast';
import { projectionDeals, type AccuracyPart } from './deal-list-projection';
import { sqoLagDeals, type SqoLagSeries } from './deal-list-sqo-lag';

export type { AccuracyPart } from './deal-list-projection';
export type { SqoLagSeries } from './deal-list-sqo-lag';

/** Which figure's deals to list. */
export type DealTarget =
  | { readonly kind: 'waterfall'; readonly quarter: string; readonly step: WaterfallStepKey }
  | { readonly kind: 'category'; readonly quarter: string; readonly category: CumulativeCategory }
  /** Open deals due in the quarter (not overdue); `weighted`: their total is Σ amount × p. */
  | { readonly kind: 'due'; readonly quarter: string; readonly weighted: boolean }
  /** Every open deal; `weighted`: their total is Σ amount × p (the headline weighted pipeline). */
  | { readonly kind: 'open'; readonly weighted?: boolean }
  /** Expected bookings: `weighted`, the weighted pipeline; `winRate`, open pipeline × the lookback win rate. */
  | { readonly kind: 'expected'; readonly basis: 'weighted' | 'winRate' }
  /** Won deals with a close date in the quarter (won, attainment, the SQO-lag actual). */
  | { readonly kind: 'won'; readonly quarter: string }
  /** Projected bookings of the quarter: its won deals + its open deals due × p (and so the gap to quota). */
  | { readonly kind: 'projected'; readonly quarter: string }
  /** The open deals of one stage; `weighted`: their total is Σ amount × p(stage). */
  | { readonly kind: 'stage'; readonly stage: string; readonly weighted: boolean }
  /** Open deals whose close date has passed (`overdue`) or that have none (`undated`). */
  | { readonly kind: 'overdue' }
  | { readonly kind: 'undated' }
  /** The SQOs behind an SQO-lag figure of the quarter. */
  | { readonly kind: 'sqoLag'; readonly quarter: string; readonly series: SqoLagSeries }
  /** Deals closed in the lookback (`won`: only the won ones): behind the win rate, the average won deal, the cycle and the velocity. */
  | { readonly kind: 'lookback'; readonly won: boolean }
  /** The forecast-accuracy headline: the current quarter's projection by a method, or its bookings won to date. */
  | { readonly kind: 'accuracy'; readonly part: AccuracyPart }
  | { readonly kind: 'pushed'; readonly twice: boolean }
  /** The closed deals behind a slippage win rate: those pushed at least once, or never. */
  | { readonly kind: 'slipClosed'; readonly pushed: boolean }
  /** Stalled open deals, of one stage when given. */
  | { readonly kind: 'stalled'; readonly stage?: string };

export interface DealListInput extends Omit<DealForecastInput, 'quarter'> {
  readonly target: DealTarget;
}

export interface DealListRow extends DealRow {
  /** What the deal adds to the figure, cents: its step amount, weighted amount or amount. */
  readonly figureCents: number | null;
}

/**
 * What a row's `figureCents` is: its amount; its weighted amount (× p); its part of a waterfall
 * step; what a projection counts of it; what a model expects of it; or its amount × the win rate.
 */
export type DealFigure = 'amount' | 'weighted' | 'step' | 'counted' | 'expected' | 'amountTimesWinRate';

export interface DealListView {
  readonly currency: string;
  /** The figure whose deals are listed; the UI names it (with `quarter`). */
  readonly target: DealTarget;
  /**
   * The quarter of the figure as computed: the target's, the waterfall's quarter shown (the current
   * one when the target's is not offered), the current quarter for a forecast-accuracy figure; else null.
   */
  readonly quarter: string | null;
  readonly figure: DealFigure;
  /** Σ of the rows' figure, cents: equal to the figure clicked. */
  readonly totalCents: number;
  /**
   * What the figure is made of and what the list holds, when the two are not the same sum (a
   * model's figure, a count); null when the list's total is the figure.
   */
  readonly note: string | null;
  readonly rows: readonly DealListRow[];
}

/**
 * A note's amounts travel as tokens, `{{money:<cents>}}`, so that the worker returns figures and the
 * view formats them (`fillMoney` in lib/format.ts).
 */
export const moneyToken = (cents: number): string => `{{money:${Math.round(cents)}}}`;

export function dealListView(ds: Dataset, input: DealListInput, asOf = ds.meta.latestAt): DealListView {
  const ctx = dealForecastContext(ds, input, asOf);
  const t = input.target;
  /** An amount inside a note, as a token the view formats in the plan currency (see `fillMoney`). */
  const money = moneyToken;
  const O = ds.opportunities;
  const rowsOf = (rows: readonly number[]) =>
    dealRows(ds, rows, asOf, { ...ctx.probability, stageCategories: ctx.stageCategories });
  const withFigure = (rows: DealRow[], figure: (r: DealRow, k: number) => number | null) =>
    rows.map((r, k) => ({ ...r, figureCents: figure(r, k) }));
  const make = (
    figure: DealFigure,
    totalCents: number,
    rows: DealListRow[],
    note: string | null = null,
    quarter: string | null = 'quarter' in t ? t.quarter : null,
  ): DealListView => ({
    currency: ds.meta.currency,
    target: t,
    quarter,
    figure,
    totalCents,
    rows,
    note,
  });
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
  /** The same deals and sums as `pipelineByQuarter`: open, dated, not overdue, current amount. */
  const dueIn = (quarter: string) => (j: number) => {
    const close = O.closeDate[j]!;
    return Number.isFinite(close) && !isOverdue(close, asOf) && quarterOf(close, ctx.fy) === quarter;
  };
  /** Won deals closed in the quarter, as `pipelineByQuarter` counts them. */
  const wonIn = (quarter: string) => {
    const rows: number[] = [];
    let total = 0;
    for (let j = 0; j < O.count; j++) {
      if (!kept(ctx.mask, j) || statusAt(ds, j, asOf) !== STATUS_WON) continue;
      const c = closedAt(ds, j);
      if (!Number.isFinite(c) || quarterOf(c, ctx.fy) !== quarter) continue;
      rows.push(j);
      total += summableCents(O.amountCents[j]!);
    }
    return { rows, total };
  };
  const amountList = (rows: readonly number[], note: string | null = null) => {
    const list = withFigure(rowsOf(rows), (r) => r.amountCents);
    return make(
      'amount',
      list.reduce((n, r) => n + (r.figureCents ?? 0), 0),
      list,
      note,
    );
  };
  switch (t.kind) {
    case 'waterfall': {
      const { w } = waterfallFor(ctx, t.quarter);
      const step = w.steps[t.step];
      const byDeal = step.dealCents;
      return make(
        'step',
        step.cents,
        withFigure(rowsOf(step.deals), (_, k) => byDeal[k] ?? null),
        null,
        w.quarter,
      );
    }
    case 'category': {
      const set = cumulativeSets(ctx).sets.get(t.quarter)?.[t.category] ?? { rows: [], cents: 0 };
      return make(
        'amount',
        set.cents,
        withFigure(rowsOf(set.rows), (r) => r.amountCents),
      );
    }
    case 'due': {
      const o = openDeals(dueIn(t.quarter), t.weighted);
      return make(
        t.weighted ? 'weighted' : 'amount',
        Math.round(o.total),
        withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)),
      );
    }
    case 'open': {
      const o = openDeals(() => true, t.weighted === true);
      if (t.weighted !== true)
        return make(
          'amount',
          o.total,
          withFigure(rowsOf(o.rows), (r) => r.amountCents),
        );
      return make(
        'weighted',
        Math.round(o.total),
        withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)),
      );
    }
    case 'expected': {
      if (t.basis === 'weighted') {
        const o = openDeals(() => true, true);
        return make(
          'weighted',
          Math.round(o.total),
          withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)),
        );
      }
      const o = openDeals(() => true, false);
      const rate = historicalRates(ds, {
        asOf,
        mask: ctx.mask,
        lookbackQuarters: ctx.probability.lookbackQuarters,
      }).winRate;
      if (rate === null)
        return make(
          'amountTimesWinRate',
          0,
          withFigure(rowsOf(o.rows), () => null),
          'Not measurable — needs a deal closed (won or lost) in the lookback: the list holds the open deals the figure would weight.',
        );
      const note = `Each open deal's amount × the win rate over the lookback (${(rate * 100).toFixed(1)}%), the same rate for every deal; the figure rounds the open pipeline × the rate once.`;
      return make(
        'amountTimesWinRate',
        Math.round(o.total * rate),
        withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]! * rate)),
        note,
      );
    }
    case 'won': {
      const w = wonIn(t.quarter);
      return amountList(w.rows);
    }
    case 'projected': {
      const w = wonIn(t.quarter);
      const o = openDeals(dueIn(t.quarter), true);
      const rows = [
        ...withFigure(rowsOf(w.rows), (r) => r.amountCents),
        ...withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)),
      ];
      const note = `Projected = won in ${t.quarter} (each deal's amount) + open deals due in it × p(stage) (each deal's weighted amount); the gap to quota is the quota less this total.`;
      return make('counted', w.total + Math.round(o.total), rows, note);
    }
    case 'stage': {
      const o = openDeals((j) => stageAt(ds, j, asOf) === t.stage, t.weighted);
      if (!t.weighted)
        return make(
          'amount',
          o.total,
          withFigure(rowsOf(o.rows), (r) => r.amountCents),
        );
      return make(
        'weighted',
        Math.round(o.total),
        withFigure(rowsOf(o.rows), (_, k) => Math.round(o.figure[k]!)),
      );
    }
    case 'overdue': {
      const o = openDeals((j) => {
        const close = O.closeDate[j]!;
        return Number.isFinite(close) && isOverdue(close, asOf);
      }, false);
      return make(
        'amount',
        o.total,
        withFigure(rowsOf(o.rows), (r) => r.amountCents),
      );
    }
    case 'undated': {
      const o = openDeals((j) => !Number.isFinite(O.closeDate[j]!), false);
      return make(
        'amount',
        o.total,
        withFigure(rowsOf(o.rows), (r) => r.amountCents),
      );
    }
    case 'sqoLag': {
      const s = sqoLagDeals(ds, t.quarter, t.series, {
        asOf,
        mask: ctx.mask,
        lookbackQuarters: ctx.probability.lookbackQuarters,
        money,
      });
      const rows = rowsOf(s.rows);
      if (t.series === 'sqos') return amountList(s.rows, s.note);
      return make(
        'expected',
        s.total,
        withFigure(rows, (_, k) => Math.round(s.figure[k]!)),
        s.note,
      );
    }
    case 'lookback': {
      const lookback = ctx.probability.lookbackQuarters;
      const from = lookbackStart(asOf, lookback);
      const rows: number[] = [];
      for (let j = 0; j < O.count; j++) {
        if (!kept(ctx.mask, j) || !closedInWindow(ds, j, asOf, from)) continue;
        if (!t.won || statusAt(ds, j, asOf) === STATUS_WON) rows.push(j);
      }
      const r = historicalRates(ds, { asOf, mask: ctx.mask, lookbackQuarters: lookback });
      const since = lookback === null ? 'over all history' : `over the last ${lookback} quarters`;
      const pct = (x: number | null) => (x === null ? 'not measurable' : `${(x * 100).toFixed(1)}%`);
      const note = t.won
        ? `The ${r.won} deals won ${since}: the average won deal is their amount ÷ ${r.won} (${r.avgWonCents === null ? 'not measurable' : money(Math.round(r.avgWonCents))}); the average cycle is their mean days from creation to close${r.cycleOutOfOrder.length > 0 ? `, leaving out ${r.cycleOutOfOrder.length} closed before they were created` : ''}.`
        : `The figure is a rate: win rate = ${r.won} won ÷ ${r.won + r.lost} closed ${since} = ${pct(r.winRate)}. The list holds those ${r.won + r.lost} deals; its total is their amount, which the rate does not add up.`;
      return amountList(rows, note);
    }
    case 'accuracy': {
      const p = projectionDeals(ds, t.part, {
        asOf,
        mask: ctx.mask,
        ...ctx.probability,
        stageCategories: ctx.stageCategories,
        quarter: ctx.now,
        money,
      });
      return make(
        p.figureKind,
        p.total ?? 0,
        withFigure(rowsOf(p.rows), (_, k) => Math.round(p.figure[k]!)),
        p.note,
        ctx.now,
      );
    }
    case 'pushed': {
      const s = slippage(ds, { asOf, mask: ctx.mask });
      return amountList(t.twice ? s.rows.pushedTwice : s.rows.pushed);
    }
    case 'slipClosed': {
      const rows: number[] = [];
      let won = 0;
      for (let j = 0; j < O.count; j++) {
        const status = kept(ctx.mask, j) ? statusAt(ds, j, asOf) : AT_NONE;
        if (status === AT_NONE || status === STATUS_OPEN || closeDateMoves(ds, j, asOf).pushes >= 1 !== t.pushed)
          continue;
        rows.push(j);
        if (status === STATUS_WON) won++;
      }
      const which = t.pushed ? 'pushed at least once' : 'never pushed';
      const rate = rows.length === 0 ? 'not measurable' : `${((won / rows.length) * 100).toFixed(1)}%`;
      const note = `The figure is a rate: win rate = ${won} won ÷ ${rows.length} closed deals ${which} = ${rate}. The list holds those ${rows.length} deals; its total is their amount, which the rate does not add up.`;
      return amountList(rows, note);
    }
    case 'stalled': {
      const stages = stalledDeals(ds, { asOf, mask: ctx.mask }).filter(
        (x) => t.stage === undefined || x.stage === t.stage,
      );
      return amountList(stages.flatMap((x) => x.stalled));
    }
  }
}
