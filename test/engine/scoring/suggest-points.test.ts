import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { FeatureSpec } from '../../../src/engine/scoring/features';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import { suggestWeights, type SuggestResult, type SuggestedWeights } from '../../../src/engine/scoring/suggest';
import { modelToRuleSet } from '../../../src/engine/scoring/to-rules';
import { negativeSignalsRecords } from '../../fixtures/negative-signals';
import { lead, recordSet } from '../../fixtures/records';
import { YOUNG_AS_OF, youngLeadsRecords } from '../../fixtures/young-leads';

function fitted(s: SuggestResult): SuggestedWeights {
  if (s.status !== 'fitted') throw new Error(`expected a fit, got a refusal: ${s.reason}`);
  return s;
}

describe('the fitted model as points', () => {
  it('ranks as the model does where points without a base tied most leads at 0', () => {
    // Points made without base points left 89% of these leads at fit 0 (holdout AUC 0.667 against the model's 0.820).
    const ds = buildDataset(negativeSignalsRecords());
    const asOf = Date.UTC(2026, 0, 1);
    const s = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'won', seed: 1 }));
    expect(s.holdoutAuc.suggested!).toBeGreaterThan(0.75);
    expect(Math.abs(s.holdoutAuc.suggestedRules! - s.holdoutAuc.suggested!)).toBeLessThanOrEqual(0.01);
    const fit = scoreLeads(ds, compileRules(ds, s.ruleSet), { asOf }).fit;
    const atZero = fit.filter((v) => v === 0).length;
    const atTop = fit.filter((v) => v === 100).length;
    expect(atZero / ds.leads.count).toBeLessThan(0.02);
    expect(atTop / ds.leads.count).toBeLessThan(0.02);
    const rules = s.ruleSet.fitRules;
    expect(rules.filter((r) => r.op === 'always').length).toBeGreaterThan(0);
    // Bounces become ranges cut at the data's quantiles, and a missing figure its own rule.
    const bounces = rules.filter((r) => r.attribute === 'lead.custom.bounces');
    expect(bounces.filter((r) => r.op === 'range').length).toBeGreaterThanOrEqual(8);
    expect(bounces.filter((r) => r.op === 'empty')).toHaveLength(1);
    // More bounces, fewer points (the model's negative weight).
    const ranges = bounces
      .flatMap((r) => (r.op === 'range' ? [r] : []))
      .sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
    expect(ranges[0]!.points).toBeGreaterThan(ranges.at(-1)!.points);
  });

  it('gives a near-zero weight no points', () => {
    const ds = buildDataset(
      recordSet({
        leads: [0, 1, 2, 3].map((i) =>
          lead(`l${i}`, '2026-01-01', {}, { persona: i % 2 ? 'A' : 'B', custom: { n: String(i) } }),
        ),
      }),
    );
    const specs: FeatureSpec[] = [
      { name: 'Persona = A', column: 'lead.persona', kind: 'onehot', value: 'A' },
      { name: 'n', column: 'lead.custom.n', kind: 'numeric', mean: 1.5, std: 1.29, log: false },
    ];
    const rows = Uint32Array.from([0, 1, 2, 3]);
    const X = Float64Array.from([0, -1.16, 1, -0.39, 0, 0.39, 1, 1.16]);
    const y = Uint8Array.from([0, 1, 0, 1]);
    const tiny = modelToRuleSet({
      ds,
      current: DEFAULT_RULE_SET,
      rows,
      train: rows,
      y,
      specs,
      weights: Float64Array.from([1e-9, -1e-9]),
      X,
      d: 2,
    });
    expect(tiny.fitRules).toEqual([]);
    expect(tiny.activities).toEqual([]);
    // A real weight does give points.
    const real = modelToRuleSet({
      ds,
      current: DEFAULT_RULE_SET,
      rows,
      train: rows,
      y,
      specs,
      weights: Float64Array.from([1.2, 0]),
      X,
      d: 2,
    });
    expect(real.fitRules.find((r) => r.op === 'equals')?.points).toBeGreaterThan(0);
  });

  it('on the demo company, the suggested points beat the default rules on the holdout', () => {
    const ds = buildDataset(generateDemoCompany({ leads: 10_000 }).records);
    for (const outcome of ['won', 'sqo'] as const) {
      const s = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf: ds.meta.latestAt, outcome, seed: 1 }));
      expect(s.holdoutAuc.suggestedRules!).toBeGreaterThan(s.holdoutAuc.current! + 0.02);
    }
  });
});

describe('a fit that refuses to mislead', () => {
  const ds = buildDataset(youngLeadsRecords());

  it('counts the population and refuses, with the reason, when every lead without an outcome is immature', () => {
    const s = suggestWeights(ds, DEFAULT_RULE_SET, { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 });
    expect(s.status).toBe('refused');
    if (s.status !== 'refused') return;
    expect(s).not.toHaveProperty('ruleSet');
    expect(s.population).toMatchObject({ inScope: 400, matured: 100, immature: 300 });
    expect(s.population.train.negatives + s.population.holdout.negatives).toBe(0);
    expect(s.population.train.positives + s.population.holdout.positives).toBe(100);
    expect(s.reason).toContain(
      'Every lead without an outcome is younger than the 180-day maturity window as of 2024-02-01',
    );
    expect(s.reason).toContain('choose a later as-of date or a shorter maturity window');
  });

  it('fits once a shorter window matures enough leads of both outcomes', () => {
    const s = suggestWeights(
      ds,
      { ...DEFAULT_RULE_SET, maturityDays: 30 },
      { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 },
    );
    expect(s.status).toBe('fitted');
    expect(
      Math.min(
        s.population.train.negatives,
        s.population.holdout.negatives,
        s.population.train.positives,
        s.population.holdout.positives,
      ),
    ).toBeGreaterThanOrEqual(20);
  });

  it('says when the current rules read no column of the dataset', () => {
    const s = suggestWeights(
      ds,
      { ...DEFAULT_RULE_SET, maturityDays: 30 },
      { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 },
    );
    // The default rules read persona: they do read this file.
    expect(s.currentRulesNote).toBeNull();
    // Rules written for another CRM: a custom column and activity types this file does not have.
    const foreign = {
      ...DEFAULT_RULE_SET,
      maturityDays: 30,
      fitRules: [
        { id: 'plan', label: 'Plan', attribute: 'lead.custom.plan', op: 'equals' as const, value: 'pro', points: 30 },
      ],
    };
    const t = suggestWeights(ds, foreign, { asOf: YOUNG_AS_OF, outcome: 'won', seed: 1 });
    expect(t.currentRulesNote).toMatch(
      /read no column of this dataset \(attributes lead\.custom\.plan; activity types .*\).*Fit suggested weights/,
    );
  });
});
