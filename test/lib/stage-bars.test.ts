import { describe, expect, it } from 'vitest';
import { stageBars } from '../../src/lib/stage-bars';

const row = (stage: string, leads: number, stepRate: number | null, label?: string) => ({
  stage,
  ...(label === undefined ? {} : { label }),
  leads,
  amountCents: 0,
  stepRate,
  cumulativeRate: leads / 10,
  skipped: null,
});

describe('the stage funnel bars', () => {
  it('name the opportunity funnel: every opportunity, the open stages as the data names them, and won', () => {
    const bars = stageBars(
      [row('created', 10, null), row('Negotiation', 5, 0.5, 'Negotiation'), row('won', 2, 0.4)],
      'USD',
      'count',
      'opportunities',
    );
    expect(bars.map((b) => b.label)).toEqual(['Opportunities', 'Negotiation', 'Won']);
    // 2 of the 5 in Negotiation: 40.0% of previous.
    expect(bars[2]!.barLabel).toBe('2 · 40.0% of previous');
    expect(bars[2]!.tooltip).toContain('Cumulative 20.0% of opportunities');
  });
});
