/**
 * Query options for the loaded dataset, shared by the shell and every view. Keys carry every input;
 * the dataset's version is part of every engine key so a new load refetches all figures.
 */
import { queryOptions } from '@tanstack/react-query';
import { engine } from '../worker/client';

export const datasetKeys = {
  all: ['dataset'] as const,
  summary: () => [...datasetKeys.all, 'summary'] as const,
};

/** The loaded dataset's summary; on first use the demo company is generated and loaded. */
export const datasetSummaryQuery = () =>
  queryOptions({
    queryKey: datasetKeys.summary(),
    queryFn: async () => (await engine().summary()) ?? (await engine().loadDemo()),
  });

/**
 * The key of an engine query: the dataset version, the query's name, then every input the result
 * depends on (filters, rules, as-of, mode…). A key that misses an input shows stale figures.
 */
export const engineKey = <I>(version: number, name: string, input: I) => ['engine', version, name, input] as const;
