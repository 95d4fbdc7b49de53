/**
 * Report key `forecast.accuracy`: per forecast method, its mean absolute percentage error over the
 * last completed quarters (up to 8), the per-quarter errors at the start of each week 1–13, and its
 * projection of the current quarter; `best` names the most accurate method. `null` with the reason
 * under `forecast.notMeasurable.accuracy` when the data has no deal history. Money in currency
 * units (cents ÷ 100); errors as fractions ((forecast − actual) ÷ actual).
 */
import { forecastAccuracy, type ForecastAccuracy } from '../../engine/forecast/accuracy';
import { opportunityMask } from '../../engine/filters/filters';
import { METHOD_LABEL } from '../../lib/forecast-labels';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);
const pct = (r: number | null): string => (r === null ? 'not measurable' : `${(r * 100).toFixed(1)}%`);

const cache = new WeakMap<DatasetContext, ForecastAccuracy>();
function figures(ctx: DatasetContext): ForecastAccuracy {
  let f = cache.get(ctx);
  if (!f)
    cache.set(ctx, (f = forecastAccuracy(ctx.dataset, { asOf: ctx.asOf, mask: opportunityMask(ctx.dataset, {}) })));
  return f;
}

/** The `forecast.accuracy` object of a measurable back-test. */
export function accuracyJson(a: Extract<ForecastAccuracy, { measurable: true }>) {
  return {
    weeks: a.weeks,
    quarters: a.quarters.map((q) => ({
      quarter: q.quarter,
      actual: units(q.actualCents),
      ...(q.reason !== null && { reason: q.reason }),
    })),
    methods: Object.fromEntries(
      a.methods.map((m) => [
        m.method,
        {
          label: METHOD_LABEL[m.method],
          mape: m.mape,
          measuredQuarters: m.measuredQuarters,
          ...(m.reason !== null && { reason: m.reason }),
          byWeek: m.byWeek,
          quarters: Object.fromEntries(
            m.quarters.map((q) => [
              q.quarter,
              {
                actual: units(q.actualCents),
                ape: q.ape,
                errors: q.errors,
                forecasts: q.forecastsCents.map(units),
                ...(q.reason !== null && { reason: q.reason }),
              },
            ]),
          ),
          projection: units(m.projection.cents),
          ...(m.projection.reason !== null && { projectionReason: m.projection.reason }),
          projectionToDate: units(m.projectionToDateCents),
        },
      ]),
    ),
    best: a.best,
    ...(a.bestReason !== null && { bestReason: a.bestReason }),
    current: {
      quarter: a.current.quarter,
      actualToDate: units(a.current.actualToDateCents),
      paceShare: a.current.pace.share,
      ...(a.current.pace.reason !== null && { paceReason: a.current.pace.reason }),
    },
  };
}

export const forecastAccuracySection: ReportSection = {
  json(ctx) {
    const a = figures(ctx);
    return {
      forecast: a.measurable
        ? { accuracy: accuracyJson(a) }
        : { accuracy: null, notMeasurable: { accuracy: a.reason } },
    };
  },
  text(ctx) {
    const a = figures(ctx);
    if (!a.measurable) return [`Forecast accuracy: ${a.reason}`];
    const cur = ctx.dataset.meta.currency;
    const money = (cents: number | null) =>
      cents === null
        ? 'not measurable'
        : new Intl.NumberFormat('en-US', { style: 'currency', currency: cur, maximumFractionDigits: 0 }).format(
            cents / 100,
          );
    const best = a.methods.find((m) => m.method === a.best);
    return [
      `Forecast accuracy over ${a.quarters.map((q) => q.quarter).join(', ')} (MAPE, weeks 1–${a.weeks}): ${a.methods.map((m) => `${METHOD_LABEL[m.method]} ${pct(m.mape)}`).join(', ')}`,
      best
        ? `  Most accurate: ${METHOD_LABEL[best.method]}; it projects ${a.current.quarter} at ${money(best.projection.cents)} (${money(a.current.actualToDateCents)} won to date, ${money(best.projectionToDateCents)} expected by now)`
        : `  Most accurate: ${a.bestReason}`,
    ];
  },
};
