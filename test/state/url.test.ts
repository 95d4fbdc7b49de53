// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RULES_PARAM } from '../../src/state/rule-link';
import { RULE_URL_PARAMS } from '../../src/state/rule-set-url';
import {
  currentSearch,
  flushSearch,
  goToView,
  holdSearch,
  GLOBAL_PARAMS,
  SETTLE_MS,
  searchForOtherView,
  updateSearch,
  useSearch,
  useSearchSlice,
  useView,
} from '../../src/state/url';

describe('live search updates (a dragged slider)', () => {
  let writes = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    flushSearch();
    window.history.replaceState(null, '', '/rules?high=70');
    writes = 0;
    const original = window.history.replaceState.bind(window.history);
    vi.spyOn(window.history, 'replaceState').mockImplementation((...args) => {
      writes++;
      original(...args);
    });
  });
  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows every value at once and writes the history once, when the value has settled', () => {
    const search = renderHook(() => useSearch());
    const length = window.history.length;
    for (let v = 1; v <= 30; v++) {
      act(() => updateSearch((p) => p.set('mqlFit', String(v)), 'live'));
      expect(search.result.current.get('mqlFit')).toBe(String(v));
      expect(currentSearch()).toContain(`mqlFit=${v}`);
      vi.advanceTimersByTime(16);
    }
    // 30 moves over 480 ms, each within SETTLE_MS of the last: nothing written yet.
    expect(writes).toBe(0);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(writes).toBe(1);
    expect(window.location.search).toBe('?high=70&mqlFit=30');
    expect(window.history.length).toBe(length);
  });

  it('writes the pending value at once on flush (a released slider)', () => {
    updateSearch((p) => p.set('mqlFit', '1'), 'live');
    updateSearch((p) => p.set('mqlFit', '2'), 'live');
    expect(window.location.search).toBe('?high=70');
    flushSearch();
    expect(writes).toBe(1);
    expect(window.location.search).toBe('?high=70&mqlFit=2');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(writes).toBe(1);
  });

  it('while a pointer holds the input, writes nothing however long a value stays, and the last value on release', () => {
    holdSearch();
    for (let v = 1; v <= 5; v++) {
      updateSearch((p) => p.set('mqlFit', String(v)), 'live');
      vi.advanceTimersByTime(SETTLE_MS * 2);
    }
    expect(writes).toBe(0);
    flushSearch();
    expect(writes).toBe(1);
    expect(window.location.search).toBe('?high=70&mqlFit=5');
  });

  it('writes one entry per settled value of keys or typing', () => {
    for (const v of [1, 2, 3]) {
      updateSearch((p) => p.set('mqlFit', String(v)), 'live');
      vi.advanceTimersByTime(SETTLE_MS + 1);
    }
    expect(writes).toBe(3);
    expect(window.location.search).toBe('?high=70&mqlFit=3');
  });

  it('lets a discrete change push after the pending live value took the current entry', () => {
    const length = window.history.length;
    updateSearch((p) => p.set('mqlFit', '1'), 'live');
    updateSearch((p) => p.set('mqlFit', '2'), 'live');
    updateSearch((p) => p.set('mqlMode', 'single'));
    expect(window.location.search).toBe('?high=70&mqlFit=2&mqlMode=single');
    expect(window.history.length).toBe(length + 1);
    updateSearch((p) => p.set('tier1', '90'), 'live');
    act(() => goToView('intent'));
    expect(window.location.pathname).toBe('/intent');
    expect(window.location.search).toContain('tier1=90');
  });

  it('re-renders a slice reader only when its parameters change, and the view reader only on a new view', () => {
    window.history.replaceState(null, '', '/rules?source=web');
    let sliceRenders = 0;
    let viewRenders = 0;
    const slice = renderHook(() => {
      sliceRenders++;
      return useSearchSlice(['source']).toString();
    });
    renderHook(() => {
      viewRenders++;
      return useView();
    });
    act(() => updateSearch((p) => p.set('mqlFit', '5'), 'live'));
    act(() => updateSearch((p) => p.set('mqlFit', '6'), 'live'));
    expect(sliceRenders).toBe(1);
    expect(viewRenders).toBe(1);
    act(() => updateSearch((p) => p.append('source', 'event')));
    expect(slice.result.current).toBe('source=web&source=event');
    expect(sliceRenders).toBe(2);
    expect(viewRenders).toBe(1);
  });
});

describe('what a link carries to another view', () => {
  it('keeps the filters and the rules in use, and leaves the last view its own parameters', () => {
    expect(searchForOtherView('?list=fastTrack&source=webinar&rules=1.a.b&mqlFit=50&by=owner')).toBe(
      '?source=webinar&rules=1.a.b&mqlFit=50',
    );
    expect(searchForOtherView('?list=fastTrack')).toBe('');
  });

  it('keeps the stage → forecast category map and the projection method, which the Overview and saved rule sets read', () => {
    expect(searchForOtherView('?cat.proposal=commit&deals=%7B%7D&fcm=commit&lookback=8&category=x')).toBe(
      '?cat.proposal=commit&fcm=commit',
    );
  });

  it('names every filter and threshold parameter as global', () => {
    for (const p of [
      ...RULE_URL_PARAMS,
      'mqlFit',
      'mqlMinFit',
      'from',
      'to',
      'source',
      'segment',
      'owner',
      RULES_PARAM,
    ])
      expect(GLOBAL_PARAMS).toContain(p);
  });

  it('drops them when moving to another view, and keeps them on the same view', () => {
    flushSearch();
    window.history.replaceState(null, '', '/hygiene?list=fastTrack&owner=ana');
    act(() => goToView('forecast'));
    expect(window.location.pathname + window.location.search).toBe('/forecast?owner=ana');
  });
});
