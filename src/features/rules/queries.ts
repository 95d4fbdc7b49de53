/**
 * Engine queries of the Qualification rules view. Keys carry the dataset version and every input.
 * They go to the engine through one single-flight scheduler (../../lib/single-flight.ts): at most one
 * of them is computing at a time, and while it computes each query family keeps only its newest
 * request waiting, so a dragged slider never queues stale values in the worker and its last value is
 * always computed in full. A superseded query settles as cancelled and `keepPreviousData` keeps the
 * figures on screen meanwhile.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import type { RuleSet } from '../../engine/scoring/rules';
import type { SuggestOutcome } from '../../engine/scoring/suggest';
import { engineKey } from '../../lib/dataset-queries';
import { createSingleFlight } from '../../lib/single-flight';
import { engine } from '../../worker/client';

/** The scheduler of the view's recomputes; lanes are the query families. */
export const rulesRecomputes = createSingleFlight();

export const whatIfQuery = (version: number, filters: Filters, draft: RuleSet, applied: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.whatIf', { filters, draft, applied }),
    queryFn: ({ signal }) => rulesRecomputes.run('whatIf', () => engine().whatIf({ filters, draft, applied }), signal),
    placeholderData: keepPreviousData,
  });

export const statusChangesQuery = (version: number, filters: Filters, rules: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.statusChanges', { filters, rules }),
    queryFn: ({ signal }) => rulesRecomputes.run('statusChanges', () => engine().statusChanges({ filters, rules, limit: 200 }), signal),
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
    queryFn: ({ signal }) => rulesRecomputes.run('suggest', () => engine().suggestWeights(req), signal),
  });

export const explainQuery = (version: number, rules: RuleSet, leadId: string) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.explain', { rules, leadId }),
    queryFn: ({ signal }) => rulesRecomputes.run('explain', () => engine().explainLead({ rules, leadId }), signal),
    placeholderData: keepPreviousData,
  });
