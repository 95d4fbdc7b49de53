import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import {
  DEFAULT_EXCLUDED,
  buildDesignMatrix,
  designRows,
  type FeatureSpec,
} from '../../../src/engine/scoring/features';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { plattScale, predictLeads, type PredictiveModel } from '../../../src/engine/scoring/predictive';
import { suggestWeights, type SuggestResult, type SuggestedWeights } from '../../../src/engine/scoring/suggest';
import { lead, recordSet } from '../../fixtures/records';

function fitted(s: SuggestResult): SuggestedWeights {
  if (s.status !== 'fitted') throw new Error(`expected a fit, got a refusal: ${s.reason}`);
  return s;
}

describe('a lead’s probability and its factors', () => {
  // Three leads: persona A with n = 3.5, persona B with n = 0.5, persona A with n missing.
  const ds = buildDataset(
    recordSet({
      leads: [
        lead('a', '2026-01-01', {}, { persona: 'A', custom: { n: '3.5' } }),
        lead('b', '2026-01-01', {}, { persona: 'B', custom: { n: '0.5' } }),
        lead('c', '2026-01-01', {}, { persona: 'A', custom: { n: '' } }),
      ],
    }),
  );
  const specs: FeatureSpec[] = [
    { name: 'Persona = A', column: 'lead.persona', kind: 'onehot', value: 'A' },
    { name: 'n', column: 'lead.custom.n', kind: 'numeric', mean: 1.5, std: 2, log: false },
    { name: 'n missing', column: 'lead.custom.n', kind: 'missing' },
  ];
  const model: PredictiveModel = {
    outcome: 'won',
    specs,
    bias: -0.2,
    weights: [0.8, -0.5, 1.1],
    calibration: { method: 'platt', a: 0.9, c: 0.1 },
    halfLifeDays: 30,
    maturityDays: 180,
    scoringWindowDays: 30,
  };
  const cutoff = new Float64Array(3).fill(Date.UTC(2026, 5, 1));

  it('equals the hand computation: σ(a·(b + Σ w·x) + c)', () => {
    const [a, b, c] = predictLeads(ds, model, Uint32Array.from([0, 1, 2]), cutoff);
    // Lead a: x = (1, (3.5 − 1.5) / 2 = 1, 0): z = −0.2 + 0.8 − 0.5 = 0.1; p = σ(0.9 × 0.1 + 0.1) = σ(0.19).
    expect(a!.logit).toBeCloseTo(0.1, 12);
    expect(a!.probability).toBeCloseTo(1 / (1 + Math.exp(-0.19)), 12);
    expect(a!.factors).toEqual([
      { feature: 'Persona = A', direction: 'up', contribution: 0.8 },
      { feature: 'n', direction: 'down', contribution: -0.5 },
    ]);
    // Lead b: x = (0, (0.5 − 1.5) / 2 = −0.5, 0): z = −0.2 + 0.25 = 0.05.
    expect(b!.probability).toBeCloseTo(1 / (1 + Math.exp(-(0.9 * 0.05 + 0.1))), 12);
    expect(b!.factors).toEqual([{ feature: 'n', direction: 'up', contribution: 0.25 }]);
    // Lead c: n missing — imputed at the mean (x = 0) and flagged: z = −0.2 + 0.8 + 1.1 = 1.7; the flag first.
    expect(c!.logit).toBeCloseTo(1.7, 12);
    expect(c!.factors.map((f) => f.feature)).toEqual(['n missing', 'Persona = A']);
  });

  it('Platt scaling with an intercept makes the mean probability equal the positive rate', () => {
    const z = Float64Array.from([-2, -1, -0.5, 0, 0.3, 1, 1.5, 2, 3, -3]);
    const y = Uint8Array.from([0, 0, 1, 0, 1, 1, 0, 1, 1, 0]);
    const mask = new Uint8Array(10).fill(1);
    const cal = plattScale(z, y, mask);
    const mean = Array.from(z).reduce((s, v) => s + 1 / (1 + Math.exp(-(cal.a * v + cal.c))), 0) / 10;
    expect(mean).toBeCloseTo(0.5, 9);
    expect(cal.a).toBeGreaterThan(0);
  });
});

describe('predictive scores on the demo company', () => {
  const ds = buildDataset(generateDemoCompany({ leads: 3000 }).records);
  const asOf = ds.meta.latestAt;
  const s = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'sqo', seed: 2 }));
  const out = leadOutcomes(ds, {
    asOf,
    maturityDays: DEFAULT_RULE_SET.maturityDays,
    scoringWindowDays: DEFAULT_RULE_SET.scoringWindowDays,
  });

  it('is calibrated on the holdout: mean probability = the share that reached SQO', () => {
    expect(s.predictive.calibration.method).toBe('platt');
    expect(s.calibrationCheck.meanProbability).toBeCloseTo(s.calibrationCheck.positiveRate, 6);
    expect(s.calibrationCheck.positiveRate).toBeCloseTo(s.population.holdout.positives / s.population.holdout.rows, 12);
  });

  it('scores any lead with the features as fitted, factors sorted by |contribution|', () => {
    const matured = Uint32Array.from(Array.from({ length: ds.leads.count }, (_, i) => i).filter((i) => out.matured[i]));
    const dm = buildDesignMatrix(ds, matured, out.cutoff, DEFAULT_RULE_SET.halfLifeDays, DEFAULT_EXCLUDED);
    const again = designRows(ds, dm.specs, matured, out.cutoff, DEFAULT_RULE_SET.halfLifeDays);
    let worst = 0;
    for (let k = 0; k < again.length; k++) worst = Math.max(worst, Math.abs(again[k]! - dm.X[k]!));
    expect(worst).toBeLessThan(1e-12);
    const all = predictLeads(
      ds,
      s.predictive,
      Uint32Array.from({ length: ds.leads.count }, (_, i) => i),
      out.cutoff,
    );
    expect(all).toHaveLength(ds.leads.count);
    for (const p of all) {
      expect(p.probability).toBeGreaterThan(0);
      expect(p.probability).toBeLessThan(1);
      expect(p.factors.length).toBeLessThanOrEqual(3);
      for (let k = 1; k < p.factors.length; k++)
        expect(Math.abs(p.factors[k - 1]!.contribution)).toBeGreaterThanOrEqual(Math.abs(p.factors[k]!.contribution));
      for (const f of p.factors) expect(f.direction).toBe(f.contribution > 0 ? 'up' : 'down');
    }
  });
});
