import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { rocAuc } from '../../../src/engine/scoring/accuracy';
import { LAMBDA_GRID, crossValidate, stratifiedFolds } from '../../../src/engine/scoring/cross-validate';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { combinedScore, compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import { suggestWeights, type SuggestResult, type SuggestedWeights } from '../../../src/engine/scoring/suggest';

function fitted(s: SuggestResult): SuggestedWeights {
  if (s.status !== 'fitted') throw new Error(`expected a fit, got a refusal: ${s.reason}`);
  return s;
}

const count = (fold: Uint8Array, f: number, y?: Uint8Array) =>
  fold.reduce((n, v, i) => n + (v === f && (!y || y[i]) ? 1 : 0), 0);

describe('stratified folds', () => {
  it('deals 3 positives and 4 negatives into 3 folds of 3, 2, 2 with one positive each', () => {
    // Positives dealt first to folds 0, 1, 2; the count carries on: negatives to 0, 1, 2, 0.
    const y = Uint8Array.from([1, 0, 1, 0, 0, 1, 0]);
    const fold = stratifiedFolds(y, 3, 42);
    expect([0, 1, 2].map((f) => count(fold, f))).toEqual([3, 2, 2]);
    expect([0, 1, 2].map((f) => count(fold, f, y))).toEqual([1, 1, 1]);
    expect(Array.from(fold).every((f) => f < 3)).toBe(true);
  });

  it('is the same for a seed, another for another seed, and keeps the positive share in every fold', () => {
    const y = Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? 1 : 0));
    const a = stratifiedFolds(y, 5, 7);
    expect(stratifiedFolds(y, 5, 7)).toEqual(a);
    expect(stratifiedFolds(y, 5, 8)).not.toEqual(a);
    for (let f = 0; f < 5; f++) {
      expect(count(a, f)).toBe(200);
      expect(count(a, f, y)).toBe(60);
    }
  });
});

describe('cross-validation of the fit', () => {
  it('chooses the penalty by the folds and reports their mean and range', () => {
    // One informative feature and one pure-noise feature; y follows the first with noise.
    const n = 400;
    const X = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      X[i * 2] = ((i * 37) % 100) / 50 - 1;
      X[i * 2 + 1] = ((i * 53) % 97) / 48 - 1;
      y[i] = X[i * 2]! + (((i * 71) % 13) / 13 - 0.5) > 0 ? 1 : 0;
    }
    const cv = crossValidate(X, 2, y, { k: 5, seed: 3, grid: LAMBDA_GRID });
    expect(cv.foldRows.reduce((a, b) => a + b, 0)).toBe(n);
    expect(cv.perFold).toHaveLength(5);
    const folds = cv.perFold as number[];
    expect(cv.aucMean).toBeCloseTo(folds.reduce((a, b) => a + b, 0) / 5, 12);
    expect(cv.aucMin).toBe(Math.min(...folds));
    expect(cv.aucMax).toBe(Math.max(...folds));
    expect(cv.aucMin!).toBeGreaterThan(0.8);
    // The chosen penalty has the best mean fold AUC of the grid.
    const g = cv.lambdaGrid.indexOf(cv.lambda);
    expect(cv.lambdaAuc[g]).toBe(cv.aucMean);
    for (const m of cv.lambdaAuc) expect(m!).toBeLessThanOrEqual(cv.aucMean!);
    expect(crossValidate(X, 2, y, { k: 5, seed: 3, grid: LAMBDA_GRID })).toEqual(cv);
  });
});

describe('cross-validated suggested weights on the demo company', () => {
  const ds = buildDataset(generateDemoCompany({ leads: 4000 }).records);
  const asOf = ds.meta.latestAt;

  it('is deterministic for a seed, its folds partition the matured leads, and it beats the default rules over the same folds', () => {
    const s = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'sqo', seed: 5 }));
    const again = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'sqo', seed: 5 }));
    expect(again.crossValidation).toEqual(s.crossValidation);
    expect(again.ruleSet).toEqual(s.ruleSet);
    const cv = s.crossValidation;
    expect(cv).toMatchObject({ k: 5, seed: 5, lambdaGrid: [...LAMBDA_GRID] });
    expect(LAMBDA_GRID).toContain(cv.lambda);
    expect(cv.foldRows.reduce((a, b) => a + b, 0)).toBe(s.population.matured);
    expect(Math.max(...cv.foldRows) - Math.min(...cv.foldRows)).toBeLessThanOrEqual(1);
    expect(cv.aucMin!).toBeLessThanOrEqual(cv.aucMean!);
    expect(cv.aucMean!).toBeLessThanOrEqual(cv.aucMax!);

    // The default rules over the same folds (they are not fitted: their fold AUC is just their AUC on the fold).
    const compiled = compileRules(ds, DEFAULT_RULE_SET);
    const out = leadOutcomes(ds, {
      asOf,
      maturityDays: compiled.rules.maturityDays,
      scoringWindowDays: compiled.rules.scoringWindowDays,
    });
    const rows = Array.from({ length: ds.leads.count }, (_, i) => i).filter((i) => out.matured[i]);
    expect(rows).toHaveLength(s.population.matured);
    const y = Uint8Array.from(rows, (i) => out.reachedSqo[i]!);
    const sc = scoreLeads(ds, compiled, { asOf, cutoff: out.cutoff });
    const score = Float64Array.from(rows, (i) =>
      combinedScore(sc.fit[i]!, sc.intent[i]!, compiled.rules.qualification.fitWeight),
    );
    const fold = stratifiedFolds(y, 5, 5);
    const defaultAucs = [0, 1, 2, 3, 4].map((f) =>
      rocAuc(
        score,
        y,
        fold.map((v) => (v === f ? 1 : 0)),
      )!,
    );
    const defaultMean = defaultAucs.reduce((a, b) => a + b, 0) / 5;
    expect(cv.aucMean!).toBeGreaterThan(defaultMean + 0.02);
    // And the suggested points still beat the default rules on the holdout.
    expect(s.holdoutAuc.suggestedRules!).toBeGreaterThan(s.holdoutAuc.current! + 0.02);
  });

  it('another seed gives other folds', () => {
    const a = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'sqo', seed: 5 })).crossValidation;
    const b = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'sqo', seed: 6 })).crossValidation;
    expect(b.perFold).not.toEqual(a.perFold);
  });
});
