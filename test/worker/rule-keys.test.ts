import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { clampRuleSet } from '../../src/engine/scoring/validate';
import { thresholdFreeKey } from '../../src/engine/scoring/what-if-prepare';
import { ruleSetKeys } from '../../src/worker/handlers/rule-keys';

/** One edit of a rule set: a threshold or the mode (often), or a weight, cap, half-life or tier. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constantFrom('mqlMinFit', 'mqlMinIntent', 'mqlMinCombined'),
    value: fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double({ min: -10, max: 110, noNaN: true })),
  }),
  fc.record({ kind: fc.constant('mqlMode'), value: fc.constantFrom('two-score', 'single-score', 'nonsense') }),
  fc.record({ kind: fc.constant('points'), at: fc.nat(17), value: fc.integer({ min: -80, max: 80 }) }),
  fc.record({ kind: fc.constant('fit'), at: fc.nat(7), value: fc.double({ min: -80, max: 80, noNaN: true }) }),
  fc.record({ kind: fc.constant('halfLifeDays'), value: fc.integer({ min: -5, max: 400 }) }),
  fc.record({ kind: fc.constant('icpTier1'), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('fitWeight'), value: fc.constantFrom(0, 0.5, 0.52, 1, -0) }),
);

function apply(r: RuleSet, e: { kind: string; at?: number; value: unknown }): RuleSet {
  const v = e.value as number;
  switch (e.kind) {
    case 'points':
      return { ...r, activities: r.activities.map((a, k) => (k === e.at ? { ...a, points: v } : a)) };
    case 'fit':
      return { ...r, fitRules: r.fitRules.map((f, k) => (k === e.at ? { ...f, points: v } : f)) };
    case 'halfLifeDays':
      return { ...r, halfLifeDays: v };
    case 'icpTier1':
      return { ...r, tiers: { ...r.tiers, icpTier1: v } };
    default:
      return { ...r, qualification: { ...r.qualification, [e.kind]: e.value } };
  }
}

describe('rule set keys', () => {
  it('clamp and key every rule set of a random edit sequence as clampRuleSet and thresholdFreeKey do', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const keyed = ruleSetKeys();
        let r: RuleSet = DEFAULT_RULE_SET;
        for (const e of edits) {
          // A fresh copy each time, as a message to the worker is.
          r = structuredClone(apply(r, e));
          const got = keyed(r);
          const clamped = clampRuleSet(r);
          expect(got.rules).toEqual(clamped);
          expect(JSON.stringify(got.rules)).toBe(JSON.stringify(clamped));
          expect(got.key).toBe(thresholdFreeKey(clamped));
        }
      }),
      { numRuns: 200 },
    );
  });
});
