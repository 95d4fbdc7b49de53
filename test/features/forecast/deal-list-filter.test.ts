import { describe, expect, it } from 'vitest';
import { buildDealListCells, matchesDealFilter } from '../../../src/features/forecast/build-deal-forecast-model';
import { dealListTitle, FIGURE_LABEL } from '../../../src/features/forecast/deal-list-words';
import type { DealFigure, DealListView } from '../../../src/worker/api';

const row = {
  id: 'D-1',
  owner: 'Ana',
  status: 'open',
  stage: 'proposal',
  category: 'best_case',
  amountCents: 1_000_00,
  closeDate: '2026-05-01',
  p: 0.35,
  weightedCents: 350_00,
  ageDays: 10,
  daysInStage: 4,
  timesPushed: 0,
  overdue: false,
} as const;
const view = (figure: DealFigure): DealListView => ({
  currency: 'USD',
  target: { kind: 'open', weighted: figure === 'weighted' },
  quarter: null,
  figure,
  totalCents: 350_00,
  note: null,
  rows: [{ ...row, figureCents: 350_00 }],
});

describe('the deal list filter reads the deal, owner, status, stage and category', () => {
  it('with a figure column second, the category is still searched and the figure is not', () => {
    const [cells] = buildDealListCells(view('weighted'));
    expect(['best_case', 'proposal', 'ana', 'd-1'].map((n) => matchesDealFilter(cells!, n, true))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(matchesDealFilter(cells!, '350', true)).toBe(false);
  });
  it('without one, the same five columns', () => {
    const [cells] = buildDealListCells(view('amount'));
    expect([matchesDealFilter(cells!, 'best_case', false), matchesDealFilter(cells!, '1000', false)]).toEqual([
      true,
      false,
    ]);
  });
});

describe('a deal list names the figure it lists', () => {
  it('from the target and the quarter the worker computed it for', () => {
    expect(
      dealListTitle({ target: { kind: 'category', quarter: '2026-Q3', category: 'best_case' }, quarter: '2026-Q3' }),
    ).toBe('Best case (cumulative), 2026-Q3');
    // The waterfall names the quarter it shows, which the worker may have put in place of the one asked.
    expect(
      dealListTitle({ target: { kind: 'waterfall', quarter: '1999-Q1', step: 'pushedOut' }, quarter: '2026-Q4' }),
    ).toBe('Pushed out, pipeline waterfall 2026-Q4');
    expect(dealListTitle({ target: { kind: 'accuracy', part: 'sqoLag' }, quarter: '2026-Q4' })).toBe(
      'Projected bookings of 2026-Q4, SQO-lag model',
    );
    expect(dealListTitle({ target: { kind: 'accuracy', part: 'wonToDate' }, quarter: '2026-Q4' })).toBe(
      'Won to date, 2026-Q4',
    );
    expect(dealListTitle({ target: { kind: 'stalled', stage: 'proposal' }, quarter: null })).toBe(
      'Stalled deals in proposal',
    );
    expect([FIGURE_LABEL.amountTimesWinRate, FIGURE_LABEL.expected]).toEqual([
      'Amount × win rate',
      'Expected bookings',
    ]);
  });
});
