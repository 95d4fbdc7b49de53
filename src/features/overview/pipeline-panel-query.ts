import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import { engineKey } from '../../lib/dataset-queries';
import { engine } from '../../worker/client';

export const pipelinePanelQuery = (version: number, filters: Filters) =>
  queryOptions({
    queryKey: engineKey(version, 'pipelinePanel', { filters }),
    queryFn: () => engine().pipelinePanel({ filters }),
    placeholderData: keepPreviousData,
  });
