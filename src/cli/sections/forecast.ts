/**
 * Report keys of the forecast area: `pipeline` (the Forecast view's headline figures: open,
 * weighted, expected bookings, win rate, average cycle days, sales velocity, p(stage) per stage
 * with its source, overdue deals) and `coverage` (per quarter with a quota). Money is printed in
 * currency units (cents ÷ 100, exact to the cent). A figure the data cannot give is `null`, with
 * the reason under `pipeline.notMeasurable`.
 */
import { coverageByQuarter, impliedCoverage, type QuarterCoverage } from '../../engine/forecast/coverage';
import { pipelineByQuarter } from '../../engine/forecast/pipeline';
import { SOURCE_LABEL } from '../../engine/forecast/stage-probability';
import { opportunityMask } from '../../engine/filters/filters';
import { coverageStatus, gapText, TERMS } from '../../lib/wording';
import { DEFAULT_FORECAST_SETTINGS, forecastView, type ForecastView } from '../../worker/handlers/forecast';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);
const pct = (r: number | null): string => (r === null ? 'no data' : `${(r * 100).toFixed(1)}%`);
const money = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(cents / 100);
const days = (d: number): string => `${d.toFixed(1)} days`;

/** The `coverage` key: per quarter with a quota, money in currency units. */
export function coverageJson(coverage: readonly QuarterCoverage[]) {
  return Object.fromEntries(
    coverage.map((c) => [
      c.quarter,
      {
        tense: c.tense,
        quota: units(c.quotaCents),
        won: units(c.wonCents),
        openDue: units(c.openDueCents),
        weightedDue: units(c.weightedDueCents),
        coverage: c.coverage,
        status: coverageStatus(c),
        projected: units(c.projectedCents),
        attainment: c.attainment,
        gap: units(c.gapCents),
      },
    ]),
  );
}

function compute(ctx: DatasetContext) {
  const { dataset: ds, asOf } = ctx;
  const view = forecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }, asOf);
  const mask = opportunityMask(ds, {});
  const coverage = coverageByQuarter(ds, pipelineByQuarter(ds, { asOf, mask }).quarters, asOf);
  return { view, coverage };
}

const cache = new WeakMap<DatasetContext, ReturnType<typeof compute>>();
function figures(ctx: DatasetContext) {
  let f = cache.get(ctx);
  if (!f) cache.set(ctx, (f = compute(ctx)));
  return f;
}

function notMeasurable(v: ForecastView): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.notMeasurable.winRate) out.winRate = v.notMeasurable.winRate;
  if (v.notMeasurable.cycle) out.averageCycleDays = v.notMeasurable.cycle;
  if (v.notMeasurable.velocity) out.salesVelocityPerDay = v.notMeasurable.velocity;
  return out;
}

export const forecastSection: ReportSection = {
  json(ctx) {
    const { view: v, coverage } = figures(ctx);
    return {
      pipeline: {
        currency: v.currency,
        open: units(v.openCents),
        weighted: units(v.weightedCents),
        expectedBookings: units(v.expectedBookingsCents),
        openCount: v.openCount,
        winRate: v.winRate,
        impliedCoverage: impliedCoverage(v.winRate),
        lookbackFrom: v.lookbackFrom,
        averageCycleDays:
          v.velocity.cycleDaysMean === null
            ? null
            : { mean: v.velocity.cycleDaysMean, median: v.velocity.cycleDaysMedian },
        salesVelocityPerDay: units(v.velocity.centsPerDay),
        stageProbabilities: v.stages.map((s) => ({
          stage: s.stage,
          p: s.p,
          source: SOURCE_LABEL[s.source],
          closedThroughStage: s.closed,
          wonThroughStage: s.won,
          exportProbability: s.exported,
          openDeals: s.count,
        })),
        stagesUsingDefault: v.defaultStages,
        overdue: {
          count: v.overdue.count,
          amount: units(v.overdue.cents),
          deals: v.overdue.deals.map((d) => ({
            id: d.id,
            closeDate: d.closeDate,
            daysOverdue: d.daysOverdue,
            amount: units(d.amountCents),
            stage: d.stage,
            owner: d.owner,
          })),
        },
        datesOutOfOrder: { count: v.datesOutOfOrder.count, opportunityIds: v.datesOutOfOrder.ids },
        notMeasurable: notMeasurable(v),
      },
      coverage: coverageJson(coverage),
    };
  },
  text(ctx) {
    const { view: v, coverage } = figures(ctx);
    const cur = v.currency;
    const cycle = v.notMeasurable.cycle;
    const velocity = v.velocity.centsPerDay;
    return [
      `Pipeline: ${v.openCount} open deals, ${money(v.openCents, cur)} open, ${money(v.weightedCents, cur)} weighted (expected bookings), ${TERMS.winRate.label.toLowerCase()} ${pct(v.winRate)}`,
      `  Average cycle: ${cycle ?? `${days(v.velocity.cycleDaysMean!)} mean, ${days(v.velocity.cycleDaysMedian!)} median (creation → won)`}`,
      `  Sales velocity: ${velocity === null ? (v.notMeasurable.velocity ?? 'no data') : `${money(velocity, cur)} per day`}`,
      `  p(stage): ${v.stages.length === 0 ? 'no open stage' : v.stages.map((s) => `${s.stage} ${pct(s.p)} (${SOURCE_LABEL[s.source]})`).join(', ')}`,
      ...(v.defaultStages.length > 0 ? [`  Stages using an entered default p: ${v.defaultStages.join(', ')}`] : []),
      ...(v.overdue.count > 0
        ? [
            `  Overdue: ${v.overdue.count} open deals (${money(v.overdue.cents, cur)}) whose close date has passed; in no quarter`,
          ]
        : []),
      ...(v.datesOutOfOrder.count > 0
        ? [
            `  Dates out of order: ${v.datesOutOfOrder.count} won deals close before they were created (left out of the cycle): ${v.datesOutOfOrder.ids.slice(0, 10).join(', ')}`,
          ]
        : []),
      ...coverage.map(
        (c) =>
          `  ${c.quarter}: quota ${money(c.quotaCents, cur)}, won ${money(c.wonCents, cur)}, open due ${money(c.openDueCents, cur)}, coverage ${c.coverage === 'quota met' ? 'quota met' : `${c.coverage.toFixed(2)}×`} (${coverageStatus(c)}), projected ${money(c.projectedCents, cur)}, ${gapText(c.gapCents, cur)}`,
      ),
    ];
  },
};
