/**
 * The URL holds everything a shared link must reproduce: the view (path) and the search params
 * (filters, and whatever else a view adds). Components read it through hooks and change it through
 * pure updaters; nothing else stores a copy.
 */
import { useSyncExternalStore } from 'react';
import { RULE_URL_PARAMS } from './rule-set-url';
import { STAGE_CATEGORY_PREFIX } from './stage-categories';
import { isViewId, type ViewId } from './views';

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

/**
 * A URL the app already shows but has not yet written to the history: a continuous input (a dragged
 * slider, a held arrow key) changes the search params on every move, but the history takes one entry
 * per settled value: written by `flushSearch` when the slider is released, or, when no pointer holds
 * it (keys, a typed number), once no change came for `SETTLE_MS`. Writing the history costs the main
 * thread milliseconds: on every move it would slow the drag.
 */
let pendingUrl: string | null = null;
/** The location the pending update was made over; if the location changes otherwise, it is dropped. */
let pendingOver = '';
let pendingTimer: ReturnType<typeof setTimeout> | null = null;
/** A pointer holds the input: its value settles when it is released (`flushSearch`), not by time. */
let held = false;

/** How long (ms) a live value must stay unchanged before it is written to the history. */
export const SETTLE_MS = 250;

/** A pointer pressed a continuous input: its live values wait for `flushSearch` on release. */
export function holdSearch(): void {
  held = true;
  if (pendingTimer !== null) clearTimeout(pendingTimer);
  pendingTimer = null;
}

function dropPending(): void {
  pendingUrl = null;
  if (pendingTimer !== null) clearTimeout(pendingTimer);
  pendingTimer = null;
}

/** Writes a pending live update to the history now (replacing the current entry); no-op when none. */
export function flushSearch(): void {
  held = false;
  const url = pendingUrl;
  dropPending();
  if (url === null || url === window.location.pathname + window.location.search) return;
  window.history.replaceState(null, '', url);
}

// Leaving or reloading the page writes a live update still waiting for its history entry.
if (typeof window !== 'undefined') window.addEventListener('pagehide', flushSearch);

function subscribe(listener: () => void): () => void {
  const onPop = () => {
    dropPending();
    listener();
  };
  listeners.add(listener);
  window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', onPop);
  };
}

const base = (): string => import.meta.env.BASE_URL ?? '/';

/** The view named by a pathname under the app's base; Overview when none matches. */
export function viewFromPath(pathname: string, basePath = base()): ViewId {
  const rest = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  const first = rest.split('/').filter(Boolean)[0] ?? '';
  return isViewId(first) ? first : 'overview';
}

/** The URL the app shows: the pending live update, else the location. */
function snapshot(): string {
  const location = window.location.pathname + window.location.search;
  if (pendingUrl !== null && location !== pendingOver) dropPending();
  return pendingUrl ?? location;
}

function searchOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q);
}

/** The current search string, with a live update that is not in the history yet ("" or "?a=1…"). */
export function currentSearch(): string {
  return searchOf(snapshot());
}

export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

/** The view; re-renders only when the view changes, not on every search change. */
export function useView(): ViewId {
  return useSyncExternalStore(
    subscribe,
    () => viewFromPath(window.location.pathname),
    () => 'overview',
  );
}

/** The current search params (a fresh copy; change them with `updateSearch`). */
export function useSearch(): URLSearchParams {
  return new URLSearchParams(searchOf(useLocationKey()));
}

/** `keys`' entries of `search`, in order, as one string (equal strings: equal values). */
function sliceOf(search: string, keys: readonly string[]): string {
  const all = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const k of keys) for (const v of all.getAll(k)) out.append(k, v);
  return out.toString();
}

/**
 * The search params named by `keys` only: the component re-renders when one of them changes, not
 * when another parameter does (a slider elsewhere moving). `keys` must be a stable array.
 */
export function useSearchSlice(keys: readonly string[]): URLSearchParams {
  const slice = useSyncExternalStore(
    subscribe,
    () => sliceOf(searchOf(snapshot()), keys),
    () => '',
  );
  return new URLSearchParams(slice);
}

export type SearchUpdater = (params: URLSearchParams) => void;

/**
 * Applies an updater to the search params. Discrete choices `push` a history entry so Back undoes
 * them; `replace` changes the current entry. `live` (continuous inputs: a slider being dragged) also
 * replaces the current entry, and the app sees the new params at once, but the history is written
 * once the value settles (`SETTLE_MS` without a move, or `flushSearch`).
 */
export function updateSearch(update: SearchUpdater, mode: 'push' | 'replace' | 'live' = 'push'): void {
  const current = snapshot();
  const params = new URLSearchParams(searchOf(current));
  update(params);
  params.sort();
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : '');
  if (url === current) return;
  if (mode === 'live') {
    pendingOver = window.location.pathname + window.location.search;
    pendingUrl = url;
    if (pendingTimer !== null) clearTimeout(pendingTimer);
    pendingTimer = held ? null : setTimeout(flushSearch, SETTLE_MS);
  } else {
    // A pending live update first takes the current entry, so Back returns to it.
    flushSearch();
    window.history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }
  notify();
}

/**
 * The parameters that hold across views: the global filters, the rules in use (the rule set and the
 * thresholds), the headline projection's method (`fcm`: the Overview projects with it too) and the
 * demo size; and, by prefix, the stage → forecast category map (`cat.<stage>`: the Overview's
 * projection reads it, and the Rules view saves it with a rule set). Every other parameter belongs
 * to one view and is left behind when moving to another, so a link never carries a view's stale
 * choices (`list=fastTrack` on /forecast).
 */
export const GLOBAL_PARAMS: readonly string[] = [
  'from',
  'to',
  'source',
  'segment',
  'owner',
  ...RULE_URL_PARAMS,
  'fcm',
  'demoLeads',
];
export const GLOBAL_PREFIXES: readonly string[] = [STAGE_CATEGORY_PREFIX];

const isGlobal = (key: string): boolean =>
  GLOBAL_PARAMS.includes(key) || GLOBAL_PREFIXES.some((p) => key.startsWith(p));

/** The search string ("" or "?…") to carry to another view: the global parameters only. */
export function searchForOtherView(search: string): string {
  const all = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const [k, v] of all) if (isGlobal(k)) out.append(k, v);
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** Moves to a view, keeping the global parameters (filters, rules) and leaving the last view's own. */
export function goToView(view: ViewId): void {
  flushSearch();
  const search =
    viewFromPath(window.location.pathname) === view
      ? window.location.search
      : searchForOtherView(window.location.search);
  const url = `${base()}${view}${search}`;
  if (url === snapshot()) return;
  window.history.pushState(null, '', url);
  notify();
}
