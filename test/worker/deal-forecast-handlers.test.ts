import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { dealForecastView, NEEDS_DEAL_HISTORY, type DealForecastInput } from '../../src/worker/handlers/deal-forecast';
import { dealListView, type DealTarget } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS } from '../../src/worker/handlers/forecast';
import { DEALS, historyBook, usd } from '../engine/forecast/history-fixture';
import { ms, recordSet } from '../fixtures/records';

/**
 * The fixture (test/engine/forecast/history-fixture.ts), at the end of 2026-Q1: P pushed twice (then
 * won in Q2), G grew from $20,000 to $30,000 and was lost, I pulled into Q1, O overridden by its
 * rep from Commit (negotiation) to Omitted, W a plain win. p(stage) entered: sqo 0.1, proposal 0.35.
 */
const ds = historyBook();
const END_Q1 = ms('2026-03-31T23:59:59.999Z');
const input: DealForecastInput = {
  filters: {},
  settings: { ...DEFAULT_FORECAST_SETTINGS, probabilitySource: 'user' },
  stageCategories: {},
  quarter: '2026-Q1',
};
const view = dealForecastView(ds, input, END_Q1);
const list = (target: DealTarget, stageCategories = {}) =>
  dealListView(ds, { ...input, stageCategories, target }, END_Q1);
const ids = (l: ReturnType<typeof list>) => l.rows.map((r) => r.id);

describe('forecast categories per quarter, cumulative as in Salesforce', () => {
  const q = (label: string) => view.categories.quarters.find((x) => x.quarter === label)!;
  it('Q1: closed = commit = best case $5,000 (W); pipeline adds I: $45,000; O is Omitted by its rep; quota $100,000', () => {
    expect(q('2026-Q1')).toMatchObject({
      tense: 'current',
      cents: { closed: usd(5_000), commit: usd(5_000), best_case: usd(5_000), pipeline: usd(45_000) },
      counts: { closed: 1, commit: 1, best_case: 1, pipeline: 2 },
      quotaCents: usd(100_000),
    });
  });
  it('weighted beside it: Q1 holds I only (O is overdue), $40,000 × 0.1; Q2 holds P, $10,000 × 0.35', () => {
    expect([q('2026-Q1').weightedCents, q('2026-Q2').weightedCents]).toEqual([usd(4_000), usd(3_500)]);
  });
  it('Q2: P committed by its rep (proposal maps to Best case): commit $10,000; two overrides (P and O)', () => {
    expect(q('2026-Q2').cents).toEqual({
      closed: 0,
      commit: usd(10_000),
      best_case: usd(10_000),
      pipeline: usd(10_000),
    });
    expect(view.categories.overrides).toBe(2);
  });
  it('shows the stage map, and an edit moves the deals without a recorded category', () => {
    expect(view.stageCategories.find((s) => s.stage === 'negotiation')).toEqual({
      stage: 'negotiation',
      category: 'commit',
      defaultCategory: 'commit',
    });
    const edited = dealForecastView(ds, { ...input, stageCategories: { sqo: 'best_case' } }, END_Q1);
    expect(edited.categories.quarters.find((x) => x.quarter === '2026-Q1')!.cents.best_case).toBe(usd(45_000));
    expect(edited.stageCategories.find((s) => s.stage === 'sqo')).toEqual({
      stage: 'sqo',
      category: 'best_case',
      defaultCategory: 'pipeline',
    });
  });
});

describe('the complete waterfall of Q1', () => {
  const w = view.waterfall!;
  it('5 + 80 + 40 − 10 + 10 − 0 − 5 − 30 = 90 thousand, in the order of the steps', () => {
    expect(w.steps.map((s) => [s.key, s.cents / 100])).toEqual([
      ['start', 5_000],
      ['created', 80_000],
      ['pulledIn', 40_000],
      ['pushedOut', 10_000],
      ['amountUp', 10_000],
      ['amountDown', 0],
      ['won', 5_000],
      ['lost', 30_000],
      ['end', 90_000],
    ]);
    expect([w.computedEndCents, w.identityHolds]).toEqual([usd(90_000), true]);
  });
});

describe('slippage and stalled deals', () => {
  it('at 04-30: P pushed twice and won, so pushed deals win 1 of 1; never pushed W won, G lost: 1 of 2', () => {
    const s = dealForecastView(ds, input, ms('2026-04-30')).slippage!;
    expect([s.pushedDeals, s.pushedTwiceDeals, s.pushes, s.daysPushed, s.winRatePushed, s.winRateNeverPushed]).toEqual([
      1, 1, 2, 64, 1, 0.5,
    ]);
  });
  it('stalled: the sqo stays are too few (3 < 5) for a p75, so no deal is flagged', () => {
    expect(view.stalled!.stages.find((s) => s.stage === 'sqo')).toMatchObject({ stays: 3, p75Days: null, stalled: 0 });
  });
});

describe('the deals behind each figure: the list total equals the figure', () => {
  it('pushed out of Q1: P, $10,000, pushed twice by the end of Q1', () => {
    const l = list({ kind: 'waterfall', quarter: '2026-Q1', step: 'pushedOut' });
    expect([ids(l), l.totalCents, l.rows[0]!.timesPushed, l.figure, l.quarter]).toEqual([
      ['P'],
      usd(10_000),
      2,
      'step',
      '2026-Q1',
    ]);
  });
  it('amount up: G adds its growth ($10,000), though its amount is $30,000', () => {
    const l = list({ kind: 'waterfall', quarter: '2026-Q1', step: 'amountUp' });
    expect([ids(l), l.totalCents, l.rows[0]!.figureCents, l.rows[0]!.amountCents]).toEqual([
      ['G'],
      usd(10_000),
      usd(10_000),
      usd(30_000),
    ]);
  });
  it('pulled in: I, $40,000; end: I and O, $90,000', () => {
    expect([
      ids(list({ kind: 'waterfall', quarter: '2026-Q1', step: 'pulledIn' })),
      list({ kind: 'waterfall', quarter: '2026-Q1', step: 'pulledIn' }).totalCents,
    ]).toEqual([['I'], usd(40_000)]);
    const end = list({ kind: 'waterfall', quarter: '2026-Q1', step: 'end' });
    expect([ids(end), end.totalCents]).toEqual([['I', 'O'], usd(90_000)]);
  });
  it('pipeline (cumulative) of Q1: W closed and I; O, overridden to Omitted, is not in it', () => {
    const l = list({ kind: 'category', quarter: '2026-Q1', category: 'pipeline' });
    expect([ids(l).sort(), l.totalCents, l.rows.map((r) => r.category).sort()]).toEqual([
      ['I', 'W'],
      usd(45_000),
      ['closed', 'pipeline'],
    ]);
  });
  it('commit of Q2: P, whose row says commit (its rep’s override)', () => {
    const l = list({ kind: 'category', quarter: '2026-Q2', category: 'commit' });
    expect([ids(l), l.totalCents, l.rows[0]!.category]).toEqual([['P'], usd(10_000), 'commit']);
  });
  it('a stage-map edit shows in the rows: sqo as Best case puts I in Q1’s best case', () => {
    const l = list({ kind: 'category', quarter: '2026-Q1', category: 'best_case' }, { sqo: 'best_case' });
    expect([ids(l).sort(), l.totalCents]).toEqual([['I', 'W'], usd(45_000)]);
    expect(l.rows.find((r) => r.id === 'I')!.category).toBe('best_case');
  });
  it('open due in Q2 (the coverage table’s figure): P, $10,000 unweighted', () => {
    const l = list({ kind: 'due', quarter: '2026-Q2', weighted: false });
    expect([ids(l), l.totalCents, l.figure]).toEqual([['P'], usd(10_000), 'amount']);
  });
  it('weighted pipeline due in Q1: I at $4,000 (the figure beside the categories)', () => {
    const l = list({ kind: 'due', quarter: '2026-Q1', weighted: true });
    expect([ids(l), l.totalCents, l.rows[0]!.figureCents]).toEqual([['I'], usd(4_000), usd(4_000)]);
  });
});

describe('without deal history', () => {
  const plain = buildDataset(
    recordSet({
      opportunities: DEALS.map(({ changes: _changes, ...d }) => d),
      plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [{ quarter: '2026-Q1', quotaCents: usd(100_000) }] },
    }),
  );
  it('the waterfall and the slippage say what they need instead of showing 0', () => {
    const v = dealForecastView(plain, input, END_Q1);
    expect([v.waterfall, v.slippage]).toEqual([null, null]);
    expect(v.notMeasurable).toMatchObject({ waterfall: NEEDS_DEAL_HISTORY, slippage: NEEDS_DEAL_HISTORY });
    // Categories still come from the stages: O (negotiation) is Commit without its rep's override.
    expect(v.categories.quarters.find((x) => x.quarter === '2026-Q1')!.cents.commit).toBe(usd(55_000));
  });
});
