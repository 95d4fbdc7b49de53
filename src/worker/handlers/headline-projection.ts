/**
 * The headline projection of the current quarter's bookings, which the Forecast headline and the
 * Overview both show: by the method the back-test ranks most accurate (or the one chosen), else the
 * weighted pipeline (won + open due × p(stage), as the coverage table projects) with the reason no
 * method could be ranked. Beside it, the quarter's won so far, quota and gap.
 */
import type { AccuracyMethod } from '../../engine/forecast/accuracy';
import { headlineMethod, type MethodChoice } from '../../engine/forecast/headline-method';
import { pipelineByQuarter } from '../../engine/forecast/pipeline';
import { quotaScope } from '../../engine/forecast/quota-scope';
import { opportunityMask, type Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import type { ForecastCategory } from '../../engine/model/stages';
import { quarterOf } from '../../engine/time';
import { requireDataset, type EngineState } from '../state';
import type { DealTarget } from './deal-list';
import { DEFAULT_FORECAST_SETTINGS, type ForecastSettings } from './forecast';
import { backtestFor } from './forecast-accuracy';

export type { MethodChoice } from '../../engine/forecast/headline-method';

export interface HeadlineProjectionInput {
  readonly filters: Filters;
  /** The Forecast view's settings; absent: its defaults (the Overview). */
  readonly settings?: ForecastSettings;
  /** Stage → category edits over the default map (the Commit and Best case methods read them). */
  readonly stageCategories?: Readonly<Record<string, ForecastCategory>>;
  readonly method: MethodChoice;
}

export interface HeadlineProjectionView {
  readonly currency: string;
  /** The quarter of the as-of. */
  readonly quarter: string;
  /** The method that projects; `weighted` when no method is ranked. */
  readonly method: AccuracyMethod;
  /** `mostAccurate` (the default), `chosen` by the user, or `notRanked` (the weighted pipeline, see `notRankedReason`). */
  readonly basis: 'mostAccurate' | 'chosen' | 'notRanked';
  /** The projected bookings of the quarter, cents; null with `reason` when the method cannot project. */
  readonly cents: number | null;
  readonly reason: string | null;
  /** The method's MAPE (fraction) over `measuredQuarters` back-tested quarters; null when not measured. */
  readonly mape: number | null;
  readonly measuredQuarters: number;
  /** The most accurate method; null when the back-test ranks none. */
  readonly best: AccuracyMethod | null;
  /** Why the back-test ranks no method ("not measurable — needs …"); null when it ranks one. */
  readonly notRankedReason: string | null;
  /** Won so far in the quarter (close date in it), cents. */
  readonly wonCents: number;
  /** The quarter's quota under the filters, cents; null when there is none or it is company-wide. */
  readonly quotaCents: number | null;
  /** quota − projection, cents (positive: short of quota); null without a quota or a projection. */
  readonly gapCents: number | null;
  /** The deals behind the projection. */
  readonly target: DealTarget;
}

export interface HeadlineProjectionHandlers {
  headlineProjection(input: HeadlineProjectionInput): Promise<HeadlineProjectionView>;
}

export function headlineProjectionView(
  ds: Dataset,
  input: HeadlineProjectionInput,
  asOf: number = ds.meta.latestAt,
): HeadlineProjectionView {
  const settings = input.settings ?? DEFAULT_FORECAST_SETTINGS;
  const quarter = quarterOf(asOf, ds.meta.fiscalYearStartMonth);
  const mask = opportunityMask(ds, input.filters);
  const scope = quotaScope(ds, input.filters);
  const pipeline = pipelineByQuarter(
    ds,
    {
      asOf,
      mask,
      lookbackQuarters: settings.lookbackQuarters,
      userProbabilities: settings.userProbabilities,
      minClosed: settings.minClosed,
      source: settings.probabilitySource,
    },
    scope.quotas,
  ).quarters.find((q) => q.quarter === quarter);
  const wonCents = pipeline?.wonCents ?? 0;
  const quotaCents = scope.quotas?.get(quarter) ?? null;
  const h = headlineMethod(
    backtestFor(ds, { filters: input.filters, settings, stageCategories: input.stageCategories }, asOf),
    input.method,
  );
  const figures =
    h.basis === 'notRanked'
      ? {
          method: h.method,
          cents: wonCents + (pipeline?.weightedDueCents ?? 0),
          reason: null,
          mape: null,
          measuredQuarters: 0,
          best: null,
          notRankedReason: h.reason,
          target: { kind: 'projected', quarter } as const,
        }
      : {
          method: h.method,
          cents: h.projection.cents,
          reason: h.projection.reason,
          mape: h.mape,
          measuredQuarters: h.measuredQuarters,
          best: h.best,
          notRankedReason: null,
          target: { kind: 'accuracy', part: h.method } as const,
        };
  return {
    currency: ds.meta.currency,
    quarter,
    basis: h.basis,
    ...figures,
    wonCents,
    quotaCents,
    gapCents: quotaCents === null || figures.cents === null ? null : quotaCents - figures.cents,
  };
}

export function headlineProjectionHandlers(state: EngineState): HeadlineProjectionHandlers {
  return {
    async headlineProjection(input) {
      return headlineProjectionView(requireDataset(state), input);
    },
  };
}
