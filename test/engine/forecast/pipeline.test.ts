import { describe, expect, it } from 'vitest';
import { coverageByQuarter, impliedCoverage, salesVelocity } from '../../../src/engine/forecast/coverage';
import { historicalRates } from '../../../src/engine/forecast/lookback';
import { pipelineByQuarter, pipelineSummary } from '../../../src/engine/forecast/pipeline';
import { stageProbabilities } from '../../../src/engine/forecast/stage-probability';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { ms, recordSet } from '../../fixtures/records';
import { AS_OF, bookOfDeals, deal, usd } from './pipeline-fixture';

const USER = { sqo: 0.1, proposal: 0.5 };

describe('historical rates over the lookback', () => {
  it('reads win rate, average won deal and cycle days of deals closed in the last 4 quarters', () => {
    const r = historicalRates(bookOfDeals(), { asOf: AS_OF });
    // Won D, E, H; lost F (G closed in 2024, outside the window): 3 / 4.
    expect(r.won).toBe(3);
    expect(r.lost).toBe(1);
    expect(r.winRate).toBe(0.75);
    // ($40,000 + $20,000 + $30,000) / 3 = $30,000.
    expect(r.avgWonCents).toBe(usd(30_000));
    // Cycles 60, 70 and 10 days: mean 140/3, median 60.
    expect(r.cycleDaysMean).toBeCloseTo(140 / 3, 10);
    expect(r.cycleDaysMedian).toBe(60);
  });

  it('reads all history when the lookback is null', () => {
    const r = historicalRates(bookOfDeals(), { asOf: AS_OF, lookbackQuarters: null });
    expect(r.lost).toBe(2);
    expect(r.winRate).toBe(0.6);
  });

  it('returns null rates, not 0, when nothing closed', () => {
    const r = historicalRates(buildDataset(recordSet()), { asOf: AS_OF });
    expect(r.winRate).toBeNull();
    expect(r.avgWonCents).toBeNull();
    expect(r.cycleDaysMedian).toBeNull();
  });

  it('treats a deal closed after asOf as open then', () => {
    const r = historicalRates(bookOfDeals(), { asOf: ms('2026-04-01') });
    // At April 1st only D and H (won in March) have closed in the window; G is too old.
    expect(r.won).toBe(2);
    expect(r.lost).toBe(0);
  });
});

describe('weighted pipeline', () => {
  it('weights open deals by the user probability when fewer than 20 closed deals passed the stage', () => {
    const s = pipelineSummary(bookOfDeals(), { asOf: AS_OF, userProbabilities: USER });
    expect(s.openCount).toBe(3);
    // $10,000 + $20,000 + $30,000.
    expect(s.openCents).toBe(usd(60_000));
    // $10,000 × 0.1 + ($20,000 + $30,000) × 0.5 = $26,000.
    expect(s.weightedCents).toBe(usd(26_000));
    expect(s.expectedBookingsCents).toBe(usd(26_000));
    // $60,000 × 0.75.
    expect(s.pipelineTimesWinRateCents).toBe(usd(45_000));
    expect(s.byStage.map((b) => [b.stage, b.count, b.openCents, b.probability.source])).toEqual([
      ['sqo', 1, usd(10_000), 'user'],
      ['proposal', 2, usd(50_000), 'user'],
    ]);
  });

  it('uses the historical win rate from a stage once 20 closed deals passed through it', () => {
    // 20 closed deals through proposal: 5 won, 15 lost.
    const closed = Array.from({ length: 20 }, (_, k) =>
      deal(
        `P${k}`,
        '2026-01-05',
        1_000,
        [
          ['proposal', '2026-01-10'],
          [k < 5 ? 'won' : 'lost', '2026-02-10'],
        ],
        {
          status: k < 5 ? 'won' : 'lost',
          closeDate: ms('2026-02-10'),
        },
      ),
    );
    const ds = bookOfDeals(closed);
    const table = stageProbabilities(ds, { asOf: AS_OF, userProbabilities: USER });
    // proposal: D, E, F + the 20 = 23 closed, won D, E + 5 = 7.
    expect(table.get('proposal')).toMatchObject({ closed: 23, won: 7, source: 'data' });
    expect(table.get('proposal')!.p).toBeCloseTo(7 / 23, 12);
    // sqo: every closed deal entered it: 24 closed (G is outside the window), won 8.
    expect(table.get('sqo')).toMatchObject({ closed: 24, won: 8, source: 'data' });
    const s = pipelineSummary(ds, { asOf: AS_OF, userProbabilities: USER });
    expect(s.weightedCents).toBe(Math.round(usd(10_000) * (8 / 24) + usd(50_000) * (7 / 23)));
  });

  it('falls back to the user probability at 19 closed deals', () => {
    const closed = Array.from({ length: 15 }, (_, k) =>
      deal(
        `P${k}`,
        '2026-01-05',
        1_000,
        [
          ['proposal', '2026-01-10'],
          ['lost', '2026-02-10'],
        ],
        { status: 'lost', closeDate: ms('2026-02-10') },
      ),
    );
    // proposal: D, E, F + 15 = 18 closed (< 20) → user 0.5.
    const table = stageProbabilities(bookOfDeals(closed), { asOf: AS_OF, userProbabilities: USER });
    expect(table.get('proposal')).toMatchObject({ closed: 18, p: 0.5, source: 'user' });
  });

  it('is zero on an empty dataset', () => {
    const s = pipelineSummary(buildDataset(recordSet()), { asOf: AS_OF });
    expect(s).toMatchObject({ openCount: 0, openCents: 0, weightedCents: 0, pipelineTimesWinRateCents: null });
  });
});

describe('coverage and velocity', () => {
  const ds = bookOfDeals();
  const { quarters } = pipelineByQuarter(ds, { asOf: AS_OF, userProbabilities: USER });
  const cov = coverageByQuarter(ds, quarters, AS_OF);
  const byQ = new Map(cov.map((c) => [c.quarter, c]));

  it('divides open pipeline due in the quarter by quota minus won', () => {
    // Q2: quota $100,000, won E $20,000, open due C $30,000 → 30,000 / 80,000 = 0.375.
    expect(byQ.get('2026-Q2')).toMatchObject({
      tense: 'current',
      wonCents: usd(20_000),
      openDueCents: usd(30_000),
      remainingCents: usd(80_000),
      coverage: 0.375,
      attainment: 0.2,
    });
    // Q3: nothing won, A + B = $30,000 due against $50,000 → 0.6; weighted 1,000 + 10,000 = $11,000.
    expect(byQ.get('2026-Q3')).toMatchObject({
      tense: 'future',
      coverage: 0.6,
      weightedDueCents: usd(11_000),
      projectedCents: usd(11_000),
      gapCents: usd(39_000),
    });
  });

  it('says "quota met" rather than a number once won reaches quota', () => {
    // Q1: won D + H = $70,000 ≥ $60,000.
    expect(byQ.get('2026-Q1')).toMatchObject({ tense: 'past', coverage: 'quota met', wonCents: usd(70_000) });
    expect(byQ.get('2026-Q1')!.attainment).toBeCloseTo(70 / 60, 12);
  });

  it('implies a coverage of 1 / win rate', () => {
    expect(impliedCoverage(0.25)).toBe(4);
    expect(impliedCoverage(0)).toBeNull();
    expect(impliedCoverage(null)).toBeNull();
  });

  it('computes velocity as open × win rate × average deal ÷ mean cycle days', () => {
    const v = salesVelocity(3, historicalRates(ds, { asOf: AS_OF }));
    // 3 × 0.75 × $30,000 ÷ (140/3 days) = $1,446.43 a day.
    expect(v.centsPerDay).toBeCloseTo((3 * 0.75 * 3_000_000 * 3) / 140, 6);
    expect(salesVelocity(3, historicalRates(buildDataset(recordSet()), { asOf: AS_OF })).centsPerDay).toBeNull();
  });
});

describe('edge cases', () => {
  it('weights a single open deal by its stage probability', () => {
    const ds = buildDataset(
      recordSet({
        opportunities: [
          deal('X', '2026-05-01', 12_345, [['negotiation', '2026-06-01']], { closeDate: ms('2026-07-01') }),
        ],
      }),
    );
    const s = pipelineSummary(ds, { asOf: AS_OF, userProbabilities: { sqo: 0.1, negotiation: 0.6 } });
    // $12,345 × 0.6 = $7,407 = 740,700 cents.
    expect(s).toMatchObject({ openCount: 1, openCents: 1_234_500, weightedCents: 740_700 });
  });

  it('counts a re-staged deal once per stage in p(stage)', () => {
    const restaged = deal(
      'RS',
      '2026-01-05',
      1_000,
      [
        ['proposal', '2026-01-20'],
        ['sqo', '2026-02-01'],
        ['proposal', '2026-02-10'],
        ['won', '2026-03-01'],
      ],
      { status: 'won', closeDate: ms('2026-03-01') },
    );
    const table = stageProbabilities(buildDataset(recordSet({ opportunities: [restaged] })), { asOf: AS_OF });
    expect(table.get('sqo')).toMatchObject({ closed: 1, won: 1 });
    expect(table.get('proposal')).toMatchObject({ closed: 1, won: 1 });
  });

  it('ignores stage entries after the as-of date', () => {
    // At April 1st, B (created May 1st) does not exist and C is still in proposal.
    const s = pipelineSummary(bookOfDeals(), { asOf: ms('2026-04-01'), userProbabilities: USER });
    // Open then: A ($10,000 sqo), C ($30,000 proposal), E ($20,000 proposal, won Apr 12), F ($50,000, entered proposal Apr 1 00:00).
    expect(s.openCount).toBe(4);
    expect(s.openCents).toBe(usd(110_000));
  });
});
