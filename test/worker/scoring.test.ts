import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { thresholdFreeKey } from '../../src/engine/scoring/what-if-prepare';
import type { EngineApi } from '../../src/worker/api';
import { createEngineService } from '../../src/worker/service';

const withMql = (fit: number, intent: number): RuleSet => ({
  ...DEFAULT_RULE_SET,
  qualification: { ...DEFAULT_RULE_SET.qualification, mqlMinFit: fit, mqlMinIntent: intent },
});

describe('scoring handlers', () => {
  let api: EngineApi;
  beforeAll(async () => {
    api = createEngineService();
    await api.loadDemo({ leads: 3000 });
  });

  it('compares draft, applied and recorded over the same matured leads', async () => {
    const vm = await api.whatIf({ filters: {}, draft: withMql(20, 10), applied: DEFAULT_RULE_SET });
    expect(vm.matured).toBeGreaterThan(1000);
    // Lower thresholds qualify at least as many leads, with at least the recall.
    expect(vm.draft.mql).toBeGreaterThanOrEqual(vm.applied.mql);
    expect(vm.draft.recallSqo!).toBeGreaterThanOrEqual(vm.applied.recallSqo!);
    expect(vm.recorded.mql).toBeGreaterThan(0);
    // The recorded process's SQOs are all leads that reached SQO: recall 1 when every SQO was an MQL.
    expect(vm.recorded.sqo).toBeLessThanOrEqual(vm.totals.reachedSqo);
    const same = await api.whatIf({ filters: {}, draft: DEFAULT_RULE_SET, applied: DEFAULT_RULE_SET });
    expect(same.draft).toEqual(same.applied);
  });

  it('a dragged weight slider gives the figures a freshly loaded engine computes', async () => {
    const fresh = createEngineService();
    const withPoints = (type: string, points: number): RuleSet => ({
      ...DEFAULT_RULE_SET,
      activities: DEFAULT_RULE_SET.activities.map((a) => (a.type === type ? { ...a, points } : a)),
    });
    for (const draft of [
      withPoints('demo_request', 26),
      withPoints('demo_request', 31),
      withPoints('demo_request', -4),
      withPoints('page_view', 7),
    ]) {
      const vm = await api.whatIf({ filters: {}, draft, applied: DEFAULT_RULE_SET });
      const changes = await api.statusChanges({ filters: {}, rules: draft, limit: 25 });
      await fresh.loadDemo({ leads: 3000 });
      expect(vm).toEqual(await fresh.whatIf({ filters: {}, draft, applied: DEFAULT_RULE_SET }));
      expect(changes).toEqual(await fresh.statusChanges({ filters: {}, rules: draft, limit: 25 }));
    }
  });

  it('takes the key of a rule set from the caller and gives the figures it computes without one', async () => {
    const fresh = createEngineService();
    await fresh.loadDemo({ leads: 3000 });
    const key = thresholdFreeKey(DEFAULT_RULE_SET);
    // A threshold slider's values: the key stays the same, the figures follow the threshold.
    for (const draft of [withMql(25, 15), withMql(35, 15), withMql(60, 40)]) {
      expect(thresholdFreeKey(draft)).toBe(key);
      const keyed = await api.whatIf({ filters: {}, draft, applied: DEFAULT_RULE_SET, draftKey: key, appliedKey: key });
      expect(keyed).toEqual(await fresh.whatIf({ filters: {}, draft, applied: DEFAULT_RULE_SET }));
      const changes = await api.statusChanges({ filters: {}, rules: draft, rulesKey: key, limit: 25 });
      expect(changes).toEqual(await fresh.statusChanges({ filters: {}, rules: draft, limit: 25 }));
    }
  });

  it('lists the status changes the what-if counts', async () => {
    const rules = withMql(30, 20);
    const vm = await api.whatIf({ filters: {}, draft: rules, applied: rules });
    const ch = await api.statusChanges({ filters: {}, rules, limit: 10 });
    expect(ch.total).toBe(vm.draft.newlyQualified + vm.draft.dropped);
    expect(ch.rows.length).toBe(Math.min(10, ch.total));
  });

  it('filters narrow the population', async () => {
    const all = await api.whatIf({ filters: {}, draft: DEFAULT_RULE_SET, applied: DEFAULT_RULE_SET });
    const some = await api.whatIf({
      filters: { segments: ['Enterprise'] },
      draft: DEFAULT_RULE_SET,
      applied: DEFAULT_RULE_SET,
    });
    expect(some.matured).toBeLessThan(all.matured);
  });

  it('builds the intent overview with tiers that add up to the leads in scope', async () => {
    const vm = await api.intentOverview({ filters: {}, rules: DEFAULT_RULE_SET });
    expect(vm.tiers.High + vm.tiers.Mid + vm.tiers.Low).toBe(vm.leads);
    expect(vm.matrix.reduce((s, c) => s + c.leads, 0)).toBe(vm.matured);
    const histTotal = vm.histograms.intent.reduce((s, b) => s + b.converted + b.notConverted, 0);
    expect(histTotal).toBe(vm.matured);
    expect(vm.auc.sqo.intent).toBeGreaterThan(0.5);
    // Precision and recall at the threshold agree with the what-if of the same rules.
    const wi = await api.whatIf({ filters: {}, draft: DEFAULT_RULE_SET, applied: DEFAULT_RULE_SET });
    expect(vm.atThreshold.qualified).toBe(wi.draft.mql);
    expect(vm.atThreshold.precisionSqo).toBeCloseTo(wi.draft.precisionSqo!, 12);
    expect(vm.atThreshold.recallWon).toBeCloseTo(wi.draft.recallWon!, 12);
    // Scored before the outcome, intent does not reach the inflated ≈0.96.
    expect(vm.auc.sqo.intent).toBeLessThan(0.9);
  });

  it('explains a lead and lists the attributes a rule can read', async () => {
    const cat = await api.scoringCatalog();
    expect(cat.attributes.map((a) => a.ref)).toContain('account.industry');
    expect(cat.activityTypes).toContain('pricing_view');
    expect(await api.explainLead({ rules: DEFAULT_RULE_SET, leadId: 'nope' })).toBeNull();
  });
});
