import { describe, expect, it } from 'vitest';
import { currentWindowLabel, previousWindowLabel } from '../../../src/features/overview/build-headline';

describe('the Overview headline windows in words', () => {
  it('names the quarter to date, or to the end of the date filter when the filter cuts it', () => {
    const q3 = { quarter: '2026-Q3', from: '2026-07-01', to: '2026-07-16' };
    expect(currentWindowLabel({ ...q3, clipped: false })).toBe('2026-Q3 to date');
    expect(currentWindowLabel({ ...q3, clipped: true })).toBe('2026-Q3 to the end of the date filter');
  });

  it('names the previous window as the same days of its quarter', () => {
    expect(previousWindowLabel({ quarter: '2026-Q2', clipped: false, from: '2026-04-01', to: '2026-04-16' })).toBe(
      '2026-Q2, same days',
    );
  });
});
