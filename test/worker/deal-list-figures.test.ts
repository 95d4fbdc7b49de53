import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { OpportunityRecord } from '../../src/engine/model/records';
import { forecastsAt, quarterCandidates } from '../../src/engine/forecast/accuracy-point';
import { dealListView, type AccuracyPart, type DealTarget } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../src/worker/handlers/forecast';
import { fillMethods } from '../../src/lib/forecast-labels';
import { forecastAccuracyView } from '../../src/worker/handlers/forecast-accuracy';
import { ACCURACY_AS_OF, accuracyCompany } from '../engine/forecast/accuracy-fixture';
import { historyBook, usd } from '../engine/forecast/history-fixture';
import { ms, opportunity, recordSet } from '../fixtures/records';
import { fillMoney } from '../../src/lib/format';

/**
 * The history fixture at the end of 2026-Q1 with the entered p(stage) (sqo 0.1, proposal 0.35,
 * negotiation 0.6): W won $5,000 on 01-31 and G lost, both in the lookback (win rate 1 of 2); open
 * are P ($10,000, proposal, due 04-20), I ($40,000, sqo, due 03-31) and O ($50,000, negotiation,
 * due 03-20, so overdue).
 */
const ds = historyBook();
const END_Q1 = ms('2026-03-31T23:59:59.999Z');
const settings = { ...DEFAULT_FORECAST_SETTINGS, probabilitySource: 'user' as const };
const view = forecastView(ds, { filters: {}, settings }, END_Q1);
const list = (target: DealTarget) => dealListView(ds, { filters: {}, settings, stageCategories: {}, target }, END_Q1);
const ids = (l: ReturnType<typeof list>) => l.rows.map((r) => r.id).sort();
const q1 = view.quarters.find((q) => q.quarter === '2026-Q1')!;

describe('the Forecast headline: expected bookings open their deals', () => {
  it('expected bookings = the weighted pipeline: P $3,500 + I $4,000 + O $30,000 = $37,500', () => {
    const l = list({ kind: 'expected', basis: 'weighted' });
    expect([ids(l), l.totalCents, view.expectedBookingsCents]).toEqual([['I', 'O', 'P'], usd(37_500), usd(37_500)]);
  });
  it('pipeline × win rate: $100,000 open × 50% (W won, G lost) = $50,000, each deal at half its amount, said in the caption', () => {
    const l = list({ kind: 'expected', basis: 'winRate' });
    expect([ids(l), l.totalCents, view.pipelineTimesWinRateCents]).toEqual([['I', 'O', 'P'], usd(50_000), usd(50_000)]);
    expect(l.rows.find((r) => r.id === 'O')!.figureCents).toBe(usd(25_000));
    expect(l.note).toContain('50.0%');
  });
});

describe('the win rate, the average won deal and the cycle open the deals they are read from', () => {
  it('win rate 50%: W won and G lost in the lookback, both listed; the caption says the figure is a rate', () => {
    const l = list({ kind: 'lookback', won: false });
    expect([ids(l), view.winRate, view.won + view.lost]).toEqual([['G', 'W'], 0.5, 2]);
    expect(l.note).toContain('win rate = 1 won ÷ 2 closed over the last 4 quarters = 50.0%');
  });
  it('the won deals: W, $5,000, the average won deal', () => {
    const l = list({ kind: 'lookback', won: true });
    expect([ids(l), l.totalCents]).toEqual([['W'], usd(5_000)]);
    expect(fillMoney(l.note ?? '', 'USD')).toContain('the average won deal is their amount ÷ 1 ($5,000)');
  });
});

describe('the slippage win rates open the closed deals they are read from', () => {
  const at = ms('2026-04-30');
  const slip = (pushed: boolean) =>
    dealListView(ds, { filters: {}, settings, stageCategories: {}, target: { kind: 'slipClosed', pushed } }, at);
  it('pushed: P, pushed twice and won, 1 of 1; never pushed: W won and G lost, 1 of 2', () => {
    expect([ids(slip(true)), ids(slip(false))]).toEqual([['P'], ['G', 'W']]);
    expect(slip(true).note).toContain('win rate = 1 won ÷ 1 closed deals pushed at least once = 100.0%');
    expect(slip(false).note).toContain('win rate = 1 won ÷ 2 closed deals never pushed = 50.0%');
  });
});

describe('coverage and the quarter chart: won, projected and each stage open their deals', () => {
  it('won in Q1: W, $5,000 (the coverage table’s won and the attainment 5%)', () => {
    const l = list({ kind: 'won', quarter: '2026-Q1' });
    expect([ids(l), l.totalCents, q1.wonCents, q1.coverage!.attainment]).toEqual([['W'], usd(5_000), usd(5_000), 0.05]);
    expect(l.note).toBeNull();
  });
  it('projected Q1 = won W $5,000 + I due $40,000 × 0.1 = $9,000; the gap is $100,000 − $9,000', () => {
    const l = list({ kind: 'projected', quarter: '2026-Q1' });
    expect([ids(l), l.totalCents, q1.coverage!.projectedCents, q1.coverage!.gapCents]).toEqual([
      ['I', 'W'],
      usd(9_000),
      usd(9_000),
      usd(91_000),
    ]);
    expect(Object.fromEntries(l.rows.map((r) => [r.id, r.figureCents]))).toEqual({ W: usd(5_000), I: usd(4_000) });
  });
  it('each stage of the stage table: negotiation O $50,000, weighted × 0.6 = $30,000; proposal P weighted $3,500', () => {
    const neg = view.stages.find((s) => s.stage === 'negotiation')!;
    const open = list({ kind: 'stage', stage: 'negotiation', weighted: false });
    const weighted = list({ kind: 'stage', stage: 'negotiation', weighted: true });
    expect([ids(open), open.totalCents, neg.openCents, weighted.totalCents, neg.weightedCents]).toEqual([
      ['O'],
      usd(50_000),
      usd(50_000),
      usd(30_000),
      usd(30_000),
    ]);
    expect(list({ kind: 'stage', stage: 'proposal', weighted: true }).totalCents).toBe(usd(3_500));
  });
  it('overdue: O, $50,000, as the overdue table counts it; undated: none', () => {
    const l = list({ kind: 'overdue' });
    expect([ids(l), l.totalCents, view.overdue.cents]).toEqual([['O'], usd(50_000), usd(50_000)]);
    expect([list({ kind: 'undated' }).rows.length, view.undated.count]).toEqual([0, 0]);
  });
});

/**
 * SQO cohorts (calendar quarters), as of 2026-02-15 (45 days into Q1):
 * 2025-Q3: A1 won 07-20 ($10,000, lag 0), A2 won 11-30 ($30,000, lag 1), A3 and A4 lost;
 * 2025-Q4: B1 won 10-10 ($20,000, lag 0), B2 open; 2026-Q1: C1, C2, C3 open.
 * Lag shares: 0 → (A1 + B1) ÷ the 6 SQOs of Q3 and Q4 = 1/3; 1 → A2 ÷ the 4 of Q3 = 1/4; 2+ no
 * cohort old enough. Average won deal $20,000. Pace: of the $60,000 booked in Q3 and Q4, A1 and B1
 * ($30,000) closed within 45 days of their quarter's start: 0.5.
 */
const won = (id: string, created: string, closed: string, dollars: number): OpportunityRecord =>
  opportunity(id, created, {
    amountCents: usd(dollars),
    status: 'won',
    closeDate: ms(closed),
    stage: 'won',
    stageHistory: [
      { stage: 'sqo', at: ms(created) },
      { stage: 'won', at: ms(closed) },
    ],
  });
const lost = (id: string, created: string, closed: string): OpportunityRecord =>
  opportunity(id, created, {
    status: 'lost',
    closeDate: ms(closed),
    stage: 'lost',
    stageHistory: [
      { stage: 'sqo', at: ms(created) },
      { stage: 'lost', at: ms(closed) },
    ],
  });
const open = (id: string, created: string): OpportunityRecord =>
  opportunity(id, created, { amountCents: usd(8_000), closeDate: ms('2026-06-30'), stage: 'sqo' });
const lagBook = buildDataset(
  recordSet({
    opportunities: [
      won('A1', '2025-07-02', '2025-07-20', 10_000),
      won('A2', '2025-08-01', '2025-11-30', 30_000),
      lost('A3', '2025-08-05', '2025-09-01'),
      lost('A4', '2025-09-01', '2025-09-20'),
      won('B1', '2025-10-02', '2025-10-10', 20_000),
      open('B2', '2025-11-01'),
      open('C1', '2026-01-05'),
      open('C2', '2026-01-10'),
      open('C3', '2026-02-01'),
    ],
  }),
);
const AS_OF = ms('2026-02-15');
const lagView = forecastView(lagBook, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }, AS_OF);
const lagList = (quarter: string, series: 'sqos' | 'forecast' | 'toDate') =>
  dealListView(
    lagBook,
    {
      filters: {},
      settings: DEFAULT_FORECAST_SETTINGS,
      stageCategories: {},
      target: { kind: 'sqoLag', quarter, series },
    },
    AS_OF,
  );
const lagQ = (q: string) => lagView.sqoLag.quarters.find((x) => x.quarter === q)!;

describe('the SQO-lag figures open the SQOs they are computed from', () => {
  it('the shares and the average won deal are as worked by hand', () => {
    expect(lagView.sqoLag.shares.map((s) => s.share)).toEqual([1 / 3, 1 / 4, null, null, null]);
    expect([lagView.sqoLag.avgWonCents, lagView.sqoLag.pace.share]).toEqual([usd(20_000), 0.5]);
  });
  it('2026-Q1 forecast: (3 × 1/3 + 2 × 1/4) × $20,000 = $30,000; C1–C3 at $6,667 each, B1 and B2 at $5,000; Q3’s SQOs (lag 2, unseen) are not listed', () => {
    const l = lagList('2026-Q1', 'forecast');
    expect([ids(l), l.totalCents, lagQ('2026-Q1').forecastCents]).toEqual([
      ['B1', 'B2', 'C1', 'C2', 'C3'],
      usd(30_000),
      usd(30_000),
    ]);
    expect(Object.fromEntries(l.rows.map((r) => [r.id, r.figureCents]))).toEqual({
      C1: 666_667,
      C2: 666_667,
      C3: 666_667,
      B1: usd(5_000),
      B2: usd(5_000),
    });
    expect(fillMoney(l.note ?? '', 'USD')).toMatch(
      /^A model, not a sum of these deals' amounts: \(3 created 0 quarters earlier × 33\.3% \+ 2 created 1 quarter earlier × 25\.0%\) × the average won deal \$20,000\./,
    );
  });
  it('2026-Q1 to date: $30,000 × the pace 0.5 = $15,000, the chart’s current-quarter point', () => {
    const l = lagList('2026-Q1', 'toDate');
    expect([l.totalCents, lagQ('2026-Q1').forecastToDateCents, l.rows.length]).toEqual([usd(15_000), usd(15_000), 5]);
  });
  it('2026-Q2 projected: the 3 SQOs of Q1 × 1/4 × $20,000 = $15,000 (SQOs not yet created count for nothing)', () => {
    const l = lagList('2026-Q2', 'forecast');
    expect([ids(l), l.totalCents, lagQ('2026-Q2').forecastCents]).toEqual([
      ['C1', 'C2', 'C3'],
      usd(15_000),
      usd(15_000),
    ]);
  });
  it('2025-Q4 back-test: (2 × 1/3 + 4 × 1/4) × $20,000 = $33,333.33, rounded once to the cent as the chart has it', () => {
    const l = lagList('2025-Q4', 'forecast');
    expect([ids(l), l.totalCents, lagQ('2025-Q4').forecastCents]).toEqual([
      ['A1', 'A2', 'A3', 'A4', 'B1', 'B2'],
      3_333_333,
      3_333_333,
    ]);
  });
  it('SQOs created in 2026-Q1: C1–C3, three rows for a count of 3, and the caption says the figure is a count', () => {
    const l = lagList('2026-Q1', 'sqos');
    expect([ids(l), l.rows.length, lagQ('2026-Q1').sqosCreated]).toEqual([['C1', 'C2', 'C3'], 3, 3]);
    expect(l.note).toContain('The figure is a count');
  });
  it('actual bookings of 2025-Q4: B1 and A2, $50,000, the won list of the quarter', () => {
    const l = dealListView(
      lagBook,
      {
        filters: {},
        settings: DEFAULT_FORECAST_SETTINGS,
        stageCategories: {},
        target: { kind: 'won', quarter: '2025-Q4' },
      },
      AS_OF,
    );
    expect([ids(l), l.totalCents, lagQ('2025-Q4').actualCents]).toEqual([['A2', 'B1'], usd(50_000), usd(50_000)]);
  });
});

/**
 * The accuracy card's headline on the back-test company (test/engine/forecast/accuracy-fixture.ts)
 * as of 2026-03-06, week 10 of Q1: A won $20,000 on 02-15; open and due in Q1 are B ($30,000,
 * proposal → Best case, rep p 0.4) and C ($50,000 since 03-01, discovery → Pipeline, rep p 0.3);
 * p(stage) the entered defaults (proposal 0.35, discovery 0.2).
 */
describe('the forecast-accuracy headline: each method’s projection and the won to date open their deals', () => {
  const acc = accuracyCompany();
  const T = ms('2026-03-06');
  const accList = (part: AccuracyPart) =>
    dealListView(
      acc,
      { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: { kind: 'accuracy', part } },
      T,
    );
  const figures = (l: ReturnType<typeof accList>) => Object.fromEntries(l.rows.map((r) => [r.id, r.figureCents]));
  const point = forecastsAt(
    acc,
    '2026-Q1',
    T,
    { ...DEFAULT_FORECAST_SETTINGS, source: 'data' },
    quarterCandidates(acc, '2026-Q1'),
    true,
  );
  it('weighted: A $20,000 + B $30,000 × 0.35 + C $50,000 × 0.2 = $40,500', () => {
    const l = accList('weighted');
    expect([figures(l), l.totalCents, point.byMethod.weighted.cents]).toEqual([
      { A: usd(20_000), B: usd(10_500), C: usd(10_000) },
      usd(40_500),
      usd(40_500),
    ]);
    // The worker names the method by its key; the view names it in words.
    expect([l.figure, l.quarter]).toEqual(['counted', '2026-Q1']);
    expect(l.note).toMatch(/^\{\{method:weighted\}\}: the deals won so far in 2026-Q1/);
    expect(fillMethods(l.note ?? '')).toMatch(/^Weighted pipeline: the deals won so far in 2026-Q1/);
  });
  it('commit: A alone, $20,000; best case: A + B, $50,000 (C is Pipeline)', () => {
    expect([figures(accList('commit')), accList('commit').totalCents, point.byMethod.commit.cents]).toEqual([
      { A: usd(20_000) },
      usd(20_000),
      usd(20_000),
    ]);
    expect([figures(accList('bestCase')), accList('bestCase').totalCents, point.byMethod.bestCase.cents]).toEqual([
      { A: usd(20_000), B: usd(30_000) },
      usd(50_000),
      usd(50_000),
    ]);
  });
  it('rep probability: A $20,000 + B × 0.4 $12,000 + C × 0.3 $15,000 = $47,000', () => {
    const l = accList('repProbability');
    expect([figures(l), l.totalCents, point.byMethod.repProbability.cents]).toEqual([
      { A: usd(20_000), B: usd(12_000), C: usd(15_000) },
      usd(47_000),
      usd(47_000),
    ]);
  });
  it('SQO-lag: C, the one SQO created in Q1 so far, × share(0) 1/3 × the average won deal $15,000 = $5,000', () => {
    const l = accList('sqoLag');
    expect([figures(l), l.totalCents, point.byMethod.sqoLag.cents]).toEqual([
      { C: usd(5_000) },
      usd(5_000),
      usd(5_000),
    ]);
    expect(l.note).toMatch(/^A model/);
  });
  it('won to date: A, $20,000', () => {
    const l = accList('wonToDate');
    expect([figures(l), l.totalCents, point.closedCents]).toEqual([{ A: usd(20_000) }, usd(20_000), usd(20_000)]);
  });
});

describe('the Commit method follows the edited stage → category map, in the back-test and in its deal list', () => {
  const acc = accuracyCompany();
  const commitQ1 = (stageCategories: Record<string, 'commit'>) => {
    const v = forecastAccuracyView(
      acc,
      { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories },
      ACCURACY_AS_OF,
    );
    if (!v.measurable) throw new Error(v.reason);
    return v.methods.find((m) => m.method === 'commit')!.quarters.find((q) => q.quarter === '2026-Q1')!.ape;
  };
  it('2026-Q1: 660,000 ÷ 910,000 with the default map; with discovery as Commit, C counts from week 6: (3 × 70,000 + 2 × 50,000 + 4 × 10,000) ÷ 910,000', () => {
    expect(commitQ1({})).toBeCloseTo(660_000 / 910_000, 10);
    expect(commitQ1({ discovery: 'commit' })).toBeCloseTo(350_000 / 910_000, 10);
  });
  it('the Commit projection’s list reads the same map: at 03-06, A won + C (discovery as Commit) = $70,000', () => {
    const l = dealListView(
      acc,
      {
        filters: {},
        settings: DEFAULT_FORECAST_SETTINGS,
        stageCategories: { discovery: 'commit' },
        target: { kind: 'accuracy', part: 'commit' },
      },
      ms('2026-03-06'),
    );
    expect([ids(l), l.totalCents]).toEqual([['A', 'C'], usd(70_000)]);
  });
});
