import { describe, expect, it } from 'vitest';
import { parseFilters, toEngineFilters, writeFilters } from '../../src/state/filters';
import { viewFromPath } from '../../src/state/url';

describe('filters in the URL', () => {
  it('round-trip through search params', () => {
    const params = new URLSearchParams('view=x');
    writeFilters(params, {
      from: '2026-01-01',
      to: '2026-03-31',
      sources: ['webinar', 'paid search'],
      segments: ['SMB'],
      owners: [],
    });
    const back = parseFilters(new URLSearchParams(params.toString()));
    expect(back).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      sources: ['webinar', 'paid search'],
      segments: ['SMB'],
      owners: [],
    });
    expect(params.get('view')).toBe('x');
  });

  it('ignore malformed values instead of failing', () => {
    const f = parseFilters(new URLSearchParams('from=yesterday&to=2026-13-45&segment=Huge'));
    expect(f).toEqual({ from: undefined, to: undefined, sources: [], segments: [], owners: [] });
  });

  it('turn the inclusive "to" day into an exclusive instant for the engine', () => {
    const e = toEngineFilters({ from: '2026-01-01', to: '2026-01-31', sources: [], segments: [], owners: [] });
    expect(e.from).toBe(Date.UTC(2026, 0, 1));
    expect(e.to).toBe(Date.UTC(2026, 1, 1));
  });

  it('read the view from the path, defaulting to the Overview', () => {
    expect(viewFromPath('/funnel', '/')).toBe('funnel');
    expect(viewFromPath('/', '/')).toBe('overview');
    expect(viewFromPath('/nonsense', '/')).toBe('overview');
  });
});
