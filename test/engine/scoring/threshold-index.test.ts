import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { LeadOutcomes } from '../../../src/engine/scoring/outcomes';
import type { QualificationRules } from '../../../src/engine/scoring/rules';
import { buildThresholdIndex, moveInThresholdIndex } from '../../../src/engine/scoring/threshold-index';
import { buildWhatIfContext, populationTotals, whatIf, whatIfFull } from '../../../src/engine/scoring/what-if';

/** A random population: scores (some exactly on whole points), flags and outcomes. */
const population = fc.integer({ min: 0, max: 400 }).chain((n) =>
  fc.record({
    fit: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.float({ min: 0, max: 100, noNaN: true })), {
      minLength: n,
      maxLength: n,
    }),
    intent: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.float({ min: 0, max: 100, noNaN: true })), {
      minLength: n,
      maxLength: n,
    }),
    bits: fc.array(fc.integer({ min: 0, max: 63 }), { minLength: n, maxLength: n }),
    cents: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: n, maxLength: n }),
  }),
);

function context(p: { fit: number[]; intent: number[]; bits: number[]; cents: number[] }, fitWeight: number) {
  const n = p.fit.length;
  const bit = (k: number) => Uint8Array.from(p.bits, (b) => (b >> k) & 1);
  const outcomes: LeadOutcomes = {
    reachedSqo: bit(0),
    won: bit(1),
    wonCents: Float64Array.from(p.cents),
    matured: bit(2),
    recordedMql: bit(3),
    recordedStage: new Uint8Array(n),
    opportunity: new Int32Array(n).fill(-1),
    cutoff: new Float64Array(n),
  };
  const ds = {
    leads: {
      owner: { codes: Int32Array.from(p.bits, (b) => b % 3) },
      createdAt: Float64Array.from(p.bits, (b) => b * 86_400_000),
    },
  } as unknown as Dataset;
  const flags = { sqlActivity: bit(4), criteriaMet: bit(5) };
  return buildWhatIfContext(
    ds,
    Float32Array.from(p.fit),
    Float32Array.from(p.intent),
    outcomes.matured,
    flags,
    outcomes,
    fitWeight,
  );
}

describe('threshold index', () => {
  it('equals a full recompute for any whole-point thresholds (two-score and single-score)', () => {
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(0, 0.35, 0.5, 1),
        (p, a, b, c, w) => {
          const ctx = context(p, w);
          for (const mode of ['two-score', 'single-score'] as const) {
            const q: QualificationRules = {
              ...DEFAULT_RULE_SET.qualification,
              mqlMode: mode,
              mqlMinFit: a,
              mqlMinIntent: b,
              mqlMinCombined: c,
              fitWeight: w,
            };
            expect(whatIf(ctx, q)).toEqual(whatIfFull(ctx, q));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('moving leads to new scores equals a rebuild on the new scores', () => {
    fc.assert(
      fc.property(
        population,
        fc.array(fc.float({ min: 0, max: 100, noNaN: true })),
        fc.constantFrom(0, 0.35, 0.5, 1),
        (p, moves, w) => {
          const ctx = context(p, w);
          const n = p.fit.length;
          const fit = Float32Array.from(p.fit);
          const intent = Float32Array.from(p.intent);
          const leads: number[] = [];
          moves.forEach((v, k) => {
            if (n === 0) return;
            const i = (k * 7919) % n;
            if (k % 2) fit[i] = v;
            else intent[i] = v;
            if (ctx.mask[i] && !leads.includes(i)) leads.push(i);
          });
          const moved = moveInThresholdIndex(
            ctx.index,
            Int32Array.from(leads),
            leads.length,
            ctx.fit,
            ctx.intent,
            fit,
            intent,
            ctx.flags,
            ctx.outcomes,
          );
          const rebuilt = buildThresholdIndex(fit, intent, ctx.mask, ctx.flags, ctx.outcomes, w);
          expect(Array.from(moved.twoScore)).toEqual(Array.from(rebuilt.twoScore));
          expect(Array.from(moved.single)).toEqual(Array.from(rebuilt.single));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('works out precision, recall and revenue by hand on four leads', () => {
    // fit/intent; bits: 1 reachedSqo, 2 won, 4 matured, 8 recordedMql, 16 sql activity, 32 criteria.
    const ctx = context(
      {
        fit: [80, 45, 45, 10],
        intent: [50, 30, 29.9, 90],
        bits: [1 | 2 | 4 | 8 | 16 | 32, 1 | 4 | 16, 1 | 2 | 4 | 8, 4],
        cents: [500_00, 0, 300_00, 0],
      },
      0.5,
    );
    const f = whatIf(ctx, DEFAULT_RULE_SET.qualification); // fit ≥ 40 AND intent ≥ 30
    // Qualified: leads 0 and 1 (lead 2's intent 29.9 < 30; lead 3's fit 10 < 40).
    expect(f.mql).toBe(2);
    expect(f.sql).toBe(2); // both have the SQL activity
    expect(f.sqo).toBe(1); // only lead 0 meets the criteria
    expect(f.precisionSqo).toBe(1); // 2 of 2 reached SQO
    expect(f.recallSqo).toBeCloseTo(2 / 3); // 3 reached SQO in all
    expect(f.precisionWon).toBe(0.5);
    expect(f.recallWon).toBe(0.5); // won: leads 0 and 2
    expect(f.wonCentsCaptured).toBe(500_00);
    expect(f.wonShareCaptured).toBeCloseTo(500 / 800);
    expect(f.newlyQualified).toBe(1); // lead 1 was never MQL in the record
    expect(f.dropped).toBe(1); // lead 2 was MQL in the record, not under the rule
    // SDRs: owner codes = bits % 3 → 63%3=0, 21%3=0, 15%3=0, 4%3=1 → 2 SDRs; weeks = (63−4) days / 7.
    expect(f.mqlPerSdrWeek).toBeCloseTo(2 / (2 * (59 / 7)));
  });

  it('names the population totals: matured leads, those that reached SQO or were won, and won cents', () => {
    // The same four leads, all matured: 3 reached SQO (leads 0, 1, 2), 2 won (0 and 2) for $500 + $300.
    const ctx = context(
      {
        fit: [80, 45, 45, 10],
        intent: [50, 30, 29.9, 90],
        bits: [1 | 2 | 4, 1 | 4, 1 | 2 | 4, 4],
        cents: [500_00, 0, 300_00, 0],
      },
      0.5,
    );
    expect(populationTotals(ctx)).toEqual({ matured: 4, reachedSqo: 3, won: 2, wonCents: 800_00 });
  });

  it('returns null rates on an empty population', () => {
    const f = whatIf(context({ fit: [], intent: [], bits: [], cents: [] }, 0.5), DEFAULT_RULE_SET.qualification);
    expect(f.mql).toBe(0);
    expect(f.precisionSqo).toBeNull();
    expect(f.recallWon).toBeNull();
    expect(f.mqlPerSdrWeek).toBeNull();
  });
});
