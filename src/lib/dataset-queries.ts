/**
 * Query options for the loaded dataset, shared by the shell and every view. Keys carry every input;
 * the dataset's version is part of every engine key so a new load refetches all figures.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { proxy } from 'comlink';
import { datasetLoadActions } from '../state/dataset-load';
import type { DatasetSummary, HeadlineProjectionInput, LoadProgress } from '../worker/api';
import { engine } from '../worker/client';

export const datasetKeys = {
  all: ['dataset'] as const,
  summary: () => [...datasetKeys.all, 'summary'] as const,
};

/** The largest demo company a `?demoLeads=` link may ask for (leads). */
export const MAX_URL_DEMO_LEADS = 2_000_000;

/**
 * The demo size asked for by a `?demoLeads=N` URL parameter (used by the browser benchmark to load
 * a large company without a UI control): a whole number of leads clamped to 1–2,000,000, or
 * `undefined` when the parameter is absent or not a positive number (then the default size loads).
 */
export function demoLeadsFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('demoLeads');
  if (raw === null || raw.trim() === '') return undefined;
  const n = Math.floor(Number(raw));
  if (!Number.isFinite(n) || n < 1) return undefined;
  return Math.min(n, MAX_URL_DEMO_LEADS);
}

/**
 * The loaded dataset's summary; on first use the demo company is generated and loaded — at the size
 * a `?demoLeads=` parameter asks for, read once here at startup, else the default size.
 */
export const datasetSummaryQuery = () =>
  queryOptions({
    queryKey: datasetKeys.summary(),
    queryFn: async () => {
      const existing = await engine().summary();
      if (existing) return existing;
      const leads = typeof window === 'undefined' ? undefined : demoLeadsFromSearch(window.location.search);
      try {
        return await loadDemoWithProgress(leads === undefined ? {} : { leads });
      } catch (e) {
        // Cancelled before any dataset was loaded: nothing is loaded, and the views say so.
        if (isCancelled(e)) return null;
        throw e;
      }
    },
  });

/** The default demo size, as the worker uses it when none is asked for. */
const DEFAULT_DEMO_LEADS = 30_000;

/** Whether an error is a load the user cancelled. */
export function isCancelled(e: unknown): boolean {
  return e instanceof Error && /cancelled/i.test(e.message);
}

/**
 * Generates and loads the demo company in the worker, publishing its progress for the shell's
 * progress bar and header until it ends (loaded, failed or cancelled).
 */
export async function loadDemoWithProgress(opts: { seed?: number; leads?: number }): Promise<DatasetSummary> {
  const leads = opts.leads ?? DEFAULT_DEMO_LEADS;
  datasetLoadActions.started(`the demo company, ${leads.toLocaleString('en-US')} leads`);
  const onProgress = (p: LoadProgress) => {
    if (p.phase === 'generating') datasetLoadActions.generated(p.leadsDone, p.leadsTotal);
    else datasetLoadActions.building();
  };
  try {
    return await engine().loadDemo(opts, proxy(onProgress));
  } finally {
    datasetLoadActions.finished();
  }
}

/**
 * The key of an engine query: the dataset version, the query's name, then every input the result
 * depends on (filters, rules, as-of, mode…). A key that misses an input shows stale figures.
 */
export const engineKey = <I>(version: number, name: string, input: I) => ['engine', version, name, input] as const;

/**
 * The headline projection of the current quarter, which the Forecast headline and the Overview both
 * show (with the same method choice and stage → category map), so both views share one query.
 */
export const headlineProjectionQuery = (version: number, input: HeadlineProjectionInput) =>
  queryOptions({
    queryKey: engineKey(version, 'headlineProjection', input),
    queryFn: () => engine().headlineProjection(input),
    placeholderData: keepPreviousData,
  });
