import { describe, expect, it } from 'vitest';
import { buildDealListCells, matchesDealFilter } from '../../../src/features/forecast/build-deal-forecast-model';
import type { DealListView } from '../../../src/worker/api';

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
const view = (figureLabel: string): DealListView => ({
  currency: 'USD',
  title: 't',
  figureLabel,
  totalCents: 350_00,
  note: null,
  rows: [{ ...row, figureCents: 350_00 }],
});

describe('the deal list filter reads the deal, owner, status, stage and category', () => {
  it('with a figure column second, the category is still searched and the figure is not', () => {
    const [cells] = buildDealListCells(view('Weighted amount'));
    expect(['best_case', 'proposal', 'ana', 'd-1'].map((n) => matchesDealFilter(cells!, n, true))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(matchesDealFilter(cells!, '350', true)).toBe(false);
  });
  it('without one, the same five columns', () => {
    const [cells] = buildDealListCells(view('Amount'));
    expect([matchesDealFilter(cells!, 'best_case', false), matchesDealFilter(cells!, '1000', false)]).toEqual([
      true,
      false,
    ]);
  });
});
