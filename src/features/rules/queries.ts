/**
 * Engine queries of the Qualification rules view. Keys carry the dataset version and every input.
 * While a slider moves, only the latest value is computed: a superseded query is cancelled before it
 * reaches the engine, and `keepPreviousData` keeps the figures on screen meanwhile.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import type { RuleSet } from '../../engine/scoring/rules';
import type { SuggestOutcome } from '../../engine/scoring/suggest';
import { engineKey } from '../../lib/dataset-queries';
import { engine } from '../../worker/client';

/** Waits a tick, then gives up if the query was superseded meanwhile. */
async function latestOnly(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal.aborted) throw new DOMException('Superseded by a newer value', 'AbortError');
}

export const whatIfQuery = (version: number, filters: Filters, draft: RuleSet, applied: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.whatIf', { filters, draft, applied }),
    queryFn: async ({ signal }) => {
      await latestOnly(signal);
      return engine().whatIf({ filters, draft, applied });
    },
    placeholderData: keepPreviousData,
  });

export const statusChangesQuery = (version: number, filters: Filters, rules: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.statusChanges', { filters, rules }),
    queryFn: async ({ signal }) => {
      await latestOnly(signal);
      return engine().statusChanges({ filters, rules, limit: 200 });
    },
    placeholderData: keepPreviousData,
  });

export const catalogQuery = (version: number) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.catalog', {}),
    queryFn: () => engine().scoringCatalog(),
  });

export interface SuggestRequest {
  readonly filters: Filters;
  readonly rules: RuleSet;
  readonly outcome: SuggestOutcome;
  readonly exclude: readonly string[];
  readonly seed: number;
}

export const suggestQuery = (version: number, req: SuggestRequest) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.suggest', req),
    queryFn: () => engine().suggestWeights(req),
  });
