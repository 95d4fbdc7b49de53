import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { explainLead } from '../../../src/engine/scoring/explain';
import { compileFit, scoreFit } from '../../../src/engine/scoring/fit';
import type { FitRule, RuleSet } from '../../../src/engine/scoring/rules';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import { parseRuleSet } from '../../../src/state/rule-set-schema';
import { lead, ms, recordSet } from '../../fixtures/records';

const ASOF = ms('2026-03-31');
const withRules = (fitRules: readonly FitRule[]): RuleSet => ({ ...DEFAULT_RULE_SET, fitRules });

/** Fit of every lead three ways: the combo kernel, the per-attribute compile, and the explanation. */
function fitThreeWays(
  ds: Dataset,
  fitRules: readonly FitRule[],
): { kernel: number[]; terms: number[]; explained: number[] } {
  const rules = withRules(fitRules);
  const compiled = compileRules(ds, rules);
  const kernel = Array.from(scoreLeads(ds, compiled, { asOf: ASOF }).fit);
  const terms = Array.from(scoreFit(compileFit(ds, compiled.rules.fitRules), new Float32Array(ds.leads.count)));
  const explained = Array.from(
    { length: ds.leads.count },
    (_, i) => explainLead(ds, compiled.rules, i, ASOF).fit.score,
  );
  return { kernel, terms, explained };
}

describe('fit rules that match an empty value, and base points for every lead', () => {
  const accounts = [
    { id: 'a1', industry: 'Software', employees: 800, annualRevenueCents: 0, region: 'NA', techStack: [], custom: {} },
  ];
  const leads = [
    lead('l1', '2026-01-01', {}, { accountId: 'a1', persona: 'Sales Leader', custom: { visits: '4', plan: 'pro' } }),
    lead('l2', '2026-01-01', {}, { custom: { visits: '', plan: '' } }), // no account, blank custom values
    lead('l3', '2026-01-01', {}, { accountId: 'a1', custom: { visits: '0', plan: 'free' } }), // no persona
  ];
  const ds = buildDataset(recordSet({ accounts, leads }));

  it('adds base points to every lead and "is empty" points to leads without a value, before the clamp', () => {
    const rules: FitRule[] = [
      { id: 'base', label: 'Base', attribute: '', op: 'always', points: 60 },
      { id: 'no-persona', label: 'No persona', attribute: 'lead.persona', op: 'empty', points: -20 },
      { id: 'no-visits', label: 'No visits figure', attribute: 'lead.custom.visits', op: 'empty', points: -25 },
      { id: 'no-plan', label: 'No plan', attribute: 'lead.custom.plan', op: 'empty', points: -5 },
      { id: 'no-account', label: 'No employees', attribute: 'account.employees', op: 'empty', points: -30 },
      { id: 'visits', label: 'Some visits', attribute: 'lead.custom.visits', op: 'range', min: 1, points: 50 },
    ];
    // l1: 60 + 50 visits = 110 → 100. l2: 60 − 20 − 25 − 5 − 30 = −20 → 0. l3: 60 − 20 (no persona) = 40.
    const { kernel, terms, explained } = fitThreeWays(ds, rules);
    expect(kernel).toEqual([100, 0, 40]);
    expect(terms).toEqual(kernel);
    expect(explained).toEqual(kernel);
    const l3 = explainLead(ds, compileRules(ds, withRules(rules)).rules, 2, ASOF);
    expect(l3.fit.rules.map((r) => [r.ruleId, r.op, r.value, r.points])).toEqual([
      ['base', 'always', '', 60],
      ['no-persona', 'empty', '', -20],
    ]);
    expect(l3.fit.sum).toBe(40);
  });

  it('base points may go beyond the ±50 of a single rule, up to ±100; an ordinary rule stays within ±50', () => {
    const rules: FitRule[] = [
      { id: 'base', label: 'Base', attribute: '', op: 'always', points: -140 },
      { id: 'p', label: 'Persona', attribute: 'lead.persona', op: 'equals', value: 'sales leader', points: 80 },
      { id: 'p2', label: 'Persona set', attribute: 'lead.persona', op: 'in', values: ['Sales Leader'], points: 50 },
    ];
    const compiled = compileRules(ds, withRules(rules));
    expect(compiled.rules.fitRules.map((r) => r.points)).toEqual([-100, 50, 50]);
    // l1: −100 + 50 + 50 = 0; the others −100 → 0.
    expect(fitThreeWays(ds, rules).kernel).toEqual([0, 0, 0]);
  });

  it('an "always" rule reads no attribute, so it is never reported as missing; an "empty" rule on an absent column is', () => {
    const compiled = compileRules(
      ds,
      withRules([
        { id: 'base', label: 'Base', attribute: '', op: 'always', points: 10 },
        { id: 'gone', label: 'Gone', attribute: 'lead.custom.nope', op: 'empty', points: 10 },
      ]),
    );
    expect(compiled.fit.missingAttributes).toEqual(['lead.custom.nope']);
    expect(Array.from(scoreLeads(ds, compiled, { asOf: ASOF }).fit)).toEqual([10, 10, 10]);
  });

  it('survives the rule-set schema (storage, files, URL) and is rejected when malformed', () => {
    const rules: FitRule[] = [
      { id: 'base', label: 'Base', attribute: '', op: 'always', points: 30 },
      { id: 'e', label: 'No plan', attribute: 'lead.custom.plan', op: 'empty', points: -5 },
    ];
    expect(parseRuleSet(JSON.parse(JSON.stringify(withRules(rules))))?.fitRules).toEqual(rules);
    expect(
      parseRuleSet({ ...withRules([]), fitRules: [{ id: 'x', label: 'x', attribute: '', op: 'never', points: 1 }] }),
    ).toBeNull();
  });
});

/** The per-lead reference: a lead's value of each attribute as the user wrote it ("" = none). */
interface RefLead {
  readonly n: string; // numeric custom column, "" when blank
  readonly t: string; // text custom column, "" when blank
}

const refMatches = (r: FitRule, l: RefLead): boolean => {
  if (r.op === 'always') return true;
  const raw = r.attribute === 'lead.custom.n' ? l.n : l.t;
  if (r.op === 'empty') return raw.trim() === '';
  if (r.op === 'range') {
    if (raw.trim() === '') return false;
    const v = Number(raw);
    return (r.min === undefined || v >= r.min) && (r.max === undefined || v < r.max);
  }
  if (r.op === 'equals') return raw.trim() !== '' && raw.trim().toLowerCase() === r.value.trim().toLowerCase();
  return false;
};

describe('range, "is empty" and base rules score as a per-lead reference says', () => {
  const numValue = fc.oneof(fc.constant(''), fc.integer({ min: -5, max: 20 }).map(String));
  const textValue = fc.constantFrom('', 'pro', 'free', 'Team');
  const edge = fc.option(fc.integer({ min: -6, max: 21 }), { nil: undefined });
  const points = fc.integer({ min: -50, max: 50 });
  const rule: fc.Arbitrary<Omit<FitRule, 'id' | 'label'>> = fc.oneof(
    fc
      .record({
        attribute: fc.constant('lead.custom.n'),
        op: fc.constant('range' as const),
        min: edge,
        max: edge,
        points,
      })
      .map(({ min, max, ...r }) => ({
        ...r,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      })),
    fc.record({
      attribute: fc.constantFrom('lead.custom.n', 'lead.custom.t'),
      op: fc.constant('empty' as const),
      points,
    }),
    fc.record({
      attribute: fc.constant(''),
      op: fc.constant('always' as const),
      points: fc.integer({ min: -100, max: 100 }),
    }),
    fc.record({
      attribute: fc.constant('lead.custom.t'),
      op: fc.constant('equals' as const),
      value: fc.constantFrom('pro', 'FREE', ''),
      points,
    }),
  );

  function check(refs: readonly RefLead[], drawn: readonly Omit<FitRule, 'id' | 'label'>[]): void {
    const fitRules = drawn.map((r, k) => ({ ...r, id: `r${k}`, label: `rule ${k}` }) as FitRule);
    const ds = buildDataset(
      recordSet({ leads: refs.map((l, i) => lead(`l${i}`, '2026-01-01', {}, { custom: { n: l.n, t: l.t } })) }),
    );
    const want = refs.map((l) => {
      const sum = fitRules.reduce((s, r) => (refMatches(r, l) ? s + r.points : s), 0);
      return Math.min(100, Math.max(0, sum));
    });
    const { kernel, terms, explained } = fitThreeWays(ds, fitRules);
    expect(kernel).toEqual(want);
    expect(terms).toEqual(want);
    expect(explained).toEqual(want);
  }

  const refLead = fc.record({ n: numValue, t: textValue });

  it('up to 31 rules (the mask path)', () => {
    fc.assert(
      fc.property(fc.array(refLead, { minLength: 1, maxLength: 25 }), fc.array(rule, { maxLength: 12 }), check),
      { numRuns: 300 },
    );
  });

  it('more than 31 rules (the refinement path)', () => {
    fc.assert(
      fc.property(
        fc.array(refLead, { minLength: 1, maxLength: 15 }),
        fc.array(rule, { minLength: 32, maxLength: 40 }),
        check,
      ),
      { numRuns: 60 },
    );
  });
});

describe('rules on account attributes score as through each lead, leads without an account included', () => {
  const industries = ['Software', 'retail', '', 'Fintech'];
  const accounts = Array.from({ length: 7 }, (_, k) => ({
    id: `a${k}`,
    industry: industries[k % 4]!,
    employees: k === 3 ? NaN : k * 900,
    annualRevenueCents: k === 5 ? NaN : k * 7_000_000_00,
    region: k % 2 ? 'NA' : 'EMEA',
    techStack: [],
    custom: { plan: ['pro', '', 'Team', 'free'][k % 4]!, seats: k === 2 ? '' : String(k * 40) },
  }));
  const points = fc.integer({ min: -50, max: 50 });
  const rule: fc.Arbitrary<Omit<FitRule, 'id' | 'label'>> = fc.oneof(
    fc.record({
      attribute: fc.constantFrom('account.industry', 'account.custom.plan', 'account.region', 'account.custom.none'),
      op: fc.constantFrom('equals' as const, 'contains' as const),
      value: fc.constantFrom('software', 'PRO', 'a', ''),
      points,
    }),
    fc.record({
      attribute: fc.constantFrom(
        'account.industry',
        'account.custom.plan',
        'account.custom.seats',
        'account.employees',
      ),
      op: fc.constant('empty' as const),
      points,
    }),
    fc.record({
      attribute: fc.constantFrom('account.employees', 'account.annualRevenue', 'account.custom.seats'),
      op: fc.constant('range' as const),
      min: fc.integer({ min: 0, max: 4000 }),
      max: fc.integer({ min: 100, max: 40_000_000 }),
      points,
    }),
    fc.record({
      attribute: fc.constantFrom('account.employees', 'account.custom.seats'),
      op: fc.constant('in' as const),
      values: fc.subarray(['0', '80', '1800', '']),
      points,
    }),
    fc.record({
      attribute: fc.constant('lead.persona'),
      op: fc.constant('equals' as const),
      value: fc.constant('VP'),
      points,
    }),
  );

  it('for any rules over a mix of leads with and without an account', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 20 }),
        fc.array(rule, { minLength: 1, maxLength: 12 }),
        (accountOf, drawn) => {
          const leads = accountOf.map((a, i) =>
            lead(
              `l${i}`,
              '2026-01-01',
              {},
              { persona: i % 3 ? 'VP' : 'Student', ...(a >= 0 ? { accountId: `a${a}` } : {}) },
            ),
          );
          const ds = buildDataset(recordSet({ accounts, leads }));
          const fitRules = drawn.map((r, k) => ({ ...r, id: `r${k}`, label: `rule ${k}` }) as FitRule);
          const { kernel, terms, explained } = fitThreeWays(ds, fitRules);
          expect(kernel).toEqual(terms);
          expect(explained).toEqual(terms);
        },
      ),
      { numRuns: 200 },
    );
  });
});
