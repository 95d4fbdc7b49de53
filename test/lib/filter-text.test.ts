import { describe, expect, it } from 'vitest';
import { describeFilters } from '../../src/lib/filter-text';

describe('filters in words (the subtitle of exported charts)', () => {
  it('say "no filters" when none is set', () => {
    expect(describeFilters({ sources: [], segments: [], owners: [] })).toBe('no filters');
  });

  it('name the dates, sources, segments and owners, and count what is past three', () => {
    expect(
      describeFilters({
        from: '2026-01-01',
        to: '2026-03-31',
        sources: ['webinar'],
        segments: ['SMB', 'Enterprise'],
        owners: ['a', 'b', 'c', 'd', 'e'],
      }),
    ).toBe(
      'created from Jan 1, 2026 to Mar 31, 2026; source webinar; segment SMB, Enterprise; owner a, b, c and 2 more',
    );
    expect(describeFilters({ to: '2026-03-31', sources: [], segments: [], owners: [] })).toBe(
      'created up to Mar 31, 2026',
    );
  });
});
