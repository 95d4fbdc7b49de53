import { describe, expect, it } from 'vitest';
import type { ForecastAccuracy, MethodAccuracy } from '../../../src/engine/forecast/accuracy';
import { headlineMethod } from '../../../src/engine/forecast/headline-method';

const method = (m: MethodAccuracy['method'], mape: number | null, cents: number | null): MethodAccuracy => ({
  method: m,
  mape,
  measuredQuarters: mape === null ? 0 : 6,
  byWeek: [],
  quarters: [],
  reason: mape === null ? 'not measurable — needs x' : null,
  projection: cents === null ? { cents: null, reason: 'not measurable — needs y' } : { cents, reason: null },
  projectionToDateCents: null,
});
const backtest = (best: MethodAccuracy['method'] | null, methods: MethodAccuracy[]): ForecastAccuracy => ({
  measurable: true,
  weeks: 13,
  quarters: [],
  methods,
  best,
  bestReason:
    best === null ? 'not measurable — no method could be measured in a completed quarter with bookings' : null,
  current: { quarter: '2026-Q4', actualToDateCents: 0, pace: { share: null, elapsedMs: 0, quarters: [], reason: 'x' } },
});

describe('the headline projection’s method', () => {
  const a = backtest('commit', [
    method('weighted', 0.2, 500),
    method('commit', 0.12, 400),
    method('sqoLag', null, null),
  ]);

  it('is the most accurate by default, with its MAPE and projection', () => {
    expect(headlineMethod(a, 'best')).toEqual({
      basis: 'mostAccurate',
      method: 'commit',
      mape: 0.12,
      measuredQuarters: 6,
      best: 'commit',
      projection: { cents: 400, reason: null },
    });
  });

  it('is the one chosen when the user chose, even one that cannot project (null with its reason)', () => {
    expect(headlineMethod(a, 'weighted')).toMatchObject({ basis: 'chosen', method: 'weighted', best: 'commit' });
    expect(headlineMethod(a, 'sqoLag')).toMatchObject({
      basis: 'chosen',
      mape: null,
      projection: { cents: null, reason: 'not measurable — needs y' },
    });
  });

  it('is the weighted pipeline, with the reason, when the back-test ranks none', () => {
    expect(headlineMethod({ measurable: false, reason: 'not measurable — needs deal history' }, 'commit')).toEqual({
      basis: 'notRanked',
      method: 'weighted',
      reason: 'not measurable — needs deal history',
    });
    expect(headlineMethod(backtest(null, [method('weighted', null, 500)]), 'best')).toEqual({
      basis: 'notRanked',
      method: 'weighted',
      reason: 'not measurable — no method could be measured in a completed quarter with bookings',
    });
  });
});
