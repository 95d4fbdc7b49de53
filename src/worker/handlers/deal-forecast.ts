/**
 * The deal-history side of the Forecast view, as view-models: forecast categories per quarter
 * (cumulative, beside the weighted pipeline and the quota), the complete pipeline waterfall of a
 * quarter, slippage and stalled deals. Figures that need the deal history carry the reason instead.
 */
import { DEFAULT_STAGE_CATEGORIES, forecastCategories } from '../../engine/forecast/categories';
import { hasDealHistory } from '../../engine/forecast/deal-history';
import {
  quarterWaterfall,
  waterfallBalance,
  WATERFALL_STEPS,
  type WaterfallStepKey,
} from '../../engine/forecast/deal-waterfall';
import { pipelineByQuarter } from '../../engine/forecast/pipeline';
import { quotaScope } from '../../engine/forecast/quota-scope';
import { slippage } from '../../engine/forecast/slippage';
import { stalledDeals } from '../../engine/forecast/stalled';
import { opportunityMask, type Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../../engine/model/stages';
import { addQuarters, isoDate, quarterOf } from '../../engine/time';
import type { ForecastSettings } from './forecast';

export const NEEDS_DEAL_HISTORY =
  'not measurable — needs opportunity_history.csv (the deals’ recorded changes of close date, amount and stage)';

/** The inputs every deal-history figure depends on. */
export interface DealForecastInput {
  readonly filters: Filters;
  readonly settings: ForecastSettings;
  /** Stage → category edits over the default map. */
  readonly stageCategories: Readonly<Record<string, ForecastCategory>>;
  /** The waterfall's quarter; defaults to the quarter of the as-of. */
  readonly quarter?: string;
}

/** The cumulative categories a quarter's bars show, Closed ⊂ Commit ⊂ Best case ⊂ Pipeline. */
export const CUMULATIVE_CATEGORIES = ['closed', 'commit', 'best_case', 'pipeline'] as const;
export type CumulativeCategory = (typeof CUMULATIVE_CATEGORIES)[number];

export interface CategoryQuarterView {
  readonly quarter: string;
  readonly tense: 'past' | 'current' | 'future';
  /** Cumulative, cents: closed ≤ commit ≤ best case ≤ pipeline. */
  readonly cents: Readonly<Record<CumulativeCategory, number>>;
  /** Deals in each cumulative category. */
  readonly counts: Readonly<Record<CumulativeCategory, number>>;
  /** Open deals due in the quarter (not overdue) × p(stage), cents. */
  readonly weightedCents: number;
  readonly quotaCents: number | null;
}

export interface StageCategoryView {
  readonly stage: string;
  readonly category: ForecastCategory;
  /** The default map's category of the stage. */
  readonly defaultCategory: ForecastCategory;
}

export interface DealWaterfallStep {
  /** The step; the UI names it (lib/forecast-labels.ts). */
  readonly key: WaterfallStepKey;
  readonly kind: 'total' | 'up' | 'down';
  /** Moves in the step (deals, for start and end). */
  readonly count: number;
  /** Integer cents ≥ 0; the kind gives the sign. */
  readonly cents: number;
}

export interface DealWaterfallView {
  readonly quarter: string;
  readonly quarters: readonly string[];
  /** ISO instants of the period. */
  readonly from: string;
  readonly to: string;
  readonly steps: readonly DealWaterfallStep[];
  /** start + changes, cents; equal to the end step when the identity holds. */
  readonly computedEndCents: number;
  readonly identityHolds: boolean;
  readonly unknownAmount: number;
}

export interface SlippageView {
  readonly deals: number;
  readonly pushedDeals: number;
  readonly pushedTwiceDeals: number;
  readonly pushes: number;
  readonly daysPushed: number;
  readonly meanDaysPerPush: number | null;
  readonly winRatePushed: number | null;
  readonly winRateNeverPushed: number | null;
  readonly closedPushed: number;
  readonly closedNeverPushed: number;
}

export interface StalledStageView {
  readonly stage: string;
  readonly open: number;
  readonly stays: number;
  readonly p75Days: number | null;
  readonly stalled: number;
}

export interface DealForecastView {
  readonly currency: string;
  readonly asOf: string;
  readonly currentQuarter: string;
  readonly categories: {
    readonly quarters: readonly CategoryQuarterView[];
    /** Open deals whose recorded category differs from their stage's. */
    readonly overrides: number;
    /** Open deals without a close date or amount: in no quarter. */
    readonly leftOut: number;
    readonly quotaNote: string;
  };
  readonly stageCategories: readonly StageCategoryView[];
  /** Null (with `notMeasurable.waterfall`) when the data has no deal history. */
  readonly waterfall: DealWaterfallView | null;
  readonly slippage: SlippageView | null;
  /** Null (with `notMeasurable.stalled`) when no deal has completed a stay in a stage. */
  readonly stalled: { readonly stages: readonly StalledStageView[]; readonly count: number } | null;
  readonly notMeasurable: { readonly waterfall?: string; readonly slippage?: string; readonly stalled?: string };
}

const STEP_KIND: Readonly<Record<WaterfallStepKey, DealWaterfallStep['kind']>> = {
  start: 'total',
  created: 'up',
  pulledIn: 'up',
  pushedOut: 'down',
  amountUp: 'up',
  amountDown: 'down',
  won: 'down',
  lost: 'down',
  end: 'total',
};

/** Quarters the categories chart shows: three before the current one to three after. */
export const categoryQuarters = (now: string, fy: number): string[] =>
  Array.from({ length: 7 }, (_, k) => addQuarters(now, k - 3, fy));
/** Quarters the waterfall offers: the current one and the seven before. */
export const waterfallQuarters = (now: string, fy: number): string[] =>
  Array.from({ length: 8 }, (_, k) => addQuarters(now, k - 7, fy));

/** Everything the figures and their deal lists share. */
export function dealForecastContext(ds: Dataset, input: Omit<DealForecastInput, 'quarter'>, asOf = ds.meta.latestAt) {
  const fy = ds.meta.fiscalYearStartMonth;
  const mask = opportunityMask(ds, input.filters);
  const s = input.settings;
  const probability = {
    lookbackQuarters: s.lookbackQuarters,
    userProbabilities: s.userProbabilities,
    minClosed: s.minClosed,
    source: s.probabilitySource,
  };
  return {
    ds,
    asOf,
    fy,
    mask,
    probability,
    now: quarterOf(asOf, fy),
    stageCategories: { ...DEFAULT_STAGE_CATEGORIES, ...input.stageCategories },
  };
}
export type DealForecastContext = ReturnType<typeof dealForecastContext>;

/** Cumulative category sets of each quarter: rows and cents. */
export function cumulativeSets(ctx: DealForecastContext) {
  const f = forecastCategories(ctx.ds, { asOf: ctx.asOf, mask: ctx.mask, stageCategories: ctx.stageCategories });
  const sets = new Map<string, Record<CumulativeCategory, { rows: number[]; cents: number }>>();
  for (const q of f.quarters) {
    const acc = { rows: [] as number[], cents: 0 };
    const out = {} as Record<CumulativeCategory, { rows: number[]; cents: number }>;
    for (const c of CUMULATIVE_CATEGORIES) {
      acc.rows = [...acc.rows, ...q.own[c].deals];
      acc.cents += q.own[c].cents;
      out[c] = { rows: acc.rows, cents: acc.cents };
    }
    sets.set(q.quarter, out);
  }
  return { forecast: f, sets };
}

export function waterfallFor(ctx: DealForecastContext, quarter: string | undefined) {
  const quarters = waterfallQuarters(ctx.now, ctx.fy);
  const q = quarter && quarters.includes(quarter) ? quarter : ctx.now;
  return { quarters, w: quarterWaterfall(ctx.ds, q, ctx.asOf, ctx.mask) };
}

function stageCategoryRows(ds: Dataset, edits: Readonly<Record<string, ForecastCategory>>): StageCategoryView[] {
  // Won and lost deals are Closed and Omitted whatever their stage: only open stages are mapped.
  return ds.opportunities.stageNames
    .filter((n) => n !== 'won' && n !== 'lost')
    .map((stage) => {
      const def = DEFAULT_STAGE_CATEGORIES[stage] ?? 'pipeline';
      const category = edits[stage] ?? def;
      return { stage, category, defaultCategory: def };
    });
}

export function dealForecastView(ds: Dataset, input: DealForecastInput, asOf = ds.meta.latestAt): DealForecastView {
  const ctx = dealForecastContext(ds, input, asOf);
  const history = hasDealHistory(ds);
  const { forecast, sets } = cumulativeSets(ctx);
  const scope = quotaScope(ds, input.filters);
  const weighted = new Map(
    pipelineByQuarter(ds, { asOf, mask: ctx.mask, ...ctx.probability }).quarters.map((q) => [
      q.quarter,
      q.weightedDueCents,
    ]),
  );
  const quarters = categoryQuarters(ctx.now, ctx.fy).map((quarter): CategoryQuarterView => {
    const s = sets.get(quarter);
    const pick = (f: (x: { rows: number[]; cents: number }) => number) =>
      Object.fromEntries(CUMULATIVE_CATEGORIES.map((c) => [c, s ? f(s[c]) : 0])) as Record<CumulativeCategory, number>;
    return {
      quarter,
      tense: quarter < ctx.now ? 'past' : quarter === ctx.now ? 'current' : 'future',
      cents: pick((x) => x.cents),
      counts: pick((x) => x.rows.length),
      weightedCents: weighted.get(quarter) ?? 0,
      quotaCents: scope.quotas?.get(quarter) ?? null,
    };
  });
  let waterfall: DealWaterfallView | null = null;
  if (history) {
    const { quarters: wq, w } = waterfallFor(ctx, input.quarter);
    const balance = waterfallBalance(w);
    waterfall = {
      quarter: w.quarter,
      quarters: wq,
      from: new Date(w.from).toISOString(),
      to: new Date(w.to).toISOString(),
      steps: WATERFALL_STEPS.map((key) => ({
        key,
        kind: STEP_KIND[key],
        count: w.steps[key].count,
        cents: w.steps[key].cents,
      })),
      computedEndCents: balance.cents,
      identityHolds: balance.cents === w.steps.end.cents && balance.count === w.steps.end.count,
      unknownAmount: w.unknownAmount,
    };
  }
  const sl = history ? slippage(ds, { asOf, mask: ctx.mask }) : null;
  const st = stalledDeals(ds, { asOf, mask: ctx.mask });
  const anyStays = st.some((x) => x.stays > 0);
  const notMeasurable: { waterfall?: string; slippage?: string; stalled?: string } = {};
  if (!history) notMeasurable.waterfall = notMeasurable.slippage = NEEDS_DEAL_HISTORY;
  if (!anyStays)
    notMeasurable.stalled =
      'not measurable — needs opportunity_history.csv (or opportunity_stages.csv): no deal has left a stage yet';
  return {
    currency: ds.meta.currency,
    asOf: isoDate(asOf),
    currentQuarter: ctx.now,
    categories: { quarters, overrides: forecast.overrides, leftOut: forecast.leftOut, quotaNote: scope.note },
    stageCategories: stageCategoryRows(ds, input.stageCategories),
    waterfall,
    slippage: sl && {
      deals: sl.deals,
      pushedDeals: sl.pushedDeals,
      pushedTwiceDeals: sl.pushedTwiceDeals,
      pushes: sl.pushes,
      daysPushed: sl.daysPushed,
      meanDaysPerPush: sl.meanDaysPerPush,
      winRatePushed: sl.winRatePushed,
      winRateNeverPushed: sl.winRateNeverPushed,
      closedPushed: sl.closedPushed,
      closedNeverPushed: sl.closedNeverPushed,
    },
    stalled: anyStays
      ? {
          stages: st.map((x) => ({
            stage: x.stage,
            open: x.open,
            stays: x.stays,
            p75Days: x.p75Days,
            stalled: x.stalled.length,
          })),
          count: st.reduce((n, x) => n + x.stalled.length, 0),
        }
      : null,
    notMeasurable,
  };
}

/** The category ids a stage may map to, in the order a select offers them. */
export const MAPPABLE_CATEGORIES: readonly ForecastCategory[] = FORECAST_CATEGORIES;
