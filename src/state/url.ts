/**
 * The URL holds everything a shared link must reproduce: the view (path) and the search params
 * (filters, and whatever else a view adds). Components read it through hooks and change it through
 * pure updaters; nothing else stores a copy.
 */
import { useSyncExternalStore } from 'react';
import { isViewId, type ViewId } from './views';

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const base = (): string => import.meta.env.BASE_URL ?? '/';

/** The view named by a pathname under the app's base; Overview when none matches. */
export function viewFromPath(pathname: string, basePath = base()): ViewId {
  const rest = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  const first = rest.split('/').filter(Boolean)[0] ?? '';
  return isViewId(first) ? first : 'overview';
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

export function useView(): ViewId {
  useLocationKey();
  return viewFromPath(window.location.pathname);
}

/** The current search params (a fresh copy; change them with `updateSearch`). */
export function useSearch(): URLSearchParams {
  const key = useLocationKey();
  const q = key.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : key.slice(q));
}

export type SearchUpdater = (params: URLSearchParams) => void;

/**
 * Applies an updater to the search params. `replace` (the default for continuous inputs such as
 * sliders) does not add a history entry; discrete choices push one so Back undoes them.
 */
export function updateSearch(update: SearchUpdater, mode: 'push' | 'replace' = 'push'): void {
  const params = new URLSearchParams(window.location.search);
  update(params);
  params.sort();
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : '');
  if (url === snapshot()) return;
  window.history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  notify();
}

/** Moves to a view, keeping the search params (filters apply across views). */
export function goToView(view: ViewId): void {
  const url = `${base()}${view}${window.location.search}`;
  if (url === snapshot()) return;
  window.history.pushState(null, '', url);
  notify();
}
