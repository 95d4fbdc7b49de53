/**
 * `revlens report --json` carries the Forecast view's headline figures, at the instant it prints:
 * a date given with --as-of means the end of that day.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import { loadDataset } from '../../src/cli/load-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../src/worker/handlers/forecast';
import { deal } from '../engine/forecast/pipeline-fixture';
import { ms, recordSet } from '../fixtures/records';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * As of the end of 2026-06-30:
 * open A $10,000 sqo (export p 0.2), B $20,000 proposal (export p 0.5), K $7,000 sqo due 2026-05-15
 *   (overdue, 46 whole days), R $5,000 negotiation (no export p: the entered default 0.6);
 * won D $40,000 (60 days), E $20,000 (70 days), N $10,000 (close 2026-04-01 before creation 2026-05-01);
 * lost F $50,000.
 */
function folder(): string {
  const rs = recordSet({
    opportunities: [
      deal('A', '2026-03-15', 10_000, [], { closeDate: ms('2026-07-15'), probability: 0.2 }),
      deal('B', '2026-05-01', 20_000, [['proposal', '2026-05-20']], { closeDate: ms('2026-08-01'), probability: 0.5 }),
      deal('K', '2026-04-01', 7_000, [], { closeDate: ms('2026-05-15') }),
      deal('R', '2026-05-01', 5_000, [['negotiation', '2026-06-01']], { closeDate: ms('2026-09-01') }),
      deal(
        'D',
        '2026-01-01',
        40_000,
        [
          ['proposal', '2026-02-01'],
          ['won', '2026-03-02'],
        ],
        { status: 'won', closeDate: ms('2026-03-02') },
      ),
      deal(
        'E',
        '2026-02-01',
        20_000,
        [
          ['proposal', '2026-03-01'],
          ['won', '2026-04-12'],
        ],
        { status: 'won', closeDate: ms('2026-04-12') },
      ),
      deal('N', '2026-05-01', 10_000, [], { status: 'won', closeDate: ms('2026-04-01') }),
      deal('F', '2026-03-20', 50_000, [['lost', '2026-05-01']], { status: 'lost', closeDate: ms('2026-05-01') }),
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'revlens-headline-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(writeCanonicalCsv(rs))) writeFileSync(join(dir, name), text);
  return dir;
}

interface Headline {
  asOf: string;
  asOfInstant: string;
  pipeline: {
    open: number;
    weighted: number;
    expectedBookings: number;
    openCount: number;
    winRate: number | null;
    averageCycleDays: { mean: number; median: number } | null;
    salesVelocityPerDay: number | null;
    stageProbabilities: { stage: string; p: number; source: string }[];
    stagesUsingDefault: string[];
    overdue: { count: number; amount: number; deals: { id: string; daysOverdue: number; closeDate: string }[] };
    datesOutOfOrder: { count: number; opportunityIds: string[] };
    notMeasurable: Record<string, string>;
  };
}

describe('revlens report: the Forecast view headline', () => {
  const dir = folder();
  const ctx = loadDataset(dir, { json: true, asOf: '2026-06-30', flags: { json: true } });
  const r = JSON.parse(runReport(ctx)) as Headline;

  it('--as-of D is the end of D, printed exactly', () => {
    expect(r.asOf).toBe('2026-06-30');
    expect(r.asOfInstant).toBe('2026-06-30T23:59:59.999Z');
    const text = runReport(loadDataset(dir, { json: false, asOf: '2026-06-30', flags: {} }));
    expect(text.split('\n')[0]).toMatch(/as of 2026-06-30 23:59:59\.999 UTC$/);
  });

  it('gives cycle mean and median, velocity, expected bookings and p(stage) with its source', () => {
    const p = r.pipeline;
    // Closed since 2025-06-30: D, E, N won, F lost: 3 of 4. Cycle: D 60, E 70 (N's dates are out of order).
    expect(p.winRate).toBe(0.75);
    expect(p.averageCycleDays).toEqual({ mean: 65, median: 65 });
    // Velocity: 4 open × 0.75 × ($70,000 ÷ 3 won) ÷ 65 days = $1,076.92 a day.
    expect(p.salesVelocityPerDay).toBeCloseTo(70_000 / 65, 6);
    // Weighted: (A $10,000 + K $7,000) × 0.2 + B $20,000 × 0.5 + R $5,000 × 0.6 = $16,400.
    expect(p).toMatchObject({ open: 42_000, openCount: 4, weighted: 16_400, expectedBookings: 16_400 });
    expect(Object.fromEntries(p.stageProbabilities.map((s) => [s.stage, [s.p, s.source]]))).toEqual({
      sqo: [0.2, 'export probability'],
      proposal: [0.5, 'export probability'],
      negotiation: [0.6, 'entered default'],
    });
    expect(p.stagesUsingDefault).toEqual(['negotiation']);
  });

  it('lists overdue deals apart and reports dates out of order', () => {
    expect(r.pipeline.overdue).toMatchObject({
      count: 1,
      amount: 7_000,
      deals: [{ id: 'K', closeDate: '2026-05-15', daysOverdue: 46 }],
    });
    expect(r.pipeline.datesOutOfOrder).toEqual({ count: 1, opportunityIds: ['N'] });
    expect(r.pipeline.notMeasurable).toEqual({});
  });

  it('are the figures the Forecast view shows at the same instant', () => {
    const v = forecastView(ctx.dataset, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }, ctx.asOf);
    expect(v.asOfInstant).toBe(r.asOfInstant);
    expect(r.pipeline.averageCycleDays).toEqual({ mean: v.velocity.cycleDaysMean, median: v.velocity.cycleDaysMedian });
    expect(r.pipeline.salesVelocityPerDay).toBe(v.velocity.centsPerDay! / 100);
    expect(r.pipeline.expectedBookings).toBe(v.expectedBookingsCents / 100);
    expect(v.defaultStages).toEqual(r.pipeline.stagesUsingDefault);
  });
});

describe('revlens report on the Salesforce sample: no negative duration', () => {
  const sf = join(process.cwd(), '../shared/data/salesforce-data-cloud-workshop/data');
  it('gives no cycle (every won deal closes before its load-date creation) with the reason, and uses the export probability', () => {
    const r = JSON.parse(runReport(loadDataset(sf, { json: true, flags: { json: true } }))) as Headline;
    expect(r.pipeline.averageCycleDays).toBeNull();
    expect(r.pipeline.salesVelocityPerDay).toBeNull();
    expect(r.pipeline.datesOutOfOrder.count).toBe(12);
    expect(r.pipeline.notMeasurable.averageCycleDays).toMatch(
      /^not measurable — needs won deals whose close date follows their creation date \(12 won deals/,
    );
    // Qualification deals carry Probability 10 in the export.
    const q = r.pipeline.stageProbabilities.find((s) => s.stage === 'Qualification')!;
    expect(q.source).toBe('export probability');
    expect(q.p).toBeCloseTo(0.1, 12);
    expect(r.pipeline.stagesUsingDefault).toEqual([]);
    // Open deals whose close date passed before the load date are overdue, not due in a past quarter.
    expect(r.pipeline.overdue.count).toBeGreaterThan(0);
    expect(r.pipeline.overdue.deals.every((d) => d.daysOverdue >= 0 && d.closeDate < r.asOf)).toBe(true);
    const durations = JSON.stringify(r).match(/"(?:[a-zA-Z]*Days?[a-zA-Z]*|mean|median)":\s*-/g);
    expect(durations).toBeNull();
  });
});
