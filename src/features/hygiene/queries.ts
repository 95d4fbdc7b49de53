import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import type { HygieneRules } from '../../engine/hygiene/rules';
import { engineKey } from '../../lib/dataset-queries';
import { engine } from '../../worker/client';

export const hygieneQuery = (version: number, filters: Filters, rules: HygieneRules) =>
  queryOptions({
    queryKey: engineKey(version, 'hygiene', { filters, rules }),
    queryFn: () => engine().hygiene({ filters, rules }),
    placeholderData: keepPreviousData,
  });
