import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, WORKED_EXAMPLE, type ScenarioInput } from '../../../src/engine/forecast/scenario';
import { formatMoney } from '../../../src/lib/format';

describe('scenario planner', () => {
  it('reproduces the worked example to the cent', () => {
    const r = runScenario(WORKED_EXAMPLE);
    expect(r.stages).toEqual({ mql: 4800, sal: 1440, sql: 420, sqo: 168 });
    // 168 SQOs × $48,000 = $8,064,000 = 806,400,000 cents.
    expect(r.pipelineCents).toBe(806_400_000);
    // $8,064,000 × 0.22 = $1,774,080 = 177,408,000 cents (no float drift: 806,400,000 × 0.22 in floats is not exact).
    expect(r.expectedBookingsCents).toBe(177_408_000);
    expect(formatMoney(r.pipelineCents, 'USD', true)).toBe('$8.06M');
    expect(formatMoney(r.expectedBookingsCents, 'USD', true)).toBe('$1.77M');
    expect(formatMoney(r.pipelineCents)).toBe('$8,064,000');
    expect(formatMoney(r.expectedBookingsCents)).toBe('$1,774,080');
    // Implied step rates: 1440/4800 = 30%, 420/1440 = 29.17%, 168/420 = 40%.
    expect(r.rates.mqlToSal).toBe(0.3);
    expect(r.rates.sqlToSqo).toBe(0.4);
    expect(r.rates.salToSql).toBeCloseTo(420 / 1440, 12);
    expect(r.gapCents).toBeNull();
    expect(r.mqlsNeeded).toBeNull();
  });

  it('takes rates instead of counts and rounds each stage to whole leads', () => {
    const r = runScenario({
      ...WORKED_EXAMPLE,
      sal: { kind: 'rate', rate: 0.3 },
      sql: { kind: 'rate', rate: 0.29 },
      sqo: { kind: 'rate', rate: 0.4 },
    });
    // 4800 × 0.3 = 1440; 1440 × 0.29 = 417.6 → 418; 418 × 0.4 = 167.2 → 167.
    expect(r.stages).toEqual({ mql: 4800, sal: 1440, sql: 418, sqo: 167 });
    expect(r.pipelineCents).toBe(167 * 4_800_000);
  });

  it('gives the gap to quota and the MQLs needed to close it', () => {
    const r = runScenario({ ...WORKED_EXAMPLE, quotaCents: 2_000_000_00 });
    // $2,000,000 − $1,774,080 = $225,920.
    expect(r.gapCents).toBe(22_592_000);
    // Bookings per MQL = $1,774,080 / 4,800 = $369.60; $2,000,000 / $369.60 = 5,411.26 → 5,412 MQLs.
    expect(r.mqlsNeeded).toBe(5412);
    expect(r.additionalMqls).toBe(612);
  });

  it('says a quota already beaten needs no more MQLs', () => {
    const r = runScenario({ ...WORKED_EXAMPLE, quotaCents: 1_000_000_00 });
    expect(r.gapCents).toBe(100_000_000 - 177_408_000);
    expect(r.additionalMqls).toBe(0);
  });

  it('handles zero MQLs and a zero win rate without dividing by zero', () => {
    const r = runScenario({ ...WORKED_EXAMPLE, mqls: 0, quotaCents: 100 });
    expect(r.stages).toEqual({ mql: 0, sal: 0, sql: 0, sqo: 0 });
    expect(r.rates.mqlToSal).toBeNull();
    expect(r.mqlsNeeded).toBeNull();
    const z = runScenario({ ...WORKED_EXAMPLE, winRate: 0, quotaCents: 100 });
    expect(z.expectedBookingsCents).toBe(0);
    expect(z.mqlsNeeded).toBeNull();
  });

  it('never lets a stage exceed the one before it', () => {
    const r = runScenario({ ...WORKED_EXAMPLE, sal: { kind: 'count', count: 9999 } });
    expect(r.stages.sal).toBe(4800);
  });

  it('books at most the pipeline, and more MQLs never book less', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('rate' as const), rate: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 0, max: 100_000 }) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        step,
        step,
        step,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mqls, sal, sql, sqo, acvCents, winRate) => {
          const input: ScenarioInput = { mqls, sal, sql, sqo, acvCents, winRate, quotaCents: null };
          const r = runScenario(input);
          expect(r.stages.sal).toBeLessThanOrEqual(r.stages.mql);
          expect(r.stages.sqo).toBeLessThanOrEqual(r.stages.sql);
          expect(r.pipelineCents).toBe(r.stages.sqo * acvCents);
          expect(r.expectedBookingsCents).toBeLessThanOrEqual(r.pipelineCents);
          expect(Number.isInteger(r.expectedBookingsCents)).toBe(true);
          const more = runScenario({ ...input, mqls: mqls + 1000 });
          if (sal.kind === 'rate' && sql.kind === 'rate' && sqo.kind === 'rate') {
            expect(more.expectedBookingsCents).toBeGreaterThanOrEqual(r.expectedBookingsCents);
          }
        },
      ),
    );
  });
});
