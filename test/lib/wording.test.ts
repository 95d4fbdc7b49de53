import { describe, expect, it } from 'vitest';
import { coverageStatus, gapText, TERMS } from '../../src/lib/wording';

describe('coverage and the gap in words', () => {
  it('colour coverage by what the quarter will do, not by a target multiple', () => {
    // 2.89× coverage, below a 3.97× target, but the projection beats the quota: on track.
    expect(coverageStatus({ coverage: 2.89, projectedCents: 301_713_300, quotaCents: 296_000_000 })).toBe('on track');
    expect(coverageStatus({ coverage: 0.66, projectedCents: 56_691_600, quotaCents: 323_000_000 })).toBe('at risk');
    expect(coverageStatus({ coverage: 'quota met', projectedCents: 0, quotaCents: 100 })).toBe('met');
    // Exactly at quota is on track.
    expect(coverageStatus({ coverage: 1.2, projectedCents: 500, quotaCents: 500 })).toBe('on track');
  });

  it('say the gap as ahead or short, never as a signed number', () => {
    expect(gapText(-5_713_300, 'USD')).toBe('ahead by $57.1K');
    expect(gapText(266_308_400, 'USD')).toBe('short by $2.66M');
    expect(gapText(0, 'USD')).toBe('on quota');
  });

  it('name the rates that are easily confused apart, each with its denominator', () => {
    const labels = Object.values(TERMS).map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(TERMS.winRate.label).toContain('÷ closed');
    expect(TERMS.sqoToWonCohort.label).toBe('SQO→won, cohort');
    expect(TERMS.wonOfMatured.label).not.toMatch(/win rate/i);
  });
});
