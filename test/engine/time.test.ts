import { describe, expect, it } from 'vitest';
import { addQuarters, quarterEnd, quarterIndexOf, quarterOf, quarterStart } from '../../src/engine/time';

describe('fiscal quarters', () => {
  it('labels calendar quarters when the fiscal year starts in January', () => {
    expect(quarterOf(Date.UTC(2026, 0, 1))).toBe('2026-Q1');
    expect(quarterOf(Date.UTC(2026, 2, 31, 23, 59))).toBe('2026-Q1');
    expect(quarterOf(Date.UTC(2026, 3, 1))).toBe('2026-Q2');
    expect(quarterOf(Date.UTC(2026, 11, 31))).toBe('2026-Q4');
  });

  it('names a fiscal year starting in February after the year it ends in', () => {
    expect(quarterOf(Date.UTC(2026, 1, 1), 2)).toBe('2027-Q1');
    expect(quarterOf(Date.UTC(2026, 0, 31), 2)).toBe('2026-Q4');
  });

  it('gives the bounds of a quarter and steps across years', () => {
    expect(quarterStart('2026-Q3')).toBe(Date.UTC(2026, 6, 1));
    expect(quarterEnd('2026-Q4')).toBe(Date.UTC(2027, 0, 1));
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q1', -2)).toBe('2025-Q3');
    expect(quarterStart('2027-Q1', 2)).toBe(Date.UTC(2026, 1, 1));
  });

  it('numbers quarters as fiscal year × 4 + quarter − 1, so consecutive quarters differ by one', () => {
    expect(quarterIndexOf(Date.UTC(2026, 0, 1))).toBe(2026 * 4);
    expect(quarterIndexOf(Date.UTC(2026, 11, 31))).toBe(2026 * 4 + 3);
    // Fiscal year from February: January 2026 is the last quarter of FY2026, February opens FY2027.
    expect(quarterIndexOf(Date.UTC(2026, 0, 31), 2)).toBe(2026 * 4 + 3);
    expect(quarterIndexOf(Date.UTC(2026, 1, 1), 2)).toBe(2027 * 4);
    for (let m = 0; m < 24; m++) {
      const t = Date.UTC(2025, m, 15);
      const [y, q] = quarterOf(t, 7).split('-Q').map(Number);
      expect(quarterIndexOf(t, 7)).toBe(y! * 4 + q! - 1);
    }
  });

  it('refuses a label that is not a quarter', () => {
    expect(() => quarterStart('2026-Q5')).toThrow(/Not a quarter/);
  });
});
