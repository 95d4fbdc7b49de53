/** Back-test of the forecast methods on the tiny company of accuracy-fixture.ts (worked by hand there). */
import { describe, expect, it } from 'vitest';
import { forecastAccuracy, NO_HISTORY_REASON, type MethodAccuracy } from '../../../src/engine/forecast/accuracy';
import { forecastsAt, NO_PROBABILITY, quarterCandidates } from '../../../src/engine/forecast/accuracy-point';
import { ms } from '../../fixtures/records';
import { ACCURACY_AS_OF as AS_OF, accuracyCompany as company, DEALS, usd } from './accuracy-fixture';
import { bookOfDeals } from './pipeline-fixture';

function measured(ds = company()) {
  const a = forecastAccuracy(ds, { asOf: AS_OF });
  if (!a.measurable) throw new Error(a.reason);
  return a;
}
const method = (name: MethodAccuracy['method'], ds = company()) => measured(ds).methods.find((m) => m.method === name)!;
const dollars = (cents: readonly (number | null)[]) => cents.map((x) => (x === null ? null : x / 100));

describe('forecast accuracy on the company’s own history', () => {
  it('back-tests the completed quarters that began after the data did, against what they booked', () => {
    expect(measured().quarters).toEqual([
      { quarter: '2026-Q1', actualCents: usd(70_000), reason: null },
      { quarter: '2026-Q2', actualCents: usd(30_000), reason: null },
    ]);
  });

  it('rebuilds each method’s forecast of 2026-Q1 at the start of every week from the history as it stood then', () => {
    const q1 = (m: MethodAccuracy['method']) => dollars(method(m).quarters[0]!.forecastsCents);
    const run = (...parts: [number, number][]) => parts.flatMap(([v, n]) => Array<number>(n).fill(v));
    expect(q1('weighted')).toEqual(
      run([12_500, 3], [22_500, 2], [30_500, 2], [38_500, 2], [40_500, 1], [30_000, 2], [70_000, 1]),
    );
    expect(q1('commit')).toEqual(run([0, 3], [20_000, 9], [70_000, 1]));
    expect(q1('bestCase')).toEqual(run([30_000, 3], [50_000, 7], [20_000, 2], [70_000, 1]));
    expect(q1('repProbability')).toEqual(
      run([16_000, 3], [24_000, 2], [36_000, 2], [44_000, 2], [47_000, 1], [35_000, 2], [70_000, 1]),
    );
    expect(q1('sqoLag')).toEqual(run([0, 5], [3_333.33, 2], [5_000, 5], [8_888.89, 1]));
  });

  it('error at week k is (forecast − actual) ÷ actual: under-forecasts are negative, the last week of Q1 is exact', () => {
    const e = method('weighted').quarters[0]!.errors;
    expect(e[0]).toBeCloseTo(-57_500 / 70_000, 10);
    expect(e[9]).toBeCloseTo(-29_500 / 70_000, 10);
    expect(e[12]).toBe(0);
  });

  it('each quarter’s absolute percentage error is the mean over its 13 weeks', () => {
    const ape = (m: MethodAccuracy['method']) => method(m).quarters.map((q) => q.ape);
    expect(ape('weighted')[0]).toBeCloseTo(519_000 / 910_000, 10);
    expect(ape('commit')[0]).toBeCloseTo(660_000 / 910_000, 10);
    expect(ape('bestCase')[0]).toBeCloseTo(360_000 / 910_000, 10);
    expect(ape('repProbability')[0]).toBeCloseTo(467_000 / 910_000, 10);
    expect(ape('sqoLag')[0]).toBeCloseTo(86_944_445 / 91_000_000, 10);
    expect(ape('weighted')[1]).toBeCloseTo(0.15, 10);
    expect(ape('commit')[1]).toBeCloseTo(3 / 13, 10);
    expect(ape('bestCase')[1]).toBe(0);
    expect(ape('repProbability')[1]).toBeCloseTo((3 * 0.6) / 13, 10);
    expect(ape('sqoLag')[1]).toBeCloseTo((3 * 2_111_111 + 10 * 2_083_333) / 3_000_000 / 13, 10);
  });

  it('MAPE is the mean over the quarters, and the most accurate method is the lowest', () => {
    const a = measured();
    const mape = Object.fromEntries(a.methods.map((m) => [m.method, m.mape]));
    expect(mape.weighted).toBeCloseTo((519_000 / 910_000 + 0.15) / 2, 10);
    expect(mape.commit).toBeCloseTo((660_000 / 910_000 + 3 / 13) / 2, 10);
    expect(mape.bestCase).toBeCloseTo(360_000 / 910_000 / 2, 10);
    expect(mape.repProbability).toBeCloseTo((467_000 / 910_000 + 1.8 / 13) / 2, 10);
    expect(mape.sqoLag).toBeCloseTo(0.826007, 5);
    expect(a.methods.every((m) => m.measuredQuarters === 2)).toBe(true);
    expect(a.best).toBe('bestCase');
  });

  it('error by week of quarter: mean |error| of the quarters at that week', () => {
    const w = method('commit').byWeek;
    expect(w[0]).toBeCloseTo((1 + 1) / 2, 10); // Q1 0 vs 70,000; Q2 0 vs 30,000
    expect(w[3]).toBeCloseTo((50_000 / 70_000 + 0) / 2, 10); // Q2 week 4: B won
    expect(w[12]).toBe(0);
  });

  it('projects the current quarter with each method, and sets the actual to date against the forecast to date', () => {
    const a = measured();
    // Q3 at Jul 25: D $100,000 negotiation due Sep 15, rep p 0.5; nothing won yet.
    const proj = Object.fromEntries(a.methods.map((m) => [m.method, m.projection.cents]));
    expect(proj).toMatchObject({
      weighted: usd(60_000),
      commit: usd(100_000),
      bestCase: usd(100_000),
      repProbability: usd(50_000),
    });
    expect(a.current).toMatchObject({ quarter: '2026-Q3', actualToDateCents: 0 });
    // 24 days in; of Q1 + Q2's $100,000 only B (19 days into Q2, $30,000) closed that early → 0.3.
    expect(a.current.pace.share).toBeCloseTo(0.3, 10);
    expect(a.methods.find((m) => m.method === 'bestCase')!.projectionToDateCents).toBe(usd(30_000));
  });

  it('p(stage) comes only from deals closed before the instant: B’s later win does not lift proposal at week 1', () => {
    const ds = company();
    const t = ms('2026-01-01');
    // minClosed 1: sqo has W (won) closed before Jan 1 → p 1; proposal has none → entered 0.35.
    const f = forecastsAt(ds, '2026-Q1', t, { minClosed: 1 }, quarterCandidates(ds, '2026-Q1'), true);
    expect(f.byMethod.weighted.cents).toBe(usd(20_000 * 1 + 30_000 * 0.35));
  });

  it('without rep probabilities in the history, that method is not measurable (null with the reason), the others still are', () => {
    const bare = DEALS.map((d) => ({ ...d, changes: d.changes?.map(({ probability: _p, ...rest }) => rest) }));
    const m = method('repProbability', company(bare));
    expect([m.mape, m.reason, m.projection]).toEqual([null, NO_PROBABILITY, { cents: null, reason: NO_PROBABILITY }]);
    expect(measured(company(bare)).best).toBe('bestCase');
  });

  it('a quarter that booked nothing is not measurable, never an error of 0', () => {
    const noQ2 = DEALS.filter((d) => d.id !== 'B');
    const q2 = method('weighted', company(noQ2)).quarters[1]!;
    expect(q2).toMatchObject({ quarter: '2026-Q2', actualCents: 0, ape: null });
    expect(q2.reason).toMatch(/^not measurable — 2026-Q2 booked nothing/);
  });

  it('history that does not cover a whole completed quarter gives no figures, and says from when it runs', () => {
    // Only D (created 2026-07-01, in the current quarter) and its history.
    expect(forecastAccuracy(company(DEALS.filter((d) => d.id === 'D')), { asOf: AS_OF })).toEqual({
      measurable: false,
      reason:
        'not measurable — needs deal history covering a whole completed quarter (the first deal or change is recorded on 2026-07-01)',
    });
  });

  it('a dataset without deal history gives no figures, only the reason', () => {
    expect(forecastAccuracy(bookOfDeals(), { asOf: ms('2026-06-30') })).toEqual({
      measurable: false,
      reason: NO_HISTORY_REASON,
    });
  });
});
