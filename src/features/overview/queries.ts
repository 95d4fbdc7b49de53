/** Engine queries of the Overview; every input is in the key, next to the dataset version. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery, engineKey } from '../../lib/dataset-queries';
import type { Filters } from '../../engine/filters/filters';
import { toEngineFilters, useFilters } from '../../state/filters';
import { engine } from '../../worker/client';

export function overviewQuery(version: number, filters: Filters) {
  const input = { filters, mode: 'inclusive' as const };
  return queryOptions({
    queryKey: engineKey(version, 'overview', input),
    queryFn: () => engine().overview(input),
    placeholderData: keepPreviousData,
  });
}

/** The Overview's funnel figures for the loaded dataset and the global filters. */
export function useOverview() {
  const filters = toEngineFilters(useFilters());
  const version = useQuery(datasetSummaryQuery()).data?.version;
  return useQuery({ ...overviewQuery(version ?? 0, filters), enabled: version !== undefined });
}
