/** Forecast accuracy on the company's own history, and each method's projection of the current quarter, as a view-model. */
import { forecastAccuracy, type AccuracyMethod, type ForecastAccuracy } from '../../engine/forecast/accuracy';
import { opportunityMask } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import type { ForecastCategory } from '../../engine/model/stages';
import { DAY_MS, isoDate } from '../../engine/time';
import { requireDataset, type EngineState } from '../state';
import type { ForecastInput } from './forecast';

export type { AccuracyMethod } from '../../engine/forecast/accuracy';

export interface AccuracyMethodView {
  /** The method; the UI names it and says how it forecasts (lib/forecast-labels.ts). */
  readonly method: AccuracyMethod;
  /** Mean absolute percentage error over the quarters measured, fraction; null with `reason`. */
  readonly mape: number | null;
  readonly measuredQuarters: number;
  readonly reason: string | null;
  /** Mean |error| at the start of week k (index k − 1) over the quarters, fraction; null where none. */
  readonly byWeek: readonly (number | null)[];
  /** Per back-tested quarter: mean |error| over its weeks; null with the reason. */
  readonly quarters: readonly {
    readonly quarter: string;
    readonly ape: number | null;
    readonly reason: string | null;
  }[];
  /** The method's forecast of the current quarter's bookings, cents; null with `projectionReason`. */
  readonly projectionCents: number | null;
  readonly projectionReason: string | null;
  /** What the projection says should have closed by the as-of (projection × the usual pace), cents. */
  readonly projectionToDateCents: number | null;
}

export type ForecastAccuracyView =
  | {
      readonly measurable: true;
      readonly currency: string;
      /** ISO date of the as-of. */
      readonly asOf: string;
      readonly weeks: number;
      /** The back-tested quarters and what they booked (cents). */
      readonly quarters: readonly {
        readonly quarter: string;
        readonly actualCents: number;
        readonly reason: string | null;
      }[];
      readonly methods: readonly AccuracyMethodView[];
      readonly best: AccuracyMethod | null;
      readonly bestReason: string | null;
      readonly current: {
        readonly quarter: string;
        /** Won so far in the quarter, cents. */
        readonly actualToDateCents: number;
        /** Whole days elapsed in the quarter. */
        readonly elapsedDays: number;
        /** Share of a quarter's bookings that past quarters had closed by this point, 0–1; null with `paceReason`. */
        readonly paceShare: number | null;
        readonly paceReason: string | null;
      };
    }
  | { readonly measurable: false; readonly currency: string; readonly reason: string };

export interface ForecastAccuracyInput extends ForecastInput {
  /** Stage → category edits over the default map (the URL's `cat.<stage>`): the Commit and Best case methods read them. */
  readonly stageCategories?: Readonly<Record<string, ForecastCategory>>;
}

export interface ForecastAccuracyHandlers {
  forecastAccuracy(input: ForecastAccuracyInput): Promise<ForecastAccuracyView>;
}

/** The last back-test of each dataset: the accuracy card and the headline projection ask for the same one. */
const lastBacktest = new WeakMap<Dataset, { readonly key: string; readonly value: ForecastAccuracy }>();

/** The back-test for these inputs (the dataset's last one when the inputs are the same). */
export function backtestFor(ds: Dataset, input: ForecastAccuracyInput, asOf: number = ds.meta.latestAt) {
  const s = input.settings;
  const key = JSON.stringify([asOf, input.filters, s, input.stageCategories ?? {}]);
  const last = lastBacktest.get(ds);
  if (last?.key === key) return last.value;
  const value = forecastAccuracy(ds, {
    asOf,
    mask: opportunityMask(ds, input.filters),
    lookbackQuarters: s.lookbackQuarters,
    userProbabilities: s.userProbabilities,
    minClosed: s.minClosed,
    source: s.probabilitySource,
    stageCategories: input.stageCategories,
  });
  lastBacktest.set(ds, { key, value });
  return value;
}

export function forecastAccuracyView(
  ds: Dataset,
  input: ForecastAccuracyInput,
  asOf: number = ds.meta.latestAt,
): ForecastAccuracyView {
  const a = backtestFor(ds, input, asOf);
  const currency = ds.meta.currency;
  if (!a.measurable) return { measurable: false, currency, reason: a.reason };
  return {
    measurable: true,
    currency,
    asOf: isoDate(asOf),
    weeks: a.weeks,
    quarters: a.quarters,
    methods: a.methods.map((m) => ({
      method: m.method,
      mape: m.mape,
      measuredQuarters: m.measuredQuarters,
      reason: m.reason,
      byWeek: m.byWeek,
      quarters: m.quarters.map((q) => ({ quarter: q.quarter, ape: q.ape, reason: q.reason })),
      projectionCents: m.projection.cents,
      projectionReason: m.projection.reason,
      projectionToDateCents: m.projectionToDateCents,
    })),
    best: a.best,
    bestReason: a.bestReason,
    current: {
      quarter: a.current.quarter,
      actualToDateCents: a.current.actualToDateCents,
      elapsedDays: Math.floor(a.current.pace.elapsedMs / DAY_MS),
      paceShare: a.current.pace.share,
      paceReason: a.current.pace.reason,
    },
  };
}

export function forecastAccuracyHandlers(state: EngineState): ForecastAccuracyHandlers {
  return {
    async forecastAccuracy(input) {
      return forecastAccuracyView(requireDataset(state), input);
    },
  };
}
