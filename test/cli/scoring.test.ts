import { describe, expect, it } from 'vitest';
import { runFit } from '../../src/cli/commands/fit';
import type { CliOptions, DatasetContext } from '../../src/cli/context';
import { scoringSection } from '../../src/cli/sections/scoring';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';

const { records } = generateDemoCompany({ leads: 2000 });
const dataset = buildDataset(records);
const ctx = (flags: CliOptions['flags'] = {}): DatasetContext => ({
  records,
  dataset,
  report: { rowsRead: 0, accepted: 0, repaired: 0, rejected: 0, files: [], warnings: [], issues: [] } as unknown as DatasetContext['report'],
  asOf: dataset.meta.latestAt,
  options: { json: true, flags },
});

describe('revlens scoring output', () => {
  it('report gains accuracy.auc.fit/intent and tiers', () => {
    const json = scoringSection.json(ctx()) as { accuracy: { auc: { fit: number; intent: number } }; tiers: Record<string, number> };
    expect(json.accuracy.auc.fit).toBeGreaterThan(0.5);
    expect(json.accuracy.auc.intent).toBeGreaterThan(0.5);
    const humans = Array.from(dataset.leads.isBot).filter((b) => !b).length;
    expect(json.tiers.High! + json.tiers.Mid! + json.tiers.Low!).toBe(humans);
  });

  it('fit prints holdout AUCs, row counts and features; --exclude removes columns', () => {
    const out = JSON.parse(runFit(ctx({ outcome: 'sqo', seed: '3', exclude: 'source,campaign' })));
    expect(out.holdoutAuc.current).toBeGreaterThan(0.5);
    expect(out.holdoutAuc.suggested).toBeGreaterThan(0.5);
    expect(out.trainRows + out.holdoutRows).toBeGreaterThan(500);
    expect(out.features.length).toBeGreaterThan(5);
    expect(out.columnsUsed).not.toContain('lead.source');
    expect(out.excluded).toEqual(['source', 'campaign']);
    // Seeded: the same seed gives the same result.
    expect(JSON.parse(runFit(ctx({ outcome: 'sqo', seed: '3', exclude: 'source,campaign' })))).toEqual(out);
  });

  it('rejects a bad outcome or seed', () => {
    expect(() => runFit(ctx({ outcome: 'lost' }))).toThrow(/--outcome/);
    expect(() => runFit(ctx({ seed: 'x' }))).toThrow(/--seed/);
  });
});
