/**
 * The forecast-accuracy card's state: the projection method, kept in the URL as `fcm` (absent: the
 * most accurate method), and the query for the back-test.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import { engineKey } from '../../lib/dataset-queries';
import { updateSearch, useSearchSlice } from '../../state/url';
import type { AccuracyMethod, ForecastSettings } from '../../worker/api';
import type { CategoryId } from './deal-settings';
import { engine } from '../../worker/client';

/** A method, or `best`: whichever has been the most accurate. */
export type MethodChoice = AccuracyMethod | 'best';

const METHODS: readonly AccuracyMethod[] = ['weighted', 'commit', 'bestCase', 'sqoLag', 'repProbability'];

export function parseMethodChoice(params: URLSearchParams): MethodChoice {
  const m = params.get('fcm');
  return METHODS.find((x) => x === m) ?? 'best';
}

export function useMethodChoice(): MethodChoice {
  return parseMethodChoice(useSearchSlice(['fcm']));
}

export const accuracyActions = {
  projectionMethodChosen(choice: MethodChoice): void {
    updateSearch((p) => (choice === 'best' ? p.delete('fcm') : p.set('fcm', choice)));
  },
};

/** `stageCategories`: the stage → category edits, which the Commit and Best case methods read. */
export const accuracyQuery = (
  version: number,
  filters: Filters,
  settings: ForecastSettings,
  stageCategories: Readonly<Record<string, CategoryId>> = {},
) =>
  queryOptions({
    queryKey: engineKey(version, 'forecastAccuracy', { filters, settings, stageCategories }),
    queryFn: () => engine().forecastAccuracy({ filters, settings, stageCategories }),
    placeholderData: keepPreviousData,
  });
