import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ScenarioInput } from '../../engine/forecast/scenario';
import type { Filters } from '../../engine/filters/filters';
import { engineKey } from '../../lib/dataset-queries';
import type { ForecastSettings } from '../../worker/api';
import { engine } from '../../worker/client';

export const forecastQuery = (version: number, filters: Filters, settings: ForecastSettings) =>
  queryOptions({
    queryKey: engineKey(version, 'forecast', { filters, settings }),
    queryFn: () => engine().forecast({ filters, settings }),
    placeholderData: keepPreviousData,
  });

export const waterfallQuery = (version: number, filters: Filters, quarter: string | undefined) =>
  queryOptions({
    queryKey: engineKey(version, 'waterfall', { filters, quarter }),
    queryFn: () => engine().waterfall({ filters, quarter }),
    placeholderData: keepPreviousData,
  });

/** The planner does not read the dataset; version 0 keeps its results across loads. */
export const scenarioQuery = (input: ScenarioInput) =>
  queryOptions({
    queryKey: engineKey(0, 'scenario', input),
    queryFn: () => engine().scenario(input),
    placeholderData: keepPreviousData,
  });
