import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { QUALIFICATION_CRITERIA } from '../../src/engine/model/stages';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import { FRAMEWORKS, type FitRule, type RuleSet } from '../../src/engine/scoring/rules';
import { clampRuleSet } from '../../src/engine/scoring/validate';
import {
  RULES_PARAM,
  canonicalJson,
  checksum,
  decodeRuleLink,
  encodeRuleLink,
  writeRuleLink,
} from '../../src/state/rule-link';
import { resolveRulesInUse } from '../../src/state/rule-set-url';

const text = fc.string({ unit: 'grapheme', maxLength: 16 });
const word = fc.string({ minLength: 1, maxLength: 12 });
const points = fc.integer({ min: -50, max: 50 });
const amount = fc.integer({ min: -1_000_000, max: 10_000_000 });
const base = { id: word, label: text, attribute: word, points };

const fitRule: fc.Arbitrary<FitRule> = fc.oneof(
  fc.record({ ...base, op: fc.constant('equals' as const), value: text }),
  fc.record({ ...base, op: fc.constant('in' as const), values: fc.array(text, { maxLength: 4 }) }),
  fc.record(
    { ...base, op: fc.constant('range' as const), min: amount, max: amount },
    { requiredKeys: ['id', 'label', 'attribute', 'points', 'op'] },
  ),
  fc.record({ ...base, op: fc.constant('contains' as const), value: text }),
  fc.record({ ...base, op: fc.constant('empty' as const) }),
  fc.record({ ...base, attribute: fc.constant(''), op: fc.constant('always' as const) }),
);

/** Any rule set the app could hold (clamped into the engine's bounds, as every stored one is). */
const ruleSet: fc.Arbitrary<RuleSet> = fc
  .record({
    fitRules: fc.array(fitRule, { maxLength: 12 }),
    activities: fc.array(fc.record({ type: word, points, cap: fc.integer({ min: 0, max: 100 }) }), { maxLength: 8 }),
    halfLifeDays: fc.integer({ min: 1, max: 365 }),
    tiers: fc.record({
      icpTier1: fc.integer({ min: 0, max: 100 }),
      icpTier2: fc.integer({ min: 0, max: 100 }),
      intentHigh: fc.integer({ min: 0, max: 100 }),
      intentMid: fc.integer({ min: 0, max: 100 }),
    }),
    qualification: fc.record({
      mqlMode: fc.constantFrom('two-score' as const, 'single-score' as const),
      mqlMinFit: fc.integer({ min: 0, max: 100 }),
      mqlMinIntent: fc.integer({ min: 0, max: 100 }),
      mqlMinCombined: fc.integer({ min: 0, max: 100 }),
      fitWeight: fc.integer({ min: 0, max: 20 }).map((k) => k * 0.05),
      sqlActivity: word,
      framework: fc.constantFrom(...FRAMEWORKS),
      requiredCriteria: fc.subarray([...QUALIFICATION_CRITERIA]),
    }),
    maturityDays: fc.integer({ min: 7, max: 730 }),
    scoringWindowDays: fc.integer({ min: 1, max: 365 }),
  })
  .map(clampRuleSet);

const name = fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { nil: null });

/** A link built by hand from a payload, with a correct checksum: only the schema can refuse it. */
function forged(payload: unknown): string {
  const json = canonicalJson(payload);
  let bin = '';
  for (const b of deflateSync(strToU8(json))) bin += String.fromCharCode(b);
  return `1.${checksum(json)}.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('the rule set in a link', () => {
  it('round-trips any rule set and its name', () => {
    fc.assert(
      fc.property(ruleSet, name, (rules, n) => {
        const back = decodeRuleLink(encodeRuleLink(rules, n));
        expect(back).toEqual({ ok: true, linked: { rules, name: n } });
      }),
      { numRuns: 300 },
    );
  });

  it('is compact: only the changed parts travel, deflated', () => {
    const rules = {
      ...DEFAULT_RULE_SET,
      activities: DEFAULT_RULE_SET.activities.map((a, i) => (i === 0 ? { ...a, points: a.points + 5 } : a)),
    };
    expect(encodeRuleLink(rules).length).toBeLessThan(JSON.stringify(rules).length / 4);
    expect(encodeRuleLink({ ...DEFAULT_RULE_SET, halfLifeDays: 14 }).length).toBeLessThan(60);
    expect(encodeRuleLink(DEFAULT_RULE_SET).length).toBeLessThan(30);
    expect(encodeRuleLink(rules)).toMatch(/^1\./);
  });

  it('refuses a link changed after it was made, with a notice', () => {
    fc.assert(
      fc.property(ruleSet, fc.nat(), fc.constantFrom(...'ABCabc012-_'), (rules, at, ch) => {
        const link = encodeRuleLink(rules);
        const start = link.lastIndexOf('.') + 1;
        const i = start + (at % (link.length - start));
        if (link[i] === ch) return;
        const back = decodeRuleLink(link.slice(0, i) + ch + link.slice(i + 1));
        // Either refused, or the change fell in the base64 padding bits and changed nothing.
        if (back.ok) expect(back.linked.rules).toEqual(rules);
        else
          expect(back.notice).toMatch(
            /^This link's rules could not be read \(.+\); your own rules are used instead\.$/,
          );
      }),
      { numRuns: 300 },
    );
  });

  it('says why it refuses: edited, damaged, another version, not a rule set', () => {
    const custom = { ...DEFAULT_RULE_SET, halfLifeDays: 14 };
    const link = encodeRuleLink(custom);
    const [, sum] = link.split('.');
    const edited = forged({ r: { halfLifeDays: 99 } }).split('.');
    expect(decodeRuleLink(`1.${sum}.${edited[2]}`)).toMatchObject({
      ok: false,
      notice: expect.stringContaining('changed after it was made'),
    });
    expect(decodeRuleLink(link.replace(/^1\./, '2.'))).toMatchObject({
      ok: false,
      notice: expect.stringContaining('version 2'),
    });
    expect(decodeRuleLink('1.abc.%%%')).toMatchObject({ ok: false, notice: expect.stringContaining('expected form') });
    expect(decodeRuleLink('1.abc.AAAA')).toMatchObject({ ok: false, notice: expect.stringContaining('damaged') });
    expect(decodeRuleLink('hello')).toMatchObject({ ok: false });
    expect(decodeRuleLink(forged({ r: { halfLifeDays: 'soon' } }))).toMatchObject({
      ok: false,
      notice: expect.stringContaining('halfLifeDays is not valid'),
    });
    expect(decodeRuleLink(forged({ r: { evil: 1 } }))).toMatchObject({
      ok: false,
      notice: expect.stringContaining('unknown part "evil"'),
    });
    expect(decodeRuleLink(forged({ r: {}, extra: true }))).toMatchObject({
      ok: false,
      notice: expect.stringContaining('not a rule set'),
    });
    // A forged but valid rule set is read, clamped into the engine's bounds.
    expect(decodeRuleLink(forged({ r: { halfLifeDays: 9999 } }))).toMatchObject({
      ok: true,
      linked: { rules: { halfLifeDays: 365 } },
    });
  });

  it('leaves the URL without rules when they are the defaults', () => {
    const p = new URLSearchParams('rules=old&from=2026-01-01');
    writeRuleLink(p, DEFAULT_RULE_SET);
    expect(p.toString()).toBe('from=2026-01-01');
    writeRuleLink(p, { ...DEFAULT_RULE_SET, maturityDays: 90 });
    expect(decodeRuleLink(p.get(RULES_PARAM)!)).toMatchObject({ ok: true, linked: { rules: { maturityDays: 90 } } });
  });
});

describe('the rules in use', () => {
  const mine = { ...DEFAULT_RULE_SET, halfLifeDays: 45 };
  const theirs = { ...DEFAULT_RULE_SET, halfLifeDays: 10 };

  it("are the link's when it carries rules other than mine, named as saved", () => {
    expect(resolveRulesInUse(encodeRuleLink(theirs, 'Q3 test'), mine)).toEqual({
      rules: theirs,
      source: 'linked',
      name: 'Q3 test',
      notice: null,
    });
  });

  it('are mine when the link carries none, the same ones, or rules it cannot read (then with a notice)', () => {
    expect(resolveRulesInUse(null, mine)).toMatchObject({ rules: mine, source: 'applied', notice: null });
    expect(resolveRulesInUse(encodeRuleLink(mine), mine)).toMatchObject({
      rules: mine,
      source: 'applied',
      notice: null,
    });
    const bad = resolveRulesInUse('1.x.yyyy', mine);
    expect(bad).toMatchObject({ rules: mine, source: 'applied' });
    expect(bad.notice).toMatch(/could not be read/);
  });
});
