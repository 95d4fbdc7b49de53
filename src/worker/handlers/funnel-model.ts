/** Builds the Funnel view's view-model from the engine's funnel metrics. Every figure is computed here. */
import type { Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import {
  CYCLE_BENCHMARK,
  RATE_BENCHMARKS,
  type DaysBenchmark,
  type RateBenchmark,
} from '../../engine/funnel/benchmarks';
import { funnelFigures, type ConversionFigures } from '../../engine/funnel/funnel-figures';
import { NONE_LABEL, type Dimension } from '../../engine/funnel/groups';
import { STEP_STAGES, type FunnelMode, type SkippableStage, type StepStage } from '../../engine/funnel/reach';
import { countReentries } from '../../engine/funnel/reentries';
import { rateEstimate, type RateEstimate } from '../../engine/funnel/stats';
import {
  STAGE_PAIRS,
  tallyFunnel,
  type FunnelRates,
  type FunnelTally,
  type PairKey,
  type RateKey,
  type StageCounts,
} from '../../engine/funnel/tally';
import type { StageDuration } from '../../engine/funnel/time-in-stage';
import type { ClosedWinRate } from '../../engine/funnel/win-rate';
import { isoDate } from '../../engine/time';
import { funnelEmptyReason, type EmptyReason } from './funnel-empty';
import {
  allDimensions,
  asOfInstant,
  resolveGroups,
  type ExtraDimension,
  type FunnelScope,
  type ResolvedScope,
} from './funnel-scope';

export type ConversionBasis = 'cohort' | 'period';

export interface FunnelStageRow {
  readonly stage: StepStage;
  readonly leads: number;
  /** Integer cents: opportunity amounts of the leads that reached the stage (won: won amounts). */
  readonly amountCents: number;
  /** Share of the previous stage's leads that reached this one (all data, cohort); null for `lead` or 0/0. */
  readonly stepRate: number | null;
  /** leads ÷ leads at the `lead` stage; null when there are no leads. */
  readonly cumulativeRate: number | null;
  /** The step rate with its denominator (the previous stage's leads) and 95% interval; null for `lead`. */
  readonly step: RateEstimate | null;
  /** The cumulative rate with its denominator (all leads) and 95% interval. */
  readonly cumulative: RateEstimate;
  /** Leads that skipped this stage; null for stages whose skipping is not counted. */
  readonly skipped: number | null;
  /** Leads that entered this stage more than once (re-staging, preserved). */
  readonly reentered: number;
}

/**
 * One quarter of a conversion: cohort or period figures, normalised for the charts. `n` is `base`;
 * `lo`/`hi` are the 95% Wilson bounds of hits ÷ base (null when base is 0, or when a period rate
 * exceeds 100% and is no proportion).
 */
export interface ConversionPoint extends RateEstimate {
  readonly period: string;
  /** Cohort: leads that entered A; period: entries into A. */
  readonly base: number;
  /** Cohort: converted leads; period: entries into B. */
  readonly hits: number;
  /** Cohort only: share still open; null in period mode or 0/0. */
  readonly openShare: number | null;
  /** Cohort only: younger than the maturity days. */
  readonly immature: boolean;
}

export interface ConversionSeries {
  readonly key: PairKey;
  /** The stages the conversion runs from and to (MQL→SQO: `mql`, `sqo`). */
  readonly from: StepStage;
  readonly to: StepStage;
  /** Median days A→B (cohort maturity basis); null when unknown or in period mode. */
  readonly typicalDays: number | null;
  readonly points: readonly ConversionPoint[];
}

export interface ComparisonGroup {
  readonly label: string;
  readonly leads: number;
  /** The group's compared rates over all data in view, with their samples: what groups are picked by. */
  readonly total: { readonly mqlToSqo: RateEstimate; readonly sqlToSqo: RateEstimate };
  readonly mqlToSqo: readonly ConversionPoint[];
  readonly sqlToSqo: readonly ConversionPoint[];
}

export interface BreakdownRow {
  readonly label: string;
  readonly counts: StageCounts;
  readonly rates: FunnelRates;
  /** Each rate with its denominator and 95% interval. */
  readonly estimates: Readonly<Record<RateKey, RateEstimate>>;
}

export interface FunnelViewModel {
  readonly asOf: string;
  /** Why there is no lead to show (no leads file, filters…); null when leads are in scope. */
  readonly empty: EmptyReason | null;
  readonly mode: FunnelMode;
  readonly basis: ConversionBasis;
  readonly windowDays: number | null;
  readonly currency: string;
  readonly stages: readonly FunnelStageRow[];
  readonly outcomes: { readonly lost: number; readonly disqualified: number; readonly lostCents: number };
  readonly rates: FunnelRates;
  /** The whole funnel's rates with their denominators and 95% intervals. */
  readonly estimates: Readonly<Record<RateKey, RateEstimate>>;
  readonly quarters: readonly string[];
  /** Conversion by quarter for every pair, in the chosen basis. */
  readonly conversions: readonly ConversionSeries[];
  readonly timeInStage: readonly StageDuration[];
  readonly closedWinRates: readonly ClosedWinRate[];
  readonly breakdown: {
    readonly dimension: Dimension;
    readonly rows: readonly BreakdownRow[];
    /** Every group, by quarter, largest first; the chart picks which to show (engine/funnel/group-pick). */
    readonly comparison: readonly ComparisonGroup[];
  };
  readonly dimensions: readonly Dimension[];
  readonly benchmarks: { readonly rates: readonly RateBenchmark[]; readonly cycle: DaysBenchmark };
}

export interface FunnelOptions {
  readonly basis: ConversionBasis;
  readonly breakdown: string;
  readonly windowDays: number | null;
}

function series(c: ConversionFigures) {
  if (c.basis === 'cohort') {
    const points = c.cohort.cells.map((row) =>
      row.map((x): ConversionPoint => ({
        period: x.period,
        base: x.entered,
        hits: x.converted,
        ...rateEstimate(x.converted, x.entered),
        openShare: x.openShare,
        immature: x.immature,
      })),
    );
    return { typicalDays: c.cohort.typicalDays, points };
  }
  const points = c.cells.map((row) =>
    row.map((x): ConversionPoint => ({
      period: x.period,
      base: x.enteredFrom,
      hits: x.enteredTo,
      ...rateEstimate(x.enteredTo, x.enteredFrom),
      rate: x.rate,
      openShare: null,
      immature: false,
    })),
  );
  return { typicalDays: null, points };
}

/** The stage funnel rows of a tally (all data in scope). */
export function stageRows(
  ds: Dataset,
  scope: ResolvedScope,
  total: FunnelTally = tallyFunnel(scope.reach),
): FunnelStageRow[] {
  return stageRowsOf(total, countReentries(ds, scope.reach));
}

function stageRowsOf(total: FunnelTally, reentries: Record<string, number>): FunnelStageRow[] {
  return STEP_STAGES.map((stage, k): FunnelStageRow => {
    const pair = k === 0 ? null : STAGE_PAIRS.find((p) => p.to === stage && p.from === STEP_STAGES[k - 1])!;
    return {
      stage,
      leads: total.counts[stage],
      amountCents: total.amountCents[stage],
      stepRate: pair ? total.rates[pair.key] : null,
      cumulativeRate: rateEstimate(total.counts[stage], total.counts.lead).rate,
      step: pair ? total.estimates[pair.key] : null,
      cumulative: rateEstimate(total.counts[stage], total.counts.lead),
      skipped: stage in total.skipped ? total.skipped[stage as SkippableStage] : null,
      reentered: reentries[stage] ?? 0,
    };
  });
}

export function buildFunnelModel(
  ds: Dataset,
  scope: FunnelScope,
  opts: FunnelOptions,
  extra: readonly ExtraDimension[] = [],
  filters: Filters = {},
): FunnelViewModel {
  const dimensions = allDimensions(ds, extra);
  const dimension = dimensions.find((d) => d.id === opts.breakdown) ?? dimensions[0]!;
  const groups = resolveGroups(ds, dimension.id, extra)!;
  const f = funnelFigures(ds, scope.filters, asOfInstant(ds, scope.asOf), scope.mode ?? 'inclusive', {
    basis: opts.basis,
    windowDays: opts.windowDays,
    groups,
  });
  const total = f.total;
  const stages = stageRowsOf(total, f.reentries);
  const grouped = f.grouped;
  const rows = grouped.labels
    .map((label, k) => ({
      label,
      counts: grouped.tallies[k]!.counts,
      rates: grouped.tallies[k]!.rates,
      estimates: grouped.tallies[k]!.estimates,
    }))
    .sort((a, b) => b.counts.lead - a.counts.lead || a.label.localeCompare(b.label));
  const mql = series(f.groupedConversions.mqlToSqo).points;
  const sql = series(f.groupedConversions.sqlToSqo).points;
  const indexOf = (label: string) => (label === NONE_LABEL ? groups.labels.length : groups.labels.indexOf(label));
  const comparison = rows.map((r) => ({
    label: r.label,
    leads: r.counts.lead,
    total: { mqlToSqo: r.estimates.mqlToSqo, sqlToSqo: r.estimates.sqlToSqo },
    mqlToSqo: mql[indexOf(r.label)]!,
    sqlToSqo: sql[indexOf(r.label)]!,
  }));
  return {
    asOf: isoDate(f.asOf),
    empty: funnelEmptyReason(ds, filters, total.counts.lead),
    mode: f.mode,
    basis: opts.basis,
    windowDays: opts.windowDays,
    currency: ds.meta.currency,
    stages,
    outcomes: { lost: total.counts.lost, disqualified: total.counts.disqualified, lostCents: total.amountCents.lost },
    rates: total.rates,
    estimates: total.estimates,
    quarters: f.periods.map((p) => p.label),
    conversions: STAGE_PAIRS.map((p) => {
      const s = series(f.conversions[p.key]);
      return { key: p.key, from: p.from, to: p.to, typicalDays: s.typicalDays, points: s.points[0]! };
    }),
    timeInStage: f.timeInStage,
    closedWinRates: f.closedWinRates,
    breakdown: { dimension, rows, comparison },
    dimensions,
    benchmarks: { rates: RATE_BENCHMARKS, cycle: CYCLE_BENCHMARK },
  };
}
