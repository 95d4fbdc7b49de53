// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOUNDS } from '../../../src/engine/scoring/bounds';
import { SliderField } from '../../../src/features/rules/slider-field';
import { SETTLE_MS, flushSearch, updateSearch } from '../../../src/state/url';

describe('a slider kept in the URL', () => {
  let writes = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    flushSearch();
    window.history.replaceState(null, '', '/rules');
    writes = 0;
    const original = window.history.replaceState.bind(window.history);
    vi.spyOn(window.history, 'replaceState').mockImplementation((...args) => {
      writes++;
      original(...args);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function renderSlider() {
    const onChange = (v: number) => updateSearch((p) => p.set('mqlMinFit', String(v)), 'live');
    render(<SliderField label="MQL minimum fit" bound={BOUNDS.threshold} value={40} onChange={onChange} />);
    return screen.getByRole('slider', { name: 'MQL minimum fit' });
  }

  it('takes one history entry per drag, on release, however long the pointer pauses', () => {
    const slider = renderSlider();
    fireEvent.pointerDown(slider, { isPrimary: true, button: 0 });
    for (const v of [45, 50, 55]) {
      fireEvent.change(slider, { target: { value: String(v) } });
      vi.advanceTimersByTime(SETTLE_MS * 2);
    }
    expect(writes).toBe(0);
    fireEvent.pointerUp(window);
    expect(writes).toBe(1);
    expect(window.location.search).toBe('?mqlMinFit=55');
  });

  it('writes a value moved by keys once it settles', () => {
    const slider = renderSlider();
    fireEvent.change(slider, { target: { value: '41' } });
    fireEvent.change(slider, { target: { value: '42' } });
    expect(writes).toBe(0);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(writes).toBe(1);
    expect(window.location.search).toBe('?mqlMinFit=42');
  });
});
