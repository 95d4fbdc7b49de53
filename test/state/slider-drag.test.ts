// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSliderDragging, sliderPressed, useThrottledWhileDragging } from '../../src/state/slider-drag';

describe('useThrottledWhileDragging', () => {
  afterEach(() => {
    window.dispatchEvent(new Event('pointerup'));
    vi.useRealTimers();
  });

  it('follows the value at once when no slider is dragged', () => {
    const { result, rerender } = renderHook(({ v }) => useThrottledWhileDragging(v, 300), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    expect(result.current).toBe(2);
  });

  it('changes at most every `ms` during a drag, and shows the newest value on release', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ v }) => useThrottledWhileDragging(v, 300), { initialProps: { v: 0 } });
    act(() => sliderPressed());
    expect(isSliderDragging()).toBe(true);
    const seen = new Set<number>();
    for (let v = 1; v <= 60; v++) {
      rerender({ v });
      act(() => vi.advanceTimersByTime(16));
      seen.add(result.current);
    }
    // 60 values over 960 ms: the first change, then about one every 300 ms.
    expect(seen.size).toBeLessThanOrEqual(5);
    expect(seen.size).toBeGreaterThanOrEqual(2);
    act(() => window.dispatchEvent(new Event('pointerup')));
    expect(isSliderDragging()).toBe(false);
    expect(result.current).toBe(60);
  });

  it('starts a drag only for the primary button, and a context menu ends one', () => {
    sliderPressed({ isPrimary: true, button: 2 });
    expect(isSliderDragging()).toBe(false);
    sliderPressed({ isPrimary: false, button: 0 });
    expect(isSliderDragging()).toBe(false);
    sliderPressed({ isPrimary: true, button: 0 });
    expect(isSliderDragging()).toBe(true);
    window.dispatchEvent(new Event('contextmenu'));
    expect(isSliderDragging()).toBe(false);
  });
});
