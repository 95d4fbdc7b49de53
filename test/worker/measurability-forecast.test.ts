/**
 * The Forecast view-model and `report --json`'s pipeline keys on an opportunity-only company and a
 * leads-only one: a figure whose input is missing is null with a reason, and a p(stage) nobody set
 * is named as an entered default.
 */
import { describe, expect, it } from 'vitest';
import { forecastSection } from '../../src/cli/sections/forecast';
import type { DatasetContext } from '../../src/cli/context';
import { NEEDS } from '../../src/engine/capabilities';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { RecordSet } from '../../src/engine/model/records';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../src/worker/handlers/forecast';
import { lead, ms, opportunity, recordSet } from '../fixtures/records';

/* O1 won 31 days after creation, O2 won after 44, O3 lost, O4 won after 29; O5 and O6 open, no close date. */
function opportunityOnly(): RecordSet {
  const closed = (status: 'won' | 'lost', close: string) => ({ status, closeDate: ms(close), amountCents: 500_000 });
  return recordSet({
    opportunities: [
      opportunity('O1', '2026-01-10', closed('won', '2026-02-10')),
      opportunity('O2', '2026-01-20', closed('won', '2026-03-05')),
      opportunity('O3', '2026-02-01', closed('lost', '2026-03-01')),
      opportunity('O4', '2026-04-02', closed('won', '2026-05-01')),
      opportunity('O5', '2026-04-10', { amountCents: 500_000 }),
      opportunity('O6', '2026-05-10', { amountCents: 500_000 }),
    ],
  });
}

function leadsOnly(): RecordSet {
  return recordSet({
    leads: [lead('L1', '2026-04-01', { mql: '2026-04-05', sql: '2026-04-20' }), lead('L2', '2026-04-02')],
  });
}

function ctx(rs: RecordSet): DatasetContext {
  const dataset = buildDataset(rs);
  return {
    records: rs,
    dataset,
    report: { files: [], rowsRead: 0, accepted: 0, repaired: 0, rejected: 0, issues: [], warnings: [] },
    asOf: dataset.meta.latestAt,
    options: { json: true, flags: {} },
  };
}

const view = (rs: RecordSet) => forecastView(buildDataset(rs), { filters: {}, settings: DEFAULT_FORECAST_SETTINGS });

describe('Forecast on an opportunity-only company', () => {
  it('win rate 3 ÷ 4, cycle mean 34.67 and median 31 days, velocity, and sqo at an entered default said so', () => {
    const v = view(opportunityOnly());
    // As of O6's creation, 2026-05-10: the latest recorded event.
    expect(v.asOfInstant).toBe('2026-05-10T00:00:00.000Z');
    expect(v.winRate).toBe(0.75);
    expect(v.velocity.cycleDaysMean).toBeCloseTo((31 + 44 + 29) / 3, 10);
    expect(v.velocity.cycleDaysMedian).toBe(31);
    // 2 open × 0.75 × $5,000 ÷ 34.67 days = 216.35 $/day, in cents.
    expect(v.velocity.centsPerDay).toBeCloseTo((2 * 0.75 * 500_000) / (104 / 3), 6);
    expect(v.stages.map((s) => [s.stage, s.p, s.source])).toEqual([['sqo', 0.1, 'user']]);
    expect(v.defaultStages).toEqual(['sqo']);
    expect(v.notMeasurable).toEqual({});
    expect(v.overdue.count).toBe(0);
  });

  it('report --json says which stages use the default', () => {
    const p = (forecastSection.json(ctx(opportunityOnly())) as { pipeline: Record<string, unknown> }).pipeline;
    expect(p.stagesUsingDefault).toEqual(['sqo']);
    // 4 closed deals passed through sqo (3 won): fewer than 20, and the export records no probability.
    expect(p.stageProbabilities).toEqual([
      {
        stage: 'sqo',
        p: 0.1,
        source: 'entered default',
        closedThroughStage: 4,
        wonThroughStage: 3,
        exportProbability: null,
        openDeals: 2,
      },
    ]);
    expect(p.winRate).toBe(0.75);
  });
});

describe('Forecast on a leads-only company', () => {
  it('no win rate, cycle or velocity, each with the file it needs; nothing reads 0% or a default', () => {
    const v = view(leadsOnly());
    expect(v.openCount).toBe(0);
    expect(v.winRate).toBeNull();
    expect(v.velocity.cycleDaysMean).toBeNull();
    expect(v.velocity.centsPerDay).toBeNull();
    expect(v.stages).toEqual([]);
    const needs = `not measurable — needs ${NEEDS.opportunities}`;
    expect(v.notMeasurable).toEqual({ winRate: needs, cycle: needs, velocity: needs });
    const p = (forecastSection.json(ctx(leadsOnly())) as { pipeline: Record<string, unknown> }).pipeline;
    expect(p).toMatchObject({
      winRate: null,
      averageCycleDays: null,
      salesVelocityPerDay: null,
      stageProbabilities: [],
      stagesUsingDefault: [],
    });
    expect(p.notMeasurable).toEqual({ winRate: needs, averageCycleDays: needs, salesVelocityPerDay: needs });
  });
});
