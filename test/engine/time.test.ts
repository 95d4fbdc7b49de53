import { describe, expect, it } from 'vitest';
import { addQuarters, quarterEnd, quarterOf, quarterStart } from '../../src/engine/time';

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

  it('refuses a label that is not a quarter', () => {
    expect(() => quarterStart('2026-Q5')).toThrow(/Not a quarter/);
  });
});
