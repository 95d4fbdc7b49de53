import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { encodeRuleLink } from '../../src/state/rule-link';
import {
  THRESHOLD_NAMES,
  readRuleSets,
  readThresholds,
  thresholdOf,
  withThreshold,
  writeThreshold,
  writeThresholds,
} from '../../src/state/rule-set-url';

const read = (search: string, base: RuleSet = DEFAULT_RULE_SET) => readThresholds(new URLSearchParams(search), base);

describe('thresholds in the URL', () => {
  it('are read under their rule-set names, clamped, and fall back to the rules in use when absent or malformed', () => {
    const r = read('mqlMinFit=55&mqlMinIntent=250&intentHigh=abc&icpTier2=-5&mqlMode=single-score');
    expect(r.qualification).toMatchObject({
      mqlMinFit: 55,
      mqlMinIntent: 100,
      mqlMinCombined: DEFAULT_RULE_SET.qualification.mqlMinCombined,
      mqlMode: 'single-score',
    });
    expect(r.tiers).toEqual({ ...DEFAULT_RULE_SET.tiers, icpTier2: 0 });
    // Everything else is the base's.
    expect({ ...r, tiers: null, qualification: null }).toEqual({
      ...DEFAULT_RULE_SET,
      tiers: null,
      qualification: null,
    });
  });

  it('reads links made before version 2 (mqlFit, high, tier1, mqlMode=two|single), so shared links still open', () => {
    const r = read('mqlFit=55&mqlIntent=45&mqlScore=61&high=70&mid=35&tier1=80&tier2=52&mqlMode=single');
    expect(r.qualification).toMatchObject({
      mqlMinFit: 55,
      mqlMinIntent: 45,
      mqlMinCombined: 61,
      mqlMode: 'single-score',
    });
    expect(r.tiers).toEqual({ intentHigh: 70, intentMid: 35, icpTier1: 80, icpTier2: 52 });
    expect(read('mqlMode=two', read('mqlMode=single')).qualification.mqlMode).toBe('two-score');
    expect(read('mqlMode=sometimes').qualification.mqlMode).toBe(DEFAULT_RULE_SET.qualification.mqlMode);
  });

  it('prefers the version 2 name when a URL has both, and writing a threshold drops its version 1 name', () => {
    expect(read('mqlFit=10&mqlMinFit=20').qualification.mqlMinFit).toBe(20);
    const p = new URLSearchParams('mqlFit=10&high=70&source=web');
    writeThreshold(p, 'mqlMinFit', 30);
    expect(p.toString()).toBe('high=70&source=web&mqlMinFit=30');
  });

  it('round-trips every threshold and the MQL mode of any rule set', () => {
    const value = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        fc.tuple(...THRESHOLD_NAMES.map(() => value)),
        fc.constantFrom('two-score' as const, 'single-score' as const),
        (values, mode) => {
          let r: RuleSet = { ...DEFAULT_RULE_SET, qualification: { ...DEFAULT_RULE_SET.qualification, mqlMode: mode } };
          THRESHOLD_NAMES.forEach((name, i) => (r = withThreshold(r, name, values[i]!)));
          const p = new URLSearchParams();
          writeThresholds(p, r);
          expect(read(p.toString())).toEqual(r);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives back the rules in use themselves when the URL sets no threshold that differs', () => {
    expect(read('source=web')).toBe(DEFAULT_RULE_SET);
    expect(read(`mqlMinFit=${DEFAULT_RULE_SET.qualification.mqlMinFit}`)).toBe(DEFAULT_RULE_SET);
  });
});

describe('the rule sets a URL gives', () => {
  const linked: RuleSet = { ...DEFAULT_RULE_SET, halfLifeDays: 10 };
  const draft: RuleSet = withThreshold({ ...DEFAULT_RULE_SET, halfLifeDays: 21 }, 'mqlMinFit', 5);

  it("score with a link's rules and the link's thresholds; the draft takes the thresholds in effect, not its own", () => {
    const params = new URLSearchParams({ rules: encodeRuleLink(linked, 'Q3'), mqlFit: '70' });
    const sets = readRuleSets(params, DEFAULT_RULE_SET, draft);
    expect(sets.inUse).toMatchObject({ rules: linked, source: 'linked', name: 'Q3' });
    expect(sets.scoring).toEqual(withThreshold(linked, 'mqlMinFit', 70));
    expect(sets.draft).toEqual(withThreshold(draft, 'mqlMinFit', 70));
  });

  it('without thresholds in the URL, the draft takes those of the rules in use', () => {
    const sets = readRuleSets(new URLSearchParams(), linked, draft);
    expect(sets.scoring).toBe(linked);
    for (const name of THRESHOLD_NAMES) expect(thresholdOf(sets.draft, name)).toBe(thresholdOf(linked, name));
    expect(sets.draft.halfLifeDays).toBe(21);
  });
});
