/** Pipeline, coverage, velocity, SQO lag and scenario planner, as view-models. */
import { NEEDS } from '../../engine/capabilities';
import {
  coverageByQuarter,
  impliedCoverage,
  salesVelocity,
  type QuarterCoverage,
  type SalesVelocity,
} from '../../engine/forecast/coverage';
import { pipelineByQuarter, pipelineSummary } from '../../engine/forecast/pipeline';
import { quotaScope, type QuotaScopeKind } from '../../engine/forecast/quota-scope';
import { runScenario, type ScenarioInput, type ScenarioResult } from '../../engine/forecast/scenario';
import { sqoLag, type SqoLagResult } from '../../engine/forecast/sqo-lag';
import type { StageProbability } from '../../engine/forecast/stage-probability';
import { dealRows } from '../../engine/forecast/deal-rows';
import { opportunityMask, type Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { addQuarters, DAY_MS, isoDate, quarterOf } from '../../engine/time';
import { requireDataset, type EngineState } from '../state';

/** Settings of the forecast that the user can change. */
export interface ForecastSettings {
  /** Quarters of history behind win rates and p(stage); null for all history. */
  readonly lookbackQuarters: number | null;
  /** `data`: p(stage) from history where ≥ minClosed deals closed through the stage; `user`: entered ones. */
  readonly probabilitySource: 'data' | 'user';
  readonly userProbabilities: Readonly<Record<string, number>>;
  readonly minClosed: number;
}

export interface ForecastInput {
  readonly filters: Filters;
  readonly settings: ForecastSettings;
}

/** One quarter of the pipeline-by-close-quarter chart, with coverage where a quota exists. */
export interface ForecastQuarter {
  readonly quarter: string;
  readonly tense: 'past' | 'current' | 'future';
  readonly openDueCents: number;
  readonly weightedDueCents: number;
  readonly wonCents: number;
  readonly quotaCents: number | null;
  readonly coverage: QuarterCoverage | null;
}

/** An open deal whose close date has passed at the as-of. */
export interface OverdueDeal {
  readonly id: string;
  readonly owner: string | null;
  readonly stage: string;
  /** Integer cents; null when the amount is unknown. */
  readonly amountCents: number | null;
  /** ISO date. */
  readonly closeDate: string;
  /** Whole days from the close date to the as-of. */
  readonly daysOverdue: number;
}

/** Overdue deals shown in the list: the oldest close dates first. */
export const OVERDUE_LISTED = 200;

export interface ForecastView {
  readonly currency: string;
  readonly asOf: string;
  /** The exact as-of instant, ISO 8601 UTC (e.g. 2026-11-15T23:58:20.899Z). */
  readonly asOfInstant: string;
  /** ISO date the lookback starts; null when it reads all history. */
  readonly lookbackFrom: string | null;
  readonly openCount: number;
  readonly openCents: number;
  readonly weightedCents: number;
  readonly expectedBookingsCents: number;
  readonly pipelineTimesWinRateCents: number | null;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  /** 1 ÷ win rate: the coverage the win rate says a quarter needs. */
  readonly impliedCoverage: number | null;
  readonly stages: readonly (StageProbability & {
    readonly count: number;
    readonly openCents: number;
    readonly weightedCents: number;
  })[];
  readonly quarters: readonly ForecastQuarter[];
  readonly currentQuarter: string;
  /** Open deals without a close date (left out of the quarters). */
  readonly undated: { readonly count: number; readonly cents: number };
  /** Open deals whose close date has passed (left out of the quarters): count, amount, the first OVERDUE_LISTED. */
  readonly overdue: { readonly count: number; readonly cents: number; readonly deals: readonly OverdueDeal[] };
  /** Won deals of the lookback whose close date precedes their creation: left out of the cycle. */
  readonly datesOutOfOrder: { readonly count: number; readonly ids: readonly string[] };
  /** Open stages whose p(stage) is an entered default (no stage history or export probability for them). */
  readonly defaultStages: readonly string[];
  /** Which quota the quota figures use under the filters; `companyWide`: none is shown, with the note. */
  readonly quota: { readonly kind: QuotaScopeKind; readonly note: string };
  /** Headline figures the data cannot give: "not measurable — needs …". */
  readonly notMeasurable: { readonly cycle?: string; readonly velocity?: string; readonly winRate?: string };
  readonly velocity: SalesVelocity;
  readonly sqoLag: SqoLagResult;
}

/** What the Overview shows of the pipeline. */
export interface PipelinePanelView {
  readonly currency: string;
  readonly openCents: number;
  readonly weightedCents: number;
  readonly winRate: number | null;
  readonly impliedCoverage: number | null;
  /** The current and the next two quarters that have a quota. */
  readonly quarters: readonly QuarterCoverage[];
  /** Which quota the figures use under the filters (see ForecastView). */
  readonly quota: ForecastView['quota'];
}

export interface ForecastHandlers {
  forecast(input: ForecastInput): Promise<ForecastView>;
  scenario(input: ScenarioInput): Promise<ScenarioResult>;
  pipelinePanel(input: { readonly filters: Filters }): Promise<PipelinePanelView>;
}

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  lookbackQuarters: 4,
  probabilitySource: 'data',
  userProbabilities: { sqo: 0.1, discovery: 0.2, proposal: 0.35, negotiation: 0.6 },
  minClosed: 20,
};

/** Quarters shown: those with a quota, or within seven before and four after the current one. */
function inView(quarter: string, now: string, hasQuota: boolean, fy: number): boolean {
  return hasQuota || (quarter >= addQuarters(now, -7, fy) && quarter <= addQuarters(now, 4, fy));
}

function overdueDeals(
  ds: Dataset,
  rows: readonly number[],
  asOf: number,
  opts: Parameters<typeof dealRows>[3],
): OverdueDeal[] {
  const close = ds.opportunities.closeDate;
  const listed = [...rows].sort((a, b) => close[a]! - close[b]!).slice(0, OVERDUE_LISTED);
  return dealRows(ds, listed, asOf, opts).map((d, k) => ({
    id: d.id,
    owner: d.owner,
    stage: d.stage,
    amountCents: d.amountCents,
    closeDate: isoDate(close[listed[k]!]!),
    daysOverdue: Math.floor((asOf - close[listed[k]!]!) / DAY_MS),
  }));
}

/** Why the win rate, the cycle and the velocity cannot be given, where they cannot. */
function reasons(
  ds: Dataset,
  r: { winRate: number | null; won: number; cycleDaysMean: number | null; cycleOutOfOrder: readonly number[] },
  velocity: number | null,
): ForecastView['notMeasurable'] {
  if (ds.opportunities.count === 0) {
    const none = `not measurable — needs ${NEEDS.opportunities}`;
    return { winRate: none, cycle: none, velocity: none };
  }
  const out: { cycle?: string; velocity?: string; winRate?: string } = {};
  if (r.winRate === null) out.winRate = 'not measurable — needs a deal closed (won or lost) in the lookback';
  if (r.cycleDaysMean === null) {
    out.cycle =
      r.cycleOutOfOrder.length > 0
        ? `not measurable — needs won deals whose close date follows their creation date (${r.cycleOutOfOrder.length} won deals close before they were created)`
        : r.won === 0
          ? 'not measurable — needs a deal won in the lookback'
          : 'not measurable — needs close dates on the won deals';
  }
  if (velocity === null) out.velocity = out.cycle ?? out.winRate ?? 'not measurable — needs a deal won in the lookback';
  return out;
}

/** The Forecast view's figures at `asOf` (default: the dataset's as-of). */
export function forecastView(ds: Dataset, input: ForecastInput, asOf: number = ds.meta.latestAt): ForecastView {
  const fy = ds.meta.fiscalYearStartMonth;
  const mask = opportunityMask(ds, input.filters);
  const s = input.settings;
  const opts = {
    asOf,
    mask,
    lookbackQuarters: s.lookbackQuarters,
    userProbabilities: s.userProbabilities,
    minClosed: s.minClosed,
    source: s.probabilitySource,
  };
  const summary = pipelineSummary(ds, opts);
  const scope = quotaScope(ds, input.filters);
  const byQuarter = pipelineByQuarter(ds, opts, scope.quotas);
  const coverage = new Map(coverageByQuarter(ds, byQuarter.quarters, asOf).map((c) => [c.quarter, c]));
  const now = quarterOf(asOf, fy);
  const quarters = byQuarter.quarters
    .filter((q) => inView(q.quarter, now, q.quotaCents !== null, fy))
    .map((q) => ({
      quarter: q.quarter,
      tense: q.quarter < now ? 'past' : q.quarter === now ? 'current' : 'future',
      openDueCents: q.openDueCents,
      weightedDueCents: q.weightedDueCents,
      wonCents: q.wonCents,
      quotaCents: q.quotaCents,
      coverage: coverage.get(q.quarter) ?? null,
    })) satisfies ForecastQuarter[];
  const r = summary.rates;
  const velocity = salesVelocity(summary.openCount, r);
  const stages = summary.byStage.map((b) => ({
    ...b.probability,
    count: b.count,
    openCents: b.openCents,
    weightedCents: b.weightedCents,
  }));
  return {
    currency: ds.meta.currency,
    asOf: isoDate(asOf),
    asOfInstant: new Date(asOf).toISOString(),
    lookbackFrom: Number.isFinite(r.from) ? isoDate(r.from) : null,
    openCount: summary.openCount,
    openCents: summary.openCents,
    weightedCents: summary.weightedCents,
    expectedBookingsCents: summary.expectedBookingsCents,
    pipelineTimesWinRateCents: summary.pipelineTimesWinRateCents,
    won: r.won,
    lost: r.lost,
    winRate: r.winRate,
    impliedCoverage: impliedCoverage(r.winRate),
    stages,
    quarters,
    currentQuarter: now,
    undated: { count: byQuarter.undatedCount, cents: byQuarter.undatedCents },
    overdue: {
      count: byQuarter.overdue.count,
      cents: byQuarter.overdue.cents,
      deals: overdueDeals(ds, byQuarter.overdue.rows, asOf, opts),
    },
    datesOutOfOrder: { count: r.cycleOutOfOrder.length, ids: r.cycleOutOfOrder.map((j) => ds.opportunities.id[j]!) },
    defaultStages: stages.filter((st) => st.source === 'user').map((st) => st.stage),
    quota: { kind: scope.kind, note: scope.note },
    notMeasurable: reasons(ds, r, velocity.centsPerDay),
    velocity,
    sqoLag: sqoLag(ds, { asOf, mask, lookbackQuarters: s.lookbackQuarters }),
  };
}

export function pipelinePanelView(ds: Dataset, filters: Filters): PipelinePanelView {
  const v = forecastView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS });
  const quarters = v.quarters
    .filter((q) => q.tense !== 'past' && q.coverage !== null)
    .slice(0, 3)
    .map((q) => q.coverage!);
  return {
    currency: v.currency,
    openCents: v.openCents,
    weightedCents: v.weightedCents,
    winRate: v.winRate,
    impliedCoverage: v.impliedCoverage,
    quarters,
    quota: v.quota,
  };
}

export function forecastHandlers(state: EngineState): ForecastHandlers {
  return {
    async forecast(input) {
      return forecastView(requireDataset(state), input);
    },
    async scenario(input) {
      return runScenario(input);
    },
    async pipelinePanel({ filters }) {
      return pipelinePanelView(requireDataset(state), filters);
    },
  };
}
