import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ScenarioInput } from '../../engine/forecast/scenario';
import type { Filters } from '../../engine/filters/filters';
import { engineKey } from '../../lib/dataset-queries';
import type { DealForecastInput, DealListInput, ForecastSettings } from '../../worker/api';
import { engine } from '../../worker/client';

export const forecastQuery = (version: number, filters: Filters, settings: ForecastSettings) =>
  queryOptions({
    queryKey: engineKey(version, 'forecast', { filters, settings }),
    queryFn: () => engine().forecast({ filters, settings }),
    placeholderData: keepPreviousData,
  });

/** The planner does not read the dataset; version 0 keeps its results across loads. */
export const scenarioQuery = (input: ScenarioInput) =>
  queryOptions({
    queryKey: engineKey(0, 'scenario', input),
    queryFn: () => engine().scenario(input),
    placeholderData: keepPreviousData,
  });

export const dealForecastQuery = (version: number, input: DealForecastInput) =>
  queryOptions({
    queryKey: engineKey(version, 'dealForecast', input),
    queryFn: () => engine().dealForecast(input),
    placeholderData: keepPreviousData,
  });

export const dealListQuery = (version: number, input: DealListInput) =>
  queryOptions({
    queryKey: engineKey(version, 'dealList', input),
    queryFn: () => engine().dealList(input),
  });
