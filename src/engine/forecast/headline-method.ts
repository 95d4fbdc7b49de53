/**
 * Which forecast method gives the headline projection of the current quarter's bookings (SPEC §6,
 * forecast accuracy): by default the one the back-test ranks most accurate (the lowest MAPE among
 * the methods measured in the most quarters, `forecastAccuracy`'s `best`); a method the user chose
 * instead; and, when the back-test ranks none (no deal history, no completed quarter with
 * bookings), the weighted pipeline, with the reason no method could be ranked.
 */
import type { AccuracyMethod, MethodForecast } from './accuracy-point';
import type { ForecastAccuracy } from './accuracy';

/** A method, or `best`: whichever the back-test ranks most accurate. */
export type MethodChoice = AccuracyMethod | 'best';

export type HeadlineMethod =
  | {
      /** `mostAccurate`: the back-test's best, as asked (`best`); `chosen`: the method the user chose. */
      readonly basis: 'mostAccurate' | 'chosen';
      readonly method: AccuracyMethod;
      /** The method's MAPE over the quarters it was measured in; null when it could not be measured. */
      readonly mape: number | null;
      readonly measuredQuarters: number;
      /** The back-test's most accurate method; null when it ranks none. */
      readonly best: AccuracyMethod | null;
      /** The method's forecast of the current quarter at the as-of (cents, or null with the reason). */
      readonly projection: MethodForecast;
    }
  | {
      /** The back-test ranks no method: the weighted pipeline projects, and `reason` says why. */
      readonly basis: 'notRanked';
      readonly method: 'weighted';
      readonly reason: string;
    };

/** The method of the headline projection, from the back-test and the user's choice. */
export function headlineMethod(a: ForecastAccuracy, choice: MethodChoice): HeadlineMethod {
  if (!a.measurable) return { basis: 'notRanked', method: 'weighted', reason: a.reason };
  const method = choice === 'best' ? a.best : choice;
  const m = a.methods.find((x) => x.method === method);
  if (!m) return { basis: 'notRanked', method: 'weighted', reason: a.bestReason ?? 'not measurable' };
  return {
    basis: choice === 'best' ? 'mostAccurate' : 'chosen',
    method: m.method,
    mape: m.mape,
    measuredQuarters: m.measuredQuarters,
    best: a.best,
    projection: m.projection,
  };
}
