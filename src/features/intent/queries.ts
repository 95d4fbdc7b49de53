import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import type { RuleSet } from '../../engine/scoring/rules';
import { engineKey } from '../../lib/dataset-queries';
import { engine } from '../../worker/client';

/** Scores, tiers, matrix and accuracy of the rules in use. */
export const intentOverviewQuery = (version: number, filters: Filters, rules: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.intentOverview', { filters, rules }),
    queryFn: () => engine().intentOverview({ filters, rules }),
    placeholderData: keepPreviousData,
  });
