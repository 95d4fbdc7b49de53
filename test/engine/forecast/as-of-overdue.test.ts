/**
 * One as-of, stated exactly (SPEC §10), overdue deals counted apart, cycle times never negative and
 * p(stage) with its source. Every expected figure is worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { historicalRates } from '../../../src/engine/forecast/lookback';
import { pipelineByQuarter, pipelineSummary } from '../../../src/engine/forecast/pipeline';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { endOfIsoDay, isoInstant } from '../../../src/engine/time';
import { ms, opportunity, recordSet } from '../../fixtures/records';
import { AS_OF, bookOfDeals, deal, usd } from './pipeline-fixture';

describe('the default as-of: the latest recorded event that is not a planned date', () => {
  it('a closed deal dated months after every other event, or 9999-12-31, does not move it; an open deal never does', () => {
    const ds = buildDataset(
      recordSet({
        opportunities: [
          // Latest creation / stage entry of the data: 2026-04-10.
          opportunity('X', '2026-03-01', { closeDate: ms('2027-01-01') }), // open, planned close: never an event
          opportunity('Y', '2026-04-10', { status: 'lost', closeDate: ms('2026-09-30') }), // lost, close 173 days later: a planned date kept
          opportunity('W', '2026-04-01', { status: 'lost', closeDate: ms('9999-12-31') }), // placeholder
          opportunity('Z', '2026-04-02', { status: 'won', closeDate: ms('2026-04-25') }), // 15 days after: a real close
        ],
      }),
    );
    expect(isoInstant(ds.meta.latestAt)).toBe('2026-04-25 00:00:00.000 UTC');
  });

  it('without any close within reach, the latest creation or stage entry', () => {
    const ds = buildDataset(
      recordSet({ opportunities: [opportunity('Y', '2026-04-10', { status: 'lost', closeDate: ms('2027-06-30') })] }),
    );
    expect(new Date(ds.meta.latestAt).toISOString()).toBe('2026-04-10T00:00:00.000Z');
  });
});

describe('a date D given by the user means the end of D', () => {
  it('is D 23:59:59.999 UTC; anything but a real YYYY-MM-DD is refused', () => {
    expect(new Date(endOfIsoDay('2026-11-15')).toISOString()).toBe('2026-11-15T23:59:59.999Z');
    expect(endOfIsoDay('2026-02-30')).toBeNaN();
    expect(endOfIsoDay('15/11/2026')).toBeNaN();
  });
});

describe('overdue deals: open, close date passed, due in no quarter', () => {
  // As of 2026-06-30 12:00. K ($7,000) was due 2026-05-15 and L ($3,000) 2026-06-29: both days are
  // over, so both are overdue. C ($30,000) is due 2026-06-30: that day is not over, so C is due in Q2.
  const extra = [
    deal('K', '2026-04-01', 7_000, [], { closeDate: ms('2026-05-15') }),
    deal('L', '2026-04-01', 3_000, [], { closeDate: ms('2026-06-29') }),
  ];

  it('are counted apart and left out of every quarter, and stay in the open pipeline', () => {
    const ds = bookOfDeals(extra);
    const q = pipelineByQuarter(ds, { asOf: AS_OF });
    expect(q.overdue.count).toBe(2);
    expect(q.overdue.cents).toBe(usd(10_000));
    expect(q.overdue.rows.map((j) => ds.opportunities.id[j])).toEqual(['K', 'L']);
    // Q2 open due is C alone, as without K and L.
    expect(q.quarters.find((x) => x.quarter === '2026-Q2')).toMatchObject({
      openDueCents: usd(30_000),
      openDueCount: 1,
    });
    // Open pipeline: A + B + C + K + L = $70,000.
    expect(pipelineSummary(ds, { asOf: AS_OF }).openCents).toBe(usd(70_000));
  });

  it('a deal due on the as-of day is not overdue until that day ends', () => {
    const ds = bookOfDeals(extra);
    expect(pipelineByQuarter(ds, { asOf: endOfIsoDay('2026-06-30') }).overdue.count).toBe(2);
    // From 2026-07-01 00:00, C's close day is over: three overdue deals.
    expect(pipelineByQuarter(ds, { asOf: ms('2026-07-01T00:00:00Z') }).overdue.count).toBe(3);
  });
});

describe('cycle days are never negative', () => {
  it('a won deal closed before it was created is left out of the cycle and reported', () => {
    // N: created 2026-05-01, close date 2026-04-01. The cycle is D 60, E 70, H 10 days: mean 46.67, median 60.
    const ds = bookOfDeals([deal('N', '2026-05-01', 10_000, [], { status: 'won', closeDate: ms('2026-04-01') })]);
    const r = historicalRates(ds, { asOf: AS_OF });
    expect(r.won).toBe(4); // D, E, H and N: N still counts as won
    expect(r.cycleDaysMean).toBeCloseTo(140 / 3, 10);
    expect(r.cycleDaysMedian).toBe(60);
    expect(r.cycleOutOfOrder.map((j) => ds.opportunities.id[j])).toEqual(['N']);
  });

  it('when every won deal has its dates out of order, the cycle is unknown, not negative', () => {
    const ds = buildDataset(
      recordSet({ opportunities: [opportunity('P', '2026-05-01', { status: 'won', closeDate: ms('2026-04-01') })] }),
    );
    const r = historicalRates(ds, { asOf: ms('2026-05-02') });
    expect(r.cycleDaysMean).toBeNull();
    expect(r.cycleDaysMedian).toBeNull();
    expect(r.cycleOutOfOrder).toHaveLength(1);
  });
});

describe('p(stage) and where it comes from', () => {
  // Closed in the lookback: D, E, H won, F lost. Through sqo: all four (3 of 4 won = 0.75). Through
  // proposal: D, E, F (2 of 3). With minClosed 4, sqo uses its history; proposal does not have
  // enough, so it uses the export's probability: B 0.4 and C 0.6, mean 0.5. R sits in negotiation,
  // with neither history nor an export probability: the entered default, 0.6.
  const ds = () =>
    bookOfDeals([deal('R', '2026-05-01', 5_000, [['negotiation', '2026-06-01']], { closeDate: ms('2026-09-01') })]);
  const withProbabilities = () => {
    const d = ds();
    const ids = d.opportunities.id;
    d.opportunities.probability[ids.indexOf('B')] = 0.4;
    d.opportunities.probability[ids.indexOf('C')] = 0.6;
    return d;
  };

  it('history where enough deals closed through the stage, else the export, else the entered default', () => {
    const s = pipelineSummary(withProbabilities(), { asOf: AS_OF, minClosed: 4 });
    const by = Object.fromEntries(s.byStage.map((b) => [b.stage, b.probability]));
    expect(by.sqo).toMatchObject({ source: 'data', p: 0.75, closed: 4, won: 3 });
    expect(by.proposal).toMatchObject({ source: 'export', p: 0.5, exported: 0.5, exportedDeals: 2, closed: 3 });
    expect(by.negotiation).toMatchObject({ source: 'user', p: 0.6, exported: null });
    // Weighted: A $10,000 × 0.75 + (B $20,000 + C $30,000) × 0.5 + R $5,000 × 0.6 = $35,500.
    expect(s.weightedCents).toBe(usd(35_500));
  });

  it('choosing the entered probabilities ignores history and export alike', () => {
    const s = pipelineSummary(withProbabilities(), { asOf: AS_OF, minClosed: 4, source: 'user' });
    expect(s.byStage.map((b) => b.probability.source)).toEqual(['user', 'user', 'user']);
    // $10,000 × 0.1 + $50,000 × 0.35 + $5,000 × 0.6 = $21,500.
    expect(s.weightedCents).toBe(usd(21_500));
  });
});
