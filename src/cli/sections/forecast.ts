/**
 * Report keys of the forecast area: `pipeline` and `coverage` (per quarter with a quota). Money is printed in currency units (cents ÷ 100, exact to the cent).
 */
import { coverageByQuarter, impliedCoverage } from '../../engine/forecast/coverage';
import { pipelineByQuarter, pipelineSummary } from '../../engine/forecast/pipeline';
import { opportunityMask } from '../../engine/filters/filters';
import { coverageStatus, gapText, TERMS } from '../../lib/wording';
import type { DatasetContext } from '../context';
import type { ReportSection } from '../report-sections';

const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);
const pct = (r: number | null): string => (r === null ? 'no data' : `${(r * 100).toFixed(1)}%`);
const money = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(cents / 100);

function compute(ctx: DatasetContext) {
  const { dataset: ds, asOf } = ctx;
  const mask = opportunityMask(ds, {});
  const summary = pipelineSummary(ds, { asOf, mask });
  const coverage = coverageByQuarter(ds, pipelineByQuarter(ds, { asOf, mask }).quarters, asOf);
  return { summary, coverage };
}

const cache = new WeakMap<DatasetContext, ReturnType<typeof compute>>();
function figures(ctx: DatasetContext) {
  let f = cache.get(ctx);
  if (!f) cache.set(ctx, (f = compute(ctx)));
  return f;
}

export const forecastSection: ReportSection = {
  json(ctx) {
    const { summary: s, coverage } = figures(ctx);
    return {
      pipeline: {
        currency: ctx.dataset.meta.currency,
        open: units(s.openCents),
        weighted: units(s.weightedCents),
        expectedBookings: units(s.expectedBookingsCents),
        openCount: s.openCount,
        winRate: s.rates.winRate,
        impliedCoverage: impliedCoverage(s.rates.winRate),
      },
      coverage: Object.fromEntries(
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
      ),
    };
  },
  text(ctx) {
    const { summary: s, coverage } = figures(ctx);
    const cur = ctx.dataset.meta.currency;
    return [
      `Pipeline: ${s.openCount} open deals, ${money(s.openCents, cur)} open, ${money(s.weightedCents, cur)} weighted (expected bookings), ${TERMS.winRate.label.toLowerCase()} ${pct(s.rates.winRate)}`,
      ...coverage.map(
        (c) =>
          `  ${c.quarter}: quota ${money(c.quotaCents, cur)}, won ${money(c.wonCents, cur)}, open due ${money(c.openDueCents, cur)}, coverage ${c.coverage === 'quota met' ? 'quota met' : `${c.coverage.toFixed(2)}×`} (${coverageStatus(c)}), projected ${money(c.projectedCents, cur)}, ${gapText(c.gapCents, cur)}`,
      ),
    ];
  },
};
