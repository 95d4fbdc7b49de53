/**
 * The forecast choices that hold across views (see GLOBAL_PARAMS in ./url.ts): the headline
 * projection's method, `fcm` (absent: the most accurate one), and the stage → forecast category
 * edits, `cat.<stage>` (./stage-categories.ts). The Forecast view changes them; the Overview's
 * projection reads them too.
 */
import { ACCURACY_METHODS } from '../engine/forecast/accuracy-point';
import type { MethodChoice } from '../engine/forecast/headline-method';
import type { ForecastCategory } from '../engine/model/stages';
import { readStageCategories } from './stage-categories';
import { updateSearch, useSearch, useSearchSlice } from './url';

export type { MethodChoice } from '../engine/forecast/headline-method';

export const METHOD_PARAM = 'fcm';
const METHOD_KEYS: readonly string[] = [METHOD_PARAM];

export function parseMethodChoice(params: URLSearchParams): MethodChoice {
  const m = params.get(METHOD_PARAM);
  return ACCURACY_METHODS.find((x) => x === m) ?? 'best';
}

export function useMethodChoice(): MethodChoice {
  return parseMethodChoice(useSearchSlice(METHOD_KEYS));
}

export function useStageCategoryEdits(): Record<string, ForecastCategory> {
  return readStageCategories(useSearch());
}

export const forecastChoiceActions = {
  projectionMethodChosen(choice: MethodChoice): void {
    updateSearch((p) => (choice === 'best' ? p.delete(METHOD_PARAM) : p.set(METHOD_PARAM, choice)));
  },
};
