import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { suggestWeights, type SuggestResult, type SuggestedWeights } from '../../../src/engine/scoring/suggest';
import { uciShoppersRecords } from '../../fixtures/uci-shoppers';

function fitted(s: SuggestResult): SuggestedWeights {
  if (s.status !== 'fitted') throw new Error(`expected a fit, got a refusal: ${s.reason}`);
  return s;
}

describe('suggested weights on the UCI online shoppers sessions', () => {
  const ds = buildDataset(uciShoppersRecords());
  const asOf = Date.UTC(2018, 0, 1);

  it('beat the default weights on the holdout, and report the columns used', () => {
    const s = fitted(suggestWeights(ds, DEFAULT_RULE_SET, { asOf, outcome: 'won', seed: 7 }));
    console.info(
      `UCI holdout AUC: default ${s.holdoutAuc.current?.toFixed(3)}, suggested ${s.holdoutAuc.suggested?.toFixed(3)}, as rules ${s.holdoutAuc.suggestedRules?.toFixed(3)}; ${s.trainRows} train / ${s.holdoutRows} holdout rows`,
    );
    const cv = s.crossValidation;
    console.info(
      `UCI ${cv.k}-fold AUC: mean ${cv.aucMean?.toFixed(3)} (${cv.aucMin?.toFixed(3)}–${cv.aucMax?.toFixed(3)}), L2 penalty ${cv.lambda}; holdout mean probability ${s.calibrationCheck.meanProbability.toFixed(4)} vs rate ${s.calibrationCheck.positiveRate.toFixed(4)}`,
    );
    // On real sessions the folds agree with the single holdout, and the probabilities are calibrated on it.
    expect(Math.abs(cv.aucMean! - s.holdoutAuc.suggested!)).toBeLessThan(0.03);
    expect(cv.aucMax! - cv.aucMin!).toBeLessThan(0.08);
    expect(s.calibrationCheck.meanProbability).toBeCloseTo(s.calibrationCheck.positiveRate, 6);
    expect(s.trainRows + s.holdoutRows).toBe(ds.leads.count);
    expect(s.holdoutRows / ds.leads.count).toBeCloseTo(0.3, 1);
    // 1,908 of the 12,330 sessions bought.
    expect(s.positives).toBe(1908);
    expect(s.columnsUsed).toContain('lead.custom.PageValues');
    expect(s.columnsUsed).toContain('activity.page_view');
    expect(s.holdoutAuc.current).not.toBeNull();
    expect(s.holdoutAuc.suggested!).toBeGreaterThan(s.holdoutAuc.current! + 0.05);
    expect(s.holdoutAuc.suggestedRules!).toBeGreaterThan(s.holdoutAuc.current! + 0.05);
    // The points rank the sessions as the model does: base points, PageValues as ranges, no mass tie at 0.
    expect(Math.abs(s.holdoutAuc.suggestedRules! - s.holdoutAuc.suggested!)).toBeLessThan(0.01);
    expect(s.ruleSet.fitRules.some((r) => r.op === 'always')).toBe(true);
    expect(
      s.ruleSet.fitRules.filter((r) => r.attribute === 'lead.custom.PageValues' && r.op === 'range').length,
    ).toBeGreaterThan(2);
    // Every session is matured here (bought or disqualified): nothing left out.
    expect(s.population).toMatchObject({ inScope: 12_330, matured: 12_330, immature: 0 });
    expect(s.population.train.positives + s.population.holdout.positives).toBe(1908);
  });

  it('leaves out the columns the user excludes', () => {
    const s = fitted(
      suggestWeights(ds, DEFAULT_RULE_SET, {
        asOf,
        outcome: 'won',
        seed: 7,
        exclude: ['PageValues', 'lead.custom.ExitRates'],
      }),
    );
    expect(s.columnsUsed).not.toContain('lead.custom.PageValues');
    expect(s.columnsUsed).not.toContain('lead.custom.ExitRates');
    expect(s.features.some((f) => f.includes('PageValues'))).toBe(false);
    expect(s.excluded).toEqual(['PageValues', 'lead.custom.ExitRates']);
  });
});
