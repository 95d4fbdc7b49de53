import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { DAY_MS } from '../../../src/engine/time';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { explainLead } from '../../../src/engine/scoring/explain';
import { compileFit, scoreFit } from '../../../src/engine/scoring/fit';
import { clearFitMatches } from '../../../src/engine/scoring/fit-matches';
import { clearIntentSums } from '../../../src/engine/scoring/intent-sums';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { modelStages } from '../../../src/engine/scoring/qualification';
import type { FitRule, RuleSet } from '../../../src/engine/scoring/rules';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import { buildThresholdIndex } from '../../../src/engine/scoring/threshold-index';
import { clampRuleSet } from '../../../src/engine/scoring/validate';
import { whatIf, whatIfFull, type WhatIfContext } from '../../../src/engine/scoring/what-if';
import { prepareWhatIf, statusChanges, updateWhatIf } from '../../../src/engine/scoring/what-if-prepare';
import { lcg } from './lcg';

const datasets = new Map<number, Dataset>();
function demo(seed: number): Dataset {
  let ds = datasets.get(seed);
  if (!ds) datasets.set(seed, (ds = buildDataset(generateDemoCompany({ leads: 400, seed }).records)));
  return ds;
}

/** Intent by the per-activity formula: Σ_type clamp(Σ points × 0.5^(age / half-life), ±cap), clamped. */
function referenceIntent(ds: Dataset, rules: RuleSet, lead: number, t0: number): number {
  const byType = new Map(rules.activities.map((a) => [a.type, a]));
  const sums = new Map<string, number>();
  const { start, type, at, typeNames } = ds.activities;
  for (let j = start[lead]!; j < start[lead + 1]!; j++) {
    if (at[j]! > t0) break;
    const rule = byType.get(typeNames[type[j]!]!);
    if (!rule) continue;
    sums.set(
      rule.type,
      (sums.get(rule.type) ?? 0) + rule.points * 0.5 ** ((t0 - at[j]!) / DAY_MS / rules.halfLifeDays),
    );
  }
  let score = 0;
  for (const [t, s] of sums) {
    const cap = byType.get(t)!.cap;
    score += Math.max(-cap, Math.min(cap, s));
  }
  return Math.min(100, Math.max(0, score));
}

function randomActivities(rnd: () => number): RuleSet {
  return clampRuleSet({
    ...DEFAULT_RULE_SET,
    halfLifeDays: 1 + Math.floor(rnd() * 120),
    activities: DEFAULT_RULE_SET.activities.map((a) => ({
      ...a,
      points: Math.round(rnd() * 70 - 20),
      cap: Math.round(rnd() * 60),
    })),
  });
}

describe('intent from cached decayed sums', () => {
  it('matches the per-activity formula for random points, caps, half-lives and cut-offs', () => {
    const ds = demo(5);
    const asOf = ds.meta.latestAt;
    const rnd = lcg(7);
    const cutoff = Float64Array.from({ length: ds.leads.count }, () =>
      rnd() < 0.5 ? asOf - rnd() * 200 * DAY_MS : Number.NaN,
    );
    for (let trial = 0; trial < 6; trial++) {
      const rules = randomActivities(rnd);
      for (const cut of [undefined, cutoff]) {
        const s = scoreLeads(ds, compileRules(ds, rules), { asOf, ...(cut ? { cutoff: cut } : {}) });
        for (let i = 0; i < ds.leads.count; i++) {
          const t0 = cut && cut[i]! < asOf ? cut[i]! : asOf;
          expect(Math.abs(s.intent[i]! - referenceIntent(ds, rules, i, t0))).toBeLessThan(1e-4);
        }
      }
    }
  });
});

describe('lead explanation', () => {
  it('adds up to the very scores of the scoring engine', () => {
    const ds = demo(6);
    const asOf = ds.meta.latestAt;
    const rnd = lcg(3);
    for (let trial = 0; trial < 3; trial++) {
      const rules = randomActivities(rnd);
      const out = leadOutcomes(ds, {
        asOf,
        maturityDays: rules.maturityDays,
        scoringWindowDays: rules.scoringWindowDays,
      });
      const s = scoreLeads(ds, compileRules(ds, rules), { asOf, cutoff: out.cutoff });
      for (let i = 0; i < ds.leads.count; i++) {
        const e = explainLead(ds, rules, i, Math.min(asOf, out.cutoff[i]!));
        expect(Math.fround(e.intent.score)).toBe(s.intent[i]);
        expect(e.fit.score).toBe(s.fit[i]);
      }
    }
  });
});

const fitRuleArb: fc.Arbitrary<FitRule> = fc.oneof(
  fc.record({
    id: fc.constant('r'),
    label: fc.constant('r'),
    attribute: fc.constantFrom(
      'account.industry',
      'lead.persona',
      'lead.seniority',
      'account.region',
      'lead.emailDomain',
      'lead.custom.nope',
    ),
    points: fc.integer({ min: -50, max: 50 }),
    op: fc.constant('in' as const),
    values: fc.subarray([
      'Software',
      'Fintech',
      'Retail',
      'Sales Leader',
      'RevOps',
      'Student',
      'VP',
      'C-level',
      'NA',
      'EMEA',
      'gmail.com',
    ]),
  }),
  fc.record({
    id: fc.constant('r'),
    label: fc.constant('r'),
    attribute: fc.constantFrom('lead.emailDomain', 'account.industry'),
    points: fc.integer({ min: -50, max: 50 }),
    op: fc.constantFrom('contains' as const, 'equals' as const),
    value: fc.constantFrom('.edu', 'soft', 'Software', 'gmail', ''),
  }),
  fc.record({
    id: fc.constant('r'),
    label: fc.constant('r'),
    attribute: fc.constantFrom('account.employees', 'account.annualRevenue'),
    points: fc.integer({ min: -50, max: 50 }),
    op: fc.constant('range' as const),
    min: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
  }),
);

describe('fit from cached rule matches', () => {
  it('equals the per-attribute fit score for random rule lists (short lists, past 16 rules and past 31)', () => {
    const ds = demo(5);
    for (const [minLength, maxLength, numRuns] of [
      [0, 14, 60],
      [17, 40, 16],
    ] as const) {
      fc.assert(
        fc.property(fc.array(fitRuleArb, { minLength, maxLength }), (fitRules) => {
          const got = scoreLeads(ds, compileRules(ds, { ...DEFAULT_RULE_SET, fitRules }), {
            asOf: ds.meta.latestAt,
          }).fit;
          const expected = scoreFit(compileFit(ds, fitRules), new Float32Array(ds.leads.count));
          expect(Array.from(got)).toEqual(Array.from(expected));
        }),
        { numRuns },
      );
    }
  });
});

/** One weight change: an activity type's points or cap, a fit rule's points, or the fit weight. */
type Step =
  | { readonly kind: 'points' | 'cap'; readonly at: number; readonly value: number }
  | { readonly kind: 'fit'; readonly at: number; readonly value: number }
  | { readonly kind: 'fitWeight'; readonly value: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('points' as const, 'cap' as const),
    at: fc.nat(40),
    value: fc.integer({ min: -50, max: 100 }),
  }),
  fc.record({ kind: fc.constant('fit' as const), at: fc.nat(40), value: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('fitWeight' as const), value: fc.integer({ min: 0, max: 20 }).map((k) => k / 20) }),
);

function applyStep(r: RuleSet, s: Step): RuleSet {
  if (s.kind === 'fitWeight') return clampRuleSet({ ...r, qualification: { ...r.qualification, fitWeight: s.value } });
  if (s.kind === 'fit') {
    const k = s.at % r.fitRules.length;
    return clampRuleSet({ ...r, fitRules: r.fitRules.map((f, j) => (j === k ? { ...f, points: s.value } : f)) });
  }
  const k = s.at % r.activities.length;
  return clampRuleSet({ ...r, activities: r.activities.map((a, j) => (j === k ? { ...a, [s.kind]: s.value } : a)) });
}

function expectSameContext(got: WhatIfContext, full: WhatIfContext, r: RuleSet, thresholds: readonly number[]): void {
  expect(Array.from(got.fit)).toEqual(Array.from(full.fit));
  expect(Array.from(got.intent)).toEqual(Array.from(full.intent));
  expect(Array.from(got.index.twoScore)).toEqual(Array.from(full.index.twoScore));
  expect(Array.from(got.index.single)).toEqual(Array.from(full.index.single));
  expect(Array.from(got.totals)).toEqual(Array.from(full.totals));
  for (const t of thresholds) {
    for (const mqlMode of ['two-score', 'single-score'] as const) {
      const q = { ...r.qualification, mqlMode, mqlMinFit: t, mqlMinIntent: 100 - t, mqlMinCombined: t };
      expect(whatIf(got, q)).toEqual(whatIfFull(full, q));
    }
  }
}

/** A context's scores are `scoreLeads`'s and its index is `buildThresholdIndex`'s on them. */
function expectDefinition(ds: Dataset, ctx: WhatIfContext, r: RuleSet, asOf: number): void {
  const s = scoreLeads(ds, compileRules(ds, r), { asOf, cutoff: ctx.outcomes.cutoff });
  expect(Array.from(ctx.fit)).toEqual(Array.from(s.fit));
  expect(Array.from(ctx.intent)).toEqual(Array.from(s.intent));
  const index = buildThresholdIndex(s.fit, s.intent, ctx.mask, ctx.flags, ctx.outcomes, r.qualification.fitWeight);
  expect(Array.from(ctx.index.twoScore)).toEqual(Array.from(index.twoScore));
  expect(Array.from(ctx.index.single)).toEqual(Array.from(index.single));
}

describe('single-weight incremental what-if', () => {
  it('equals a full recompute after every step of random weight sequences on random datasets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }),
        (seed, scopeSeed, steps, thresholds) => {
          const ds = demo(seed);
          const asOf = ds.meta.latestAt;
          const rnd = lcg(scopeSeed);
          const scope = Uint8Array.from({ length: ds.leads.count }, () => (rnd() < 0.8 ? 1 : 0));
          let rules = clampRuleSet(DEFAULT_RULE_SET);
          let ctx = prepareWhatIf(ds, rules, scope, asOf);
          for (const step of steps) {
            const next = applyStep(rules, step);
            const derived = updateWhatIf(ds, ctx, rules, next, asOf);
            expect(derived).not.toBeNull();
            clearIntentSums(ds);
            clearFitMatches(ds);
            const full = prepareWhatIf(ds, next, scope, asOf);
            expectDefinition(ds, full, next, asOf);
            expectSameContext(derived!, full, next, thresholds);
            expect(statusChanges(ds, derived!, next, 20)).toEqual(statusChanges(ds, full, next, 20));
            ctx = derived!;
            rules = next;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses changes that are not weights only, and two weights of different kinds at once', () => {
    const ds = demo(2);
    const asOf = ds.meta.latestAt;
    const scope = new Uint8Array(ds.leads.count).fill(1);
    const r = clampRuleSet(DEFAULT_RULE_SET);
    const ctx = prepareWhatIf(ds, r, scope, asOf);
    expect(updateWhatIf(ds, ctx, r, { ...r, halfLifeDays: 45 }, asOf)).toBeNull();
    expect(updateWhatIf(ds, ctx, r, { ...r, maturityDays: 90 }, asOf)).toBeNull();
    const twoTypes = applyStep(applyStep(r, { kind: 'points', at: 0, value: 9 }), { kind: 'cap', at: 3, value: 1 });
    expect(updateWhatIf(ds, ctx, r, twoTypes, asOf)).toBeNull();
    expect(updateWhatIf(ds, ctx, r, r, asOf)).toBe(ctx);
    // Several fit rules' points at once are still an exact update (only changed combos move).
    const twoFit = applyStep(applyStep(r, { kind: 'fit', at: 0, value: 3 }), { kind: 'fit', at: 5, value: -7 });
    const derived = updateWhatIf(ds, ctx, r, twoFit, asOf);
    expectSameContext(derived!, prepareWhatIf(ds, twoFit, scope, asOf), twoFit, [0, 40, 70]);
  });

  it('keeps the outcomes the contexts share', () => {
    const ds = demo(3);
    const r = clampRuleSet(DEFAULT_RULE_SET);
    const out = leadOutcomes(ds, {
      asOf: ds.meta.latestAt,
      maturityDays: r.maturityDays,
      scoringWindowDays: r.scoringWindowDays,
    });
    const ctx = prepareWhatIf(ds, r, new Uint8Array(ds.leads.count).fill(1), ds.meta.latestAt);
    expect(ctx.outcomes).toBe(out);
  });
});

describe('status changes', () => {
  it('lists the first leads by fit + intent as a full sort would, for any limit', () => {
    const ds = demo(4);
    const asOf = ds.meta.latestAt;
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (steps, limit, t) => {
          const rules = steps.reduce(
            applyStep,
            clampRuleSet({
              ...DEFAULT_RULE_SET,
              qualification: { ...DEFAULT_RULE_SET.qualification, mqlMinFit: t, mqlMinIntent: 100 - t },
            }),
          );
          const ctx = prepareWhatIf(ds, rules, new Uint8Array(ds.leads.count).fill(1), asOf);
          const stages = modelStages(ctx.fit, ctx.intent, rules.qualification, ctx.flags);
          const picked: number[] = [];
          for (let i = 0; i < stages.length; i++)
            if (ctx.mask[i] && stages[i]! >= 1 !== (ctx.outcomes.recordedMql[i] === 1)) picked.push(i);
          picked.sort((a, b) => ctx.fit[b]! + ctx.intent[b]! - (ctx.fit[a]! + ctx.intent[a]!));
          const got = statusChanges(ds, ctx, rules, limit);
          expect(got.total).toBe(picked.length);
          expect(got.rows.map((r) => r.leadId)).toEqual(picked.slice(0, limit).map((i) => ds.leads.id[i]));
        },
      ),
      { numRuns: 40 },
    );
  });
});
