// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RULES_PARAM } from '../../src/state/rule-link';
import { THRESHOLD_PARAMS } from '../../src/state/thresholds';
import { currentSearch, flushSearch, goToView, GLOBAL_PARAMS, LIVE_WRITE_MS, searchForOtherView, updateSearch, useSearch, useSearchSlice, useView } from '../../src/state/url';

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

  it('shows every value at once and writes the history at most every LIVE_WRITE_MS, the last value included', () => {
    vi.advanceTimersByTime(LIVE_WRITE_MS);
    const search = renderHook(() => useSearch());
    for (let v = 1; v <= 30; v++) {
      act(() => updateSearch((p) => p.set('mqlFit', String(v)), 'live'));
      expect(search.result.current.get('mqlFit')).toBe(String(v));
      expect(currentSearch()).toContain(`mqlFit=${v}`);
      vi.advanceTimersByTime(16);
    }
    // 30 moves over 480 ms: the first at once, then one write per LIVE_WRITE_MS.
    expect(writes).toBeLessThanOrEqual(Math.ceil((30 * 16) / LIVE_WRITE_MS) + 1);
    vi.advanceTimersByTime(LIVE_WRITE_MS);
    expect(window.location.search).toBe('?high=70&mqlFit=30');
  });

  it('writes the pending value at once on flush (release)', () => {
    vi.advanceTimersByTime(LIVE_WRITE_MS);
    updateSearch((p) => p.set('mqlFit', '1'), 'live');
    updateSearch((p) => p.set('mqlFit', '2'), 'live');
    expect(window.location.search).toBe('?high=70&mqlFit=1');
    flushSearch();
    expect(window.location.search).toBe('?high=70&mqlFit=2');
  });

  it('lets a discrete change push after the pending live value took the current entry', () => {
    vi.advanceTimersByTime(LIVE_WRITE_MS);
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

describe('a slider drag holds the URL until release', () => {
  it('writes no history during the drag and the last value on release', async () => {
    const { sliderPressed } = await import('../../src/state/slider-drag');
    window.history.replaceState(null, '', '/rules?high=70');
    const spy = vi.spyOn(window.history, 'replaceState');
    sliderPressed();
    for (let v = 1; v <= 20; v++) updateSearch((p) => p.set('mqlFit', String(v)), 'live');
    expect(currentSearch()).toBe('?high=70&mqlFit=20');
    expect(spy).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointerup'));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?high=70&mqlFit=20');
    spy.mockRestore();
  });
});

describe("what a link carries to another view", () => {
  it('keeps the filters and the rules in use, and leaves the last view its own parameters', () => {
    expect(searchForOtherView('?list=fastTrack&source=webinar&rules=1.a.b&mqlFit=50&by=owner')).toBe('?source=webinar&rules=1.a.b&mqlFit=50');
    expect(searchForOtherView('?list=fastTrack')).toBe('');
  });

  it('names every filter and threshold parameter as global', () => {
    for (const p of [...Object.values(THRESHOLD_PARAMS), 'mqlMode', 'from', 'to', 'source', 'segment', 'owner', RULES_PARAM]) expect(GLOBAL_PARAMS).toContain(p);
  });

  it('drops them when moving to another view, and keeps them on the same view', () => {
    flushSearch();
    window.history.replaceState(null, '', '/hygiene?list=fastTrack&owner=ana');
    act(() => goToView('forecast'));
    expect(window.location.pathname + window.location.search).toBe('/forecast?owner=ana');
  });
});
