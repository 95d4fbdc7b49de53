import type { PredictiveModel } from '../../engine/scoring/predictive';
/**
 * Engine queries of the Qualification rules view. Keys carry the dataset version and every input.
 * They go to the engine through one single-flight scheduler (../../lib/single-flight.ts): at most one
 * of them is computing at a time, and while it computes each query family keeps only its newest
 * request waiting, so a dragged slider never queues stale values in the worker and its last value is
 * always computed in full. A superseded query settles as cancelled and `keepPreviousData` keeps the
 * figures on screen meanwhile; a result that arrives after its slider value was passed (the engine
 * finishes what it started) is still shown, marked as updating, through `useNewestResult`.
 */
import { keepPreviousData, queryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Filters } from '../../engine/filters/filters';
import type { RuleSet } from '../../engine/scoring/rules';
import type { SuggestOutcome } from '../../engine/scoring/suggest';
import type { StatusChangesViewModel, WhatIfViewModel } from '../../worker/api';
import { engineKey } from '../../lib/dataset-queries';
import { createSingleFlight } from '../../lib/single-flight';
import { engine } from '../../worker/client';

/** The scheduler of the view's recomputes; lanes are the query families. */
export const rulesRecomputes = createSingleFlight();

/** The newest result the engine returned for one query family, whatever value it was asked for. */
class NewestResult<T> {
  private entry: { readonly version: number; readonly value: T } | null = null;
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };
  readonly get = () => this.entry;
  set(version: number, value: T): T {
    this.entry = { version, value };
    for (const l of this.listeners) l();
    return value;
  }
}

const newestWhatIf = new NewestResult<WhatIfViewModel>();
const newestStatusChanges = new NewestResult<StatusChangesViewModel>();

/**
 * What to show for a query of a family: its own data once computed; until then the newest result of
 * the family for this dataset (a value the slider passed), else react-query's previous data.
 * `stale` says the figures are not yet those of the current inputs.
 */
function useNewestResult<T>(q: UseQueryResult<T>, newest: NewestResult<T>, version: number): { data: T | undefined; stale: boolean } {
  const entry = useSyncExternalStore(newest.subscribe, newest.get, newest.get);
  if (q.data !== undefined && !q.isPlaceholderData) return { data: q.data, stale: false };
  if (entry && entry.version === version) return { data: entry.value, stale: true };
  return { data: q.data, stale: q.data !== undefined };
}

export const useShownWhatIf = (q: UseQueryResult<WhatIfViewModel>, version: number) => useNewestResult(q, newestWhatIf, version);
export const useShownStatusChanges = (q: UseQueryResult<StatusChangesViewModel>, version: number) => useNewestResult(q, newestStatusChanges, version);

export const whatIfQuery = (version: number, filters: Filters, draft: RuleSet, applied: RuleSet) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.whatIf', { filters, draft, applied }),
    queryFn: ({ signal }) => rulesRecomputes.run('whatIf', async () => newestWhatIf.set(version, await engine().whatIf({ filters, draft, applied })), signal),
    placeholderData: keepPreviousData,
  });

export const statusChangesQuery = (version: number, filters: Filters, rules: RuleSet, model: PredictiveModel | null = null) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.statusChanges', { filters, rules, model }),
    queryFn: ({ signal }) => rulesRecomputes.run('statusChanges', async () => newestStatusChanges.set(version, await engine().statusChanges({ filters, rules, limit: 200, model })), signal),
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

export const explainQuery = (version: number, rules: RuleSet, leadId: string, model: PredictiveModel | null = null) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.explain', { rules, leadId, model }),
    queryFn: ({ signal }) => rulesRecomputes.run('explain', () => engine().explainLead({ rules, leadId, model }), signal),
    placeholderData: keepPreviousData,
  });
