/**
 * The global filter bar's state, read from and written to the URL. Dates are ISO days (UTC);
 * `to` is inclusive in the UI and becomes an exclusive bound for the engine.
 */
import { SEGMENTS, type Segment } from '../engine/segments';
import type { Filters } from '../engine/filters/filters';
import { DAY_MS } from '../engine/time';
import { useMemo } from 'react';
import { updateSearch, useSearchSlice } from './url';

export interface FilterState {
  readonly from?: string;
  readonly to?: string;
  readonly sources: readonly string[];
  readonly segments: readonly Segment[];
  readonly owners: readonly string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Parses filters from search params; malformed values are ignored, never thrown. */
export function parseFilters(params: URLSearchParams): FilterState {
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  return {
    from: from && ISO_DAY.test(from) && Number.isFinite(Date.parse(from)) ? from : undefined,
    to: to && ISO_DAY.test(to) && Number.isFinite(Date.parse(to)) ? to : undefined,
    sources: list(params, 'source'),
    segments: list(params, 'segment').filter((s): s is Segment => (SEGMENTS as readonly string[]).includes(s)),
    owners: list(params, 'owner'),
  };
}

/** Writes filters into search params; empty filters leave no trace in the URL. */
export function writeFilters(params: URLSearchParams, f: FilterState): void {
  for (const key of ['from', 'to', 'source', 'segment', 'owner']) params.delete(key);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  for (const s of f.sources) params.append('source', s);
  for (const s of f.segments) params.append('segment', s);
  for (const s of f.owners) params.append('owner', s);
}

/** The engine's form of the filters. */
export function toEngineFilters(f: FilterState): Filters {
  return {
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY_MS : undefined,
    sources: f.sources,
    segments: f.segments,
    owners: f.owners,
  };
}

const FILTER_KEYS: readonly string[] = ['from', 'to', 'source', 'segment', 'owner'];

/** The filters; the same object until a filter parameter changes. */
export function useFilters(): FilterState {
  const slice = useSearchSlice(FILTER_KEYS).toString();
  return useMemo(() => parseFilters(new URLSearchParams(slice)), [slice]);
}

/** The engine's form of the filters; the same object until a filter parameter changes. */
export function useEngineFilters(): Filters {
  const f = useFilters();
  return useMemo(() => toEngineFilters(f), [f]);
}

export const filterActions = {
  filtersChanged(patch: Partial<FilterState>): void {
    updateSearch((p) => writeFilters(p, { ...parseFilters(p), ...patch }));
  },
  filtersCleared(): void {
    updateSearch((p) => writeFilters(p, { sources: [], segments: [], owners: [] }));
  },
};
