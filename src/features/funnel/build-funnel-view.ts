/**
 * Shapes the engine's funnel view-model for the charts: formatted labels, tooltip lines and the CSV
 * behind each chart. Pure; no figure is computed here that the engine did not compute.
 */
import { CHART_COLORS, GROUP_COLORS } from '../../charts/theme';
import type { Cell } from '../../lib/csv-export';
import { pairEnds, pairLabel, stepLabel } from '../../lib/stage-labels';
import {
  formatCount,
  formatDayBand,
  formatDays,
  formatPercent,
  formatRateWithInterval,
  formatSample,
  type RateWithSample,
} from '../../lib/format';
import type { FunnelViewModel } from '../../worker/api';
import type { RateRow, RateSeries, Benchmark } from '../../charts/rate-bar-chart';
import type { CountRow } from '../../charts/count-bar-chart';
import type { CsvExport } from '../../ui/chart-frame';
import { MAX_GROUPS, pickGroups, TOP_GROUPS, type GroupPick } from '../../engine/funnel/group-pick';
import type { FunnelParams } from './funnel-params';

/** One colour per compared group, up to MAX_GROUPS. */

type Vm = FunnelViewModel;

/** The three columns every exported rate gains: its 95% interval and its sample size. */
export function ciHeader(rate: string): string[] {
  return [`${rate}_ci_low`, `${rate}_ci_high`, `${rate}_n`];
}

/** True when a rate rests on fewer trials than the threshold (and on at least one: 0 is "no data"). */
export function isSmallSample(e: RateWithSample, minSample: number): boolean {
  return e.n > 0 && e.n < minSample;
}

/** The label drawn on a small-sample bar and its tooltip line; nothing for a large enough sample. */
function smallSample(e: RateWithSample, minSample: number, unit: string): { label: string; line: string } | null {
  if (!isSmallSample(e, minSample)) return null;
  return {
    label: formatSample(e.n),
    line: `Small sample: ${formatCount(e.n)} ${unit}, under ${formatCount(minSample)}`,
  };
}

/** Says what hatched bars mean, under a chart that has any. */
export function smallNote(minSample: number, unit: string): string {
  return `Hatched, faded bars labelled "n = …" rest on fewer than ${formatCount(minSample)} ${unit}: read them as rough.`;
}

/** The cells of `ciHeader`; empty bounds when the rate has no interval. */
export function ciCells(e: RateWithSample | null | undefined): Cell[] {
  return e ? [e.lo, e.hi, e.n] : [null, null, null];
}

export function stageCsv(vm: Vm): CsvExport {
  return {
    fileName: 'funnel-stages.csv',
    header: [
      'stage',
      'leads',
      'pipeline_amount',
      'step_rate',
      ...ciHeader('step_rate'),
      'cumulative_rate',
      ...ciHeader('cumulative_rate'),
      'skipped',
      'reentered',
    ],
    rows: vm.stages.map((s) => [
      s.stage,
      s.leads,
      s.amountCents / 100,
      s.stepRate,
      ...ciCells(s.step),
      s.cumulativeRate,
      ...ciCells(s.cumulative),
      s.skipped,
      s.reentered,
    ]),
  };
}

const basisWord = (vm: Vm) => (vm.basis === 'cohort' ? 'cohort' : 'period');

/** The chosen pair by quarter. */
export function conversionRows(
  vm: Vm,
  pairKey: FunnelParams['pair'],
  minSample: number,
): { rows: RateRow[]; csv: CsvExport; label: string; typicalDays: number | null } {
  const series = vm.conversions.find((c) => c.key === pairKey)!;
  const label = pairLabel(series);
  const { from: a, to: b } = pairEnds(series);
  const rows = series.points.map((p): RateRow => {
    const small = smallSample(p, minSample, `${a}s`);
    return {
      category: p.period,
      values: { rate: p.rate },
      immature: { rate: p.immature },
      ...(small ? { small: { rate: small.label } } : {}),
      tooltips: {
        rate:
          vm.basis === 'cohort'
            ? [
                `${label}, ${p.period} cohort`,
                formatRateWithInterval(p),
                `${formatCount(p.hits)} of ${formatCount(p.base)} ${a}s reached ${b}`,
                `Still open: ${formatPercent(p.openShare)}`,
                ...(p.immature ? ['Immature: younger than the typical time to convert'] : []),
                ...(small ? [small.line] : []),
              ]
            : [
                `${label}, ${p.period}`,
                formatRateWithInterval(p),
                `${formatCount(p.hits)} ${b} entries ÷ ${formatCount(p.base)} ${a} entries`,
                ...(small ? [small.line] : []),
              ],
      },
    };
  });
  const csv: CsvExport = {
    fileName: `conversion-${pairKey}-${basisWord(vm)}.csv`,
    header: [
      'quarter',
      vm.basis === 'cohort' ? 'entered_from' : 'entries_from',
      vm.basis === 'cohort' ? 'converted' : 'entries_to',
      'rate',
      ...ciHeader('rate'),
      'still_open_share',
      'immature',
    ],
    rows: series.points.map((p) => [p.period, p.base, p.hits, p.rate, ...ciCells(p), p.openShare, p.immature]),
  };
  return { rows, csv, label, typicalDays: series.typicalDays };
}

/** A group the comparison chart can show, for the "Chosen" checkbox list. */
export interface GroupOption {
  readonly label: string;
  /** "n = 40 MQLs" */
  readonly sample: string;
  readonly shown: boolean;
}

/** Says which rule picked the groups, e.g. "every group with at least 30 MQLs (8 of 9)". */
function pickSubtitle(
  pick: GroupPick,
  minSample: number,
  shown: number,
  qualified: number,
  total: number,
  label: string,
  from: string,
): string {
  const cut = qualified > shown ? `, the ${shown} largest shown` : '';
  switch (pick.rule) {
    case 'volume':
      return `the ${shown} largest groups by leads (of ${total})`;
    case 'rate':
      return `the ${shown} highest ${label} among groups with at least ${formatCount(minSample)} ${from}s`;
    case 'chosen':
      return `${qualified} chosen group${qualified === 1 ? '' : 's'}${cut}`;
    default:
      return `every group with at least ${formatCount(minSample)} ${from}s (${qualified} of ${total})${cut}`;
  }
}

/**
 * The compared rate by quarter for the groups the pick rule selects. Series keys are `g<index>` into
 * `vm.breakdown.comparison`, so a clicked bar finds its group.
 */
export function comparisonRows(
  vm: Vm,
  compare: FunnelParams['compare'],
  minSample: number,
  pick: GroupPick = { rule: 'sampled', chosen: [] },
): { rows: RateRow[]; series: RateSeries[]; csv: CsvExport; subtitle: string; options: GroupOption[] } {
  const all = vm.breakdown.comparison;
  const pair = vm.conversions.find((c) => c.key === compare)!;
  const label = pairLabel(pair);
  const { from } = pairEnds(pair);
  const picked = pickGroups(
    all.map((g) => ({ label: g.label, leads: g.leads, estimate: g.total[compare] })),
    pick,
    minSample,
  );
  const shownSet = new Set(picked.labels);
  const groups = all.map((g, index) => ({ g, index })).filter(({ g }) => shownSet.has(g.label));
  const series = groups.map(({ g, index }, k): RateSeries => ({
    key: `g${index}`,
    name: g.label,
    color: GROUP_COLORS[k % GROUP_COLORS.length]!,
  }));
  const rows = vm.quarters.map((q, qi): RateRow => {
    const values: Record<string, number | null> = {};
    const immature: Record<string, boolean> = {};
    const smallLabels: Record<string, string> = {};
    const tooltips: Record<string, string[]> = {};
    groups.forEach(({ g, index }) => {
      const key = `g${index}`;
      const p = g[compare][qi]!;
      const small = smallSample(p, minSample, `${from}s`);
      values[key] = p.rate;
      immature[key] = p.immature;
      if (small) smallLabels[key] = small.label;
      tooltips[key] = [
        `${g.label}, ${q}`,
        `${label} ${formatRateWithInterval(p)}`,
        `${formatCount(p.hits)} of ${formatCount(p.base)}`,
        ...(p.immature ? ['Immature cohort'] : []),
        ...(small ? [small.line] : []),
      ];
    });
    return { category: q, values, immature, small: smallLabels, tooltips };
  });
  const csv: CsvExport = {
    fileName: `${compare}-by-${vm.breakdown.dimension.id.replace(/[^a-z0-9]+/gi, '-')}.csv`,
    header: ['group', 'quarter', 'base', 'hits', 'rate', ...ciHeader('rate'), 'immature'],
    rows: groups.flatMap(({ g }) =>
      g[compare].map((p) => [g.label, p.period, p.base, p.hits, p.rate, ...ciCells(p), p.immature]),
    ),
  };
  const options = all.map((g): GroupOption => ({
    label: g.label,
    sample: `${formatSample(g.total[compare].n)} ${from}s`,
    shown: shownSet.has(g.label),
  }));
  const subtitle = pickSubtitle(pick, minSample, picked.labels.length, picked.qualified, all.length, label, from);
  return { rows, series, csv, subtitle, options };
}

/** The most groups a pick shows ("Top" picks: TOP_GROUPS). */
export const GROUP_LIMITS = { top: TOP_GROUPS, max: MAX_GROUPS } as const;

export function benchmarksFor(vm: Vm, rate: 'sqlToSqo' | 'sqoToWon' | 'mqlToSqo'): Benchmark[] {
  return vm.benchmarks.rates
    .filter((b) => b.rate === rate)
    .map((b) => ({ label: b.label, source: b.source, low: b.low, high: b.high }));
}

/** Closed-in-quarter win rate beside the SQO→won conversion of the quarter's SQOs. */
export function winRateRows(vm: Vm, minSample: number): { rows: RateRow[]; series: RateSeries[]; csv: CsvExport } {
  const cohort = vm.conversions.find((c) => c.key === 'sqoToWon')!;
  const cohortName = vm.basis === 'cohort' ? 'Won ÷ SQOs created (cohort)' : 'Won ÷ SQOs created (period)';
  const series: RateSeries[] = [
    { key: 'closed', name: 'Won ÷ (won + lost), closed in quarter', color: CHART_COLORS.won },
    { key: 'cohort', name: cohortName, color: CHART_COLORS.primary },
  ];
  const rows = vm.closedWinRates.map((w, k): RateRow => {
    const c = cohort.points[k]!;
    const smallClosed = smallSample(w, minSample, 'closed deals');
    const smallCohort = smallSample(c, minSample, 'SQOs');
    return {
      category: w.period,
      values: { closed: w.rate, cohort: c.rate },
      immature: { cohort: c.immature },
      small: {
        ...(smallClosed ? { closed: smallClosed.label } : {}),
        ...(smallCohort ? { cohort: smallCohort.label } : {}),
      },
      tooltips: {
        closed: [
          `Closed in ${w.period}`,
          `Win rate ${formatRateWithInterval(w)}`,
          `${formatCount(w.won)} won, ${formatCount(w.lost)} lost`,
          ...(smallClosed ? [smallClosed.line] : []),
        ],
        cohort: [
          `SQOs of ${w.period}`,
          formatRateWithInterval(c),
          `${formatCount(c.hits)} won of ${formatCount(c.base)}`,
          ...(c.immature ? ['Immature: many still open'] : []),
          ...(smallCohort ? [smallCohort.line] : []),
        ],
      },
    };
  });
  const csv: CsvExport = {
    fileName: 'win-rate-by-quarter.csv',
    header: [
      'quarter',
      'won_closed',
      'lost_closed',
      'closed_win_rate',
      ...ciHeader('closed_win_rate'),
      'sqos',
      'sqos_won',
      'sqo_win_rate',
      ...ciHeader('sqo_win_rate'),
      'immature',
    ],
    rows: vm.closedWinRates.map((w, k) => {
      const c = cohort.points[k]!;
      return [w.period, w.won, w.lost, w.rate, ...ciCells(w), c.base, c.hits, c.rate, ...ciCells(c), c.immature];
    }),
  };
  return { rows, series, csv };
}

export function durationRows(vm: Vm): { rows: CountRow[]; csv: CsvExport } {
  const rows = vm.timeInStage.map((d): CountRow => ({
    category: stepLabel(d),
    values: { median: d.medianDays, p75: d.p75Days },
    tooltip: [
      stepLabel(d),
      `Median ${formatDays(d.medianDays)}, p75 ${formatDays(d.p75Days)}`,
      `${formatCount(d.leads)} leads with both entries recorded`,
      ...(d.outOfOrder ? [`${formatCount(d.outOfOrder)} out of order, left out`] : []),
    ],
  }));
  const csv: CsvExport = {
    fileName: 'time-in-stage.csv',
    header: [
      'from',
      'to',
      'leads',
      'median_days',
      'p75_days',
      'out_of_order',
      ...vm.timeInStage[0]!.bins.map((b) => `leads_${formatDayBand(b).replace(/\s/g, '')}`),
    ],
    rows: vm.timeInStage.map((d) => [
      d.from,
      d.to,
      d.leads,
      d.medianDays,
      d.p75Days,
      d.outOfOrder,
      ...d.bins.map((b) => b.leads),
    ]),
  };
  return { rows, csv };
}

export function histogramRows(vm: Vm, index: number): CountRow[] {
  const d = vm.timeInStage[index]!;
  return d.bins.map((b) => ({
    category: formatDayBand(b),
    values: { leads: b.leads },
    tooltip: [`${stepLabel(d)}: ${formatDayBand(b)}`, `${formatCount(b.leads)} leads`],
  }));
}

export function breakdownCsv(vm: Vm): CsvExport {
  return {
    fileName: `funnel-by-${vm.breakdown.dimension.id.replace(/[^a-z0-9]+/gi, '-')}.csv`,
    header: [
      'group',
      'leads',
      'mql',
      'sql',
      'sqo',
      'won',
      'lost',
      'mql_to_sqo',
      ...ciHeader('mql_to_sqo'),
      'sql_to_sqo',
      ...ciHeader('sql_to_sqo'),
      'win_rate',
      ...ciHeader('win_rate'),
    ],
    rows: vm.breakdown.rows.map((r) => {
      const e = r.estimates;
      return [
        r.label,
        r.counts.lead,
        r.counts.mql,
        r.counts.sql,
        r.counts.sqo,
        r.counts.won,
        r.counts.lost,
        e.mqlToSqo.rate,
        ...ciCells(e.mqlToSqo),
        e.sqlToSqo.rate,
        ...ciCells(e.sqlToSqo),
        e.winRate.rate,
        ...ciCells(e.winRate),
      ];
    }),
  };
}

/** A breakdown table cell: the rate, and its "n = 2" when the sample is small. */
export interface RateCell {
  readonly text: string;
  /** "n = 2" for a small sample; null otherwise. */
  readonly sample: string | null;
  /** The rate read out in full: "37.5% (95% CI 24.2–53.0%, n = 40)". */
  readonly full: string;
}

export function rateCell(e: RateWithSample, minSample: number): RateCell {
  return {
    text: formatPercent(e.rate),
    sample: isSmallSample(e, minSample) ? formatSample(e.n) : null,
    full: formatRateWithInterval(e),
  };
}
