import { describe, expect, it } from 'vitest';
import { cohortConversion, periodConversion, typicalDays } from '../../../src/engine/funnel/conversion';
import { groupsFor } from '../../../src/engine/funnel/groups';
import { funnelPeriods } from '../../../src/engine/funnel/periods';
import { pairOf } from '../../../src/engine/funnel/tally';
import { closedWinRates } from '../../../src/engine/funnel/win-rate';
import { handReach } from './hand-fixture';

const mqlToSqo = pairOf('mqlToSqo');

describe('cohort conversion', () => {
  it('runs over the quarters from the first lead to the as-of date', () => {
    const { reach } = handReach();
    expect(funnelPeriods(reach).map((p) => p.label)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('takes the typical time to convert as the median days A→B of converted leads', () => {
    // MQL→SQO: L1 Jan 10 → Feb 1 = 22 d; L2 Jan 12 → Feb 10 = 29 d; L4 0 d (both inferred from won_at).
    expect(typicalDays(handReach().reach, mqlToSqo)).toBe(22);
  });

  it('gives the share of each MQL cohort that reached SQO, with immature cohorts flagged', () => {
    const { reach } = handReach();
    const [series] = cohortConversion(reach, mqlToSqo, { periods: funnelPeriods(reach) }).cells;
    // Q1 MQLs: L1, L2, L3, L4 → SQO: L1, L2, L4. L3 was disqualified: closed, not open.
    expect(series![0]).toEqual({
      period: '2026-Q1',
      entered: 4,
      converted: 3,
      stillOpen: 0,
      rate: 3 / 4,
      openShare: 0,
      immature: false,
    });
    // Q2 MQLs: L5 (first entry Apr 2), not converted, still open; the quarter ends after the as-of date.
    expect(series![1]).toEqual({
      period: '2026-Q2',
      entered: 1,
      converted: 0,
      stillOpen: 1,
      rate: 0,
      openShare: 1,
      immature: true,
    });
  });

  it('counts only conversions within the window, and matures cohorts by the window', () => {
    const { reach } = handReach();
    const c = cohortConversion(reach, mqlToSqo, { periods: funnelPeriods(reach), windowDays: 20 });
    // Within 20 days: only L4 (0 d); L1 (22 d) and L2 (29 d) converted late, so they are not open either.
    expect(c.cells[0]![0]).toMatchObject({ entered: 4, converted: 1, stillOpen: 0, rate: 1 / 4, immature: false });
    expect(c.maturityDays).toBe(20);
  });

  it('splits cohorts by group; groups add up to the total', () => {
    const { ds, reach } = handReach();
    const groups = groupsFor(ds, 'source')!;
    const c = cohortConversion(reach, mqlToSqo, { periods: funnelPeriods(reach), groups });
    // labels: webinar, paid (dictionary order), then (none).
    const q1 = c.cells.map((g) => g[0]!.entered);
    expect(groups.labels).toEqual(['webinar', 'paid']);
    expect(q1).toEqual([2, 1, 1]); // webinar L1 L2; paid L3; none L4
    expect(c.cells.map((g) => g[0]!.converted)).toEqual([2, 0, 1]);
  });

  it('returns null, not 0, for an empty cohort', () => {
    const { reach } = handReach('inclusive', { sources: ['paid'] });
    const c = cohortConversion(reach, pairOf('sqoToWon'), { periods: funnelPeriods(reach) });
    expect(c.cells[0]!.every((cell) => cell.entered === 0 && cell.rate === null && cell.openShare === null)).toBe(true);
    expect(c.typicalDays).toBeNull();
  });
});

describe('period conversion', () => {
  it('divides entries into B in the quarter by entries into A in the quarter', () => {
    const { reach } = handReach();
    const [series] = periodConversion(reach, mqlToSqo, { periods: funnelPeriods(reach) });
    // Q1: MQL entries L1 L2 L3 L4 = 4; SQO entries L1 (Feb 1), L2 (Feb 10), L4 (Mar 20) = 3.
    expect(series![0]).toEqual({ period: '2026-Q1', enteredFrom: 4, enteredTo: 3, rate: 3 / 4 });
    expect(series![1]).toEqual({ period: '2026-Q2', enteredFrom: 1, enteredTo: 0, rate: 0 });
  });
});

describe('win rate of deals closed in the period', () => {
  it('counts wins and losses by close quarter', () => {
    const { reach } = handReach();
    // Q1: L1 won Mar 1, L4 won Mar 20; Q2: L2 lost Apr 1.
    // Wilson 95% at 2 of 2: centre (1 + 0.9604) / 2.9208 = 0.67119, half 1.96·√(3.8416/16) / 2.9208 = 0.32881 → [0.3424, 1];
    // at 0 of 1: centre 1.9208 / 4.8416 = 0.39673, half 1.96·√(3.8416/4) / 4.8416 = 0.39673 → [0, 0.7935].
    expect(closedWinRates(reach, funnelPeriods(reach))).toEqual([
      { period: '2026-Q1', won: 2, lost: 0, rate: 1, n: 2, lo: expect.closeTo(0.3424, 4) as number, hi: 1 },
      { period: '2026-Q2', won: 0, lost: 1, rate: 0, n: 1, lo: 0, hi: expect.closeTo(0.7935, 4) as number },
    ]);
  });
});

describe('entries within a window', () => {
  it('counts stage entries and closes between two instants', async () => {
    const { windowCounts } = await import('../../../src/engine/funnel/window-counts');
    const { reach } = handReach();
    // Feb 1 – Mar 31: leads L3 (Feb 1), L4 (Feb 15), L8 (Mar 1); MQLs L3 (Feb 5), L4 (Mar 20, inferred);
    // SQOs L1 (Feb 1), L2 (Feb 10), L4 (Mar 20); won L1 (Mar 1), L4 (Mar 20); nothing lost.
    const w = windowCounts(reach, Date.UTC(2026, 1, 1), Date.UTC(2026, 3, 1));
    expect(w.entries).toMatchObject({ lead: 3, mql: 2, sqo: 3, won: 2, lost: 0, disqualified: 1 });
    expect(w.mqlToSqo).toBe(3 / 2);
    expect(w.winRate).toBe(1);
    expect(windowCounts(reach, 0, 1).winRate).toBeNull();
  });
});
