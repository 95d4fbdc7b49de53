// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import { decodeRuleLink } from '../../src/state/rule-link';
import { STORAGE_KEY, loadStoredRules } from '../../src/state/rule-storage';
import { rulesActions } from '../../src/state/rules';
import { currentSearch, flushSearch } from '../../src/state/url';

describe('rule set events', () => {
  beforeEach(() => {
    window.localStorage.removeItem(STORAGE_KEY);
    rulesActions.storageReloaded();
    flushSearch();
    window.history.replaceState(null, '', '/rules?mqlFit=50&high=70');
  });

  it('a moved threshold is clamped where it is typed and written under its rule-set name', () => {
    rulesActions.thresholdChanged('mqlMinFit', 250);
    expect(currentSearch()).toBe('?high=70&mqlMinFit=100');
    rulesActions.mqlModeChosen('single-score');
    expect(currentSearch()).toBe('?high=70&mqlMinFit=100&mqlMode=single-score');
  });

  it('applying and saving the draft keep the thresholds in effect, from an old link too', () => {
    rulesActions.halfLifeChanged(14);
    rulesActions.ruleSetSaved(' Short decay ');
    rulesActions.draftApplied();
    const stored = loadStoredRules(window.localStorage);
    const expected = {
      ...DEFAULT_RULE_SET,
      halfLifeDays: 14,
      tiers: { ...DEFAULT_RULE_SET.tiers, intentHigh: 70 },
      qualification: { ...DEFAULT_RULE_SET.qualification, mqlMinFit: 50 },
    };
    expect(stored.applied).toEqual(expected);
    expect(stored.saved).toMatchObject([{ name: 'Short decay', rules: expected }]);
    const link = new URLSearchParams(currentSearch()).get('rules')!;
    expect(decodeRuleLink(link)).toMatchObject({ ok: true, linked: { rules: expected } });
  });

  it('a reset makes the draft and the thresholds in effect the defaults', () => {
    rulesActions.halfLifeChanged(14);
    rulesActions.draftReset();
    const p = new URLSearchParams(currentSearch());
    expect(p.get('mqlFit')).toBeNull();
    expect(p.get('mqlMinFit')).toBe(String(DEFAULT_RULE_SET.qualification.mqlMinFit));
    expect(p.get('intentHigh')).toBe(String(DEFAULT_RULE_SET.tiers.intentHigh));
    rulesActions.draftApplied();
    expect(loadStoredRules(window.localStorage).applied).toEqual(DEFAULT_RULE_SET);
  });

  it('a saved set keeps the stage → forecast category map in the URL, and loading it restores that map', () => {
    window.history.replaceState(null, '', '/rules?cat.proposal=commit&cat.sqo=omitted&source=web');
    rulesActions.ruleSetSaved('Tight commit');
    expect(loadStoredRules(window.localStorage).saved).toMatchObject([
      { name: 'Tight commit', stageCategories: { proposal: 'commit', sqo: 'omitted' } },
    ]);
    // Another map in use; loading the set brings its own back, leaving the other parameters.
    window.history.replaceState(null, '', '/rules?cat.discovery=best_case&source=web');
    rulesActions.savedSetLoaded(loadStoredRules(window.localStorage).saved[0]!);
    const p = new URLSearchParams(currentSearch());
    expect([...p.keys()].filter((k) => k.startsWith('cat.')).sort()).toEqual(['cat.proposal', 'cat.sqo']);
    expect([p.get('cat.proposal'), p.get('cat.sqo'), p.get('source')]).toEqual(['commit', 'omitted', 'web']);
  });

  it('loading a set saved before the map was kept restores the default map', () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 2,
        applied: DEFAULT_RULE_SET,
        saved: [{ name: 'old', savedAt: '2026-10-01T00:00:00.000Z', rules: { ...DEFAULT_RULE_SET, halfLifeDays: 21 } }],
      }),
    );
    rulesActions.storageReloaded();
    window.history.replaceState(null, '', '/rules?cat.proposal=commit');
    rulesActions.savedSetLoaded(loadStoredRules(window.localStorage).saved[0]!);
    const p = new URLSearchParams(currentSearch());
    expect([...p.keys()].filter((k) => k.startsWith('cat.'))).toEqual([]);
    expect(p.get('intentHigh')).toBe(String(DEFAULT_RULE_SET.tiers.intentHigh));
  });
});
