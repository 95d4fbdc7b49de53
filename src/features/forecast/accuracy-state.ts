/**
 * The forecast-accuracy card's state: the projection method, kept in the URL as `fcm` (absent: the
 * most accurate method; its codec is in state/forecast-choices.ts, as the Overview reads it too),
 * and the query for the back-test.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import { engineKey } from '../../lib/dataset-queries';
import {
  forecastChoiceActions,
  parseMethodChoice,
  useMethodChoice,
  type MethodChoice,
} from '../../state/forecast-choices';
import type { ForecastSettings } from '../../worker/api';
import type { CategoryId } from './deal-settings';
import { engine } from '../../worker/client';

export { parseMethodChoice, useMethodChoice, type MethodChoice };

export const accuracyActions = {
  projectionMethodChosen: forecastChoiceActions.projectionMethodChosen,
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
