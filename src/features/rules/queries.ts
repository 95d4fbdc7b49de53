/**
 * Engine queries of the Qualification rules view. Keys carry the dataset version and every input.
 *
 * A dragged slider asks for a new key on every move; the newest value wins. React Query cancels the
 * query a move leaves behind (its `signal` aborts) and the scheduler (./engine-turns.ts) never sends
 * it; `placeholderData` keeps figures on screen while the current one computes. A request cancelled
 * while it computed still has a true result: it is kept in the cache under its own key
 * (`keptIfCancelled`), and a waiting query shows the newest result of its family, so the figures
 * follow a long drag, marked as updating.
 */
import {
  keepPreviousData,
  queryOptions,
  type QueryClient,
  type QueryFunctionContext,
  type QueryKey,
} from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import type { PredictiveModel } from '../../engine/scoring/predictive';
import type { RuleSet } from '../../engine/scoring/rules';
import type { SuggestOutcome } from '../../engine/scoring/suggest';
import { engineKey } from '../../lib/dataset-queries';
import type { KeyedRules, StatusChangesViewModel, WhatIfViewModel } from '../../worker/api';
import { engine } from '../../worker/client';
import { inTurn } from './engine-turns';

/**
 * Least time (ms) between two requests of a family while values keep changing: the what-if (table
 * and chart) follows about four values a second during a drag, the lead list about three; each new
 * result costs the main thread a render.
 */
const PACE_MS = { whatIf: 250, statusChanges: 300 } as const;

/** A paced engine request whose result, if its query was cancelled while it computed, stays in the cache under its key. */
function keptIfCancelled<T>(
  family: keyof typeof PACE_MS,
  { signal, client, queryKey }: QueryFunctionContext,
  task: () => Promise<T>,
): Promise<T> {
  return inTurn(
    family,
    PACE_MS[family],
    async () => {
      const result = await task();
      if (signal.aborted) client.setQueryData(queryKey, result);
      return result;
    },
    signal,
  );
}

/** While a query computes: the newest result of its family (`name`) for dataset `version`, else the previous data. */
function newestOfFamily<T>(client: QueryClient, version: number, name: string, previous: T | undefined): T | undefined {
  let newest: { at: number; data: T } | null = null;
  for (const q of client.getQueryCache().getAll()) {
    const key: QueryKey = q.queryKey;
    if (key[0] !== 'engine' || key[1] !== version || key[2] !== name || q.state.data === undefined) continue;
    if (!newest || q.state.dataUpdatedAt > newest.at) newest = { at: q.state.dataUpdatedAt, data: q.state.data as T };
  }
  return newest?.data ?? previous;
}

/** The what-if of the draft against the applied rules; each rule set comes with its key (`KeyedRules`), which the query key need not hold. */
export function whatIfQuery(
  client: QueryClient,
  version: number,
  filters: Filters,
  draft: KeyedRules,
  applied: KeyedRules,
) {
  const queryKey = engineKey(version, 'scoring.whatIf', { filters, draft: draft.rules, applied: applied.rules });
  return queryOptions<WhatIfViewModel, Error, WhatIfViewModel, typeof queryKey>({
    queryKey,
    queryFn: (ctx) =>
      keptIfCancelled('whatIf', ctx, () =>
        engine().whatIf({
          filters,
          draft: draft.rules,
          applied: applied.rules,
          draftKey: draft.key,
          appliedKey: applied.key,
        }),
      ),
    placeholderData: (previous) => newestOfFamily(client, version, 'scoring.whatIf', previous),
  });
}

export function statusChangesQuery(
  client: QueryClient,
  version: number,
  filters: Filters,
  rules: KeyedRules,
  model: PredictiveModel | null = null,
) {
  const queryKey = engineKey(version, 'scoring.statusChanges', { filters, rules: rules.rules, model });
  return queryOptions<StatusChangesViewModel, Error, StatusChangesViewModel, typeof queryKey>({
    queryKey,
    queryFn: (ctx) =>
      keptIfCancelled('statusChanges', ctx, () =>
        engine().statusChanges({ filters, rules: rules.rules, rulesKey: rules.key, limit: 200, model }),
      ),
    placeholderData: (previous) => newestOfFamily(client, version, 'scoring.statusChanges', previous),
  });
}

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
    queryFn: ({ signal }) => inTurn('suggest', 0, () => engine().suggestWeights(req), signal),
  });

export const explainQuery = (version: number, rules: RuleSet, leadId: string, model: PredictiveModel | null = null) =>
  queryOptions({
    queryKey: engineKey(version, 'scoring.explain', { rules, leadId, model }),
    queryFn: ({ signal }) => inTurn('explain', 0, () => engine().explainLead({ rules, leadId, model }), signal),
    placeholderData: keepPreviousData,
  });
