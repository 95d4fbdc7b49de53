import { describe, expect, it } from 'vitest';
import { runFit } from '../../src/cli/commands/fit';
import type { CliOptions, DatasetContext } from '../../src/cli/context';
import { scoringSection } from '../../src/cli/sections/scoring';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { YOUNG_AS_OF, youngLeadsRecords } from '../fixtures/young-leads';

const { records } = generateDemoCompany({ leads: 2000 });
const dataset = buildDataset(records);
const ctx = (flags: CliOptions['flags'] = {}): DatasetContext => ({
  records,
  dataset,
  report: {
    rowsRead: 0,
    accepted: 0,
    repaired: 0,
    rejected: 0,
    files: [],
    warnings: [],
    issues: [],
  } as unknown as DatasetContext['report'],
  asOf: dataset.meta.latestAt,
  options: { json: true, flags },
});

describe('revlens scoring output', () => {
  it('report gains accuracy.auc.fit/intent and tiers', () => {
    const json = scoringSection.json(ctx()) as {
      accuracy: { auc: { fit: number; intent: number } };
      tiers: Record<string, number>;
    };
    expect(json.accuracy.auc.fit).toBeGreaterThan(0.5);
    expect(json.accuracy.auc.intent).toBeGreaterThan(0.5);
    const humans = Array.from(dataset.leads.isBot).filter((b) => !b).length;
    expect(json.tiers.High! + json.tiers.Mid! + json.tiers.Low!).toBe(humans);
  });

  it('fit prints holdout AUCs, row counts and features; --exclude removes columns', () => {
    const run = runFit(ctx({ outcome: 'sqo', seed: '3', exclude: 'source,campaign' }));
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.output);
    expect(out.holdoutAuc.current).toBeGreaterThan(0.5);
    expect(out.holdoutAuc.suggested).toBeGreaterThan(0.5);
    expect(out.trainRows + out.holdoutRows).toBeGreaterThan(500);
    expect(out.features.length).toBeGreaterThan(5);
    expect(out.columnsUsed).not.toContain('lead.source');
    expect(out.excluded).toEqual(['source', 'campaign']);
    // Seeded: the same seed gives the same result.
    expect(JSON.parse(runFit(ctx({ outcome: 'sqo', seed: '3', exclude: 'source,campaign' })).output)).toEqual(out);
    // The model and the model as points side by side; the points beat the default rules.
    expect(out.holdoutAuc.suggestedRules).toBeGreaterThan(out.holdoutAuc.current);
    expect(out.population.train.rows).toBe(out.trainRows);
    // Cross-validated: 5 seeded folds over the matured leads, the penalty chosen from the grid.
    const cv = out.crossValidation;
    expect(cv).toMatchObject({ k: 5, seed: 3, lambdaGrid: [0.1, 1, 10] });
    expect(cv.lambdaGrid).toContain(cv.lambda);
    expect(cv.perFold).toHaveLength(5);
    expect(cv.foldRows.reduce((a: number, b: number) => a + b, 0)).toBe(out.population.matured);
    expect(cv.aucMean).toBeCloseTo(cv.perFold.reduce((a: number, b: number) => a + b, 0) / 5, 12);
    expect(cv.aucMin).toBe(Math.min(...cv.perFold));
    expect(cv.aucMax).toBe(Math.max(...cv.perFold));
    expect(
      JSON.parse(runFit(ctx({ outcome: 'sqo', seed: '3', folds: '3' })).output).crossValidation.perFold,
    ).toHaveLength(3);
    // A probability per lead: a sample of the first leads, calibrated on the holdout.
    expect(out.prediction.calibration.method).toBe('platt');
    expect(out.prediction.holdoutMeanProbability).toBeCloseTo(out.prediction.holdoutPositiveRate, 6);
    expect(out.prediction.sample.map((p: { leadId: string }) => p.leadId)).toEqual(
      Array.from(dataset.leads.id.slice(0, 10)),
    );
    for (const p of out.prediction.sample) {
      expect(p.probability).toBeGreaterThan(0);
      expect(p.probability).toBeLessThan(1);
      expect(p.factors.length).toBeLessThanOrEqual(3);
    }
    expect(
      JSON.parse(runFit(ctx({ outcome: 'sqo', seed: '3', predictions: '3' })).output).prediction.sample,
    ).toHaveLength(3);
    const text = runFit({
      ...ctx({ outcome: 'sqo', seed: '3' }),
      options: { json: false, flags: { outcome: 'sqo', seed: '3' } },
    });
    expect(text.output).toMatch(
      /Cross-validated AUC of the fitted model: \d\.\d{3} mean over 5 folds \(\d\.\d{3}–\d\.\d{3}\); L2 penalty (0\.1|1|10) chosen from 0\.1, 1, 10/,
    );
  });

  it('fit refuses a one-class population: population on stdout, the reason on stderr, exit 1, no rule set', () => {
    const young = buildDataset(youngLeadsRecords());
    const youngCtx = (flags: CliOptions['flags']): DatasetContext => ({
      ...ctx(flags),
      records: youngLeadsRecords(),
      dataset: young,
      asOf: YOUNG_AS_OF,
    });
    const json = runFit(youngCtx({}));
    expect(json.exitCode).toBe(1);
    expect(json.stderr).toContain(
      'Every lead without an outcome is younger than the 180-day maturity window as of 2024-02-01',
    );
    const out = JSON.parse(json.output);
    expect(out).toMatchObject({ status: 'refused', ruleSet: null, population: { matured: 100, immature: 300 } });
    const text = runFit({ ...youngCtx({}), options: { json: false, flags: {} } });
    expect(text.exitCode).toBe(1);
    expect(text.output).toMatch(
      /No fit for won\.\nPopulation as of 2024-02-01: 400 leads, 100 matured .*300 immature left out/,
    );
    // A shorter maturity window, as the reason suggests, gives a fit.
    expect(runFit(youngCtx({ 'maturity-days': '30' })).exitCode).toBe(0);
    expect(() => runFit(youngCtx({ 'maturity-days': '3' }))).toThrow(/--maturity-days/);
  });

  it('rejects a bad outcome or seed', () => {
    expect(() => runFit(ctx({ outcome: 'lost' }))).toThrow(/--outcome/);
    expect(() => runFit(ctx({ seed: 'x' }))).toThrow(/--seed/);
    expect(() => runFit(ctx({ folds: '1' }))).toThrow(/--folds/);
    expect(() => runFit(ctx({ predictions: '-1' }))).toThrow(/--predictions/);
  });
});
