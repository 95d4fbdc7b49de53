import { describe, expect, it } from 'vitest';
import type { DatasetContext } from '../../src/cli/context';
import { dealForecastSection, NO_HISTORY } from '../../src/cli/sections/deal-forecast';
import type { Dataset } from '../../src/engine/model/columns';
import { bookOfDeals } from '../engine/forecast/pipeline-fixture';
import { historyBook } from '../engine/forecast/history-fixture';
import { ms, recordSet } from '../fixtures/records';

const ctx = (dataset: Dataset, asOf: number): DatasetContext => ({
  records: recordSet(),
  dataset,
  report: { files: [], rowsRead: 0, accepted: 0, repaired: 0, rejected: 0, issues: [], warnings: [] },
  asOf,
  options: { json: true, flags: {} },
});

describe('report key forecast', () => {
  const END_Q1 = ms('2026-03-31T23:59:59.999Z');
  const c = ctx(historyBook(), END_Q1);
  const out = (dealForecastSection.json(c) as { forecast: Record<string, unknown> }).forecast;

  it('categories per quarter, cumulative as Salesforce, beside quota and weighted pipeline (currency units)', () => {
    const cats = out.categories as Record<string, Record<string, number | null>>;
    expect(cats['2026-Q1']).toMatchObject({
      closed: 5_000,
      commit: 5_000,
      bestCase: 5_000,
      pipeline: 45_000,
      omitted: 50_000,
      quota: 100_000,
    });
    expect(cats['2026-Q2']).toMatchObject({
      closed: 0,
      commit: 10_000,
      bestCase: 10_000,
      pipeline: 10_000,
      quota: null,
    });
  });

  it('the waterfall of the as-of quarter, and slippage with win rates (null when no pushed deal closed)', () => {
    expect(out.waterfall).toMatchObject({
      quarter: '2026-Q1',
      start: { count: 1, amount: 5_000 },
      created: { count: 3, amount: 80_000 },
      pulledIn: { count: 1, amount: 40_000 },
      pushedOut: { count: 1, amount: 10_000 },
      amountUp: { count: 1, amount: 10_000 },
      amountDown: { count: 0, amount: 0 },
      won: { count: 1, amount: 5_000 },
      lost: { count: 1, amount: 30_000 },
      end: { count: 2, amount: 90_000 },
    });
    expect(out.slippage).toMatchObject({
      pushedDeals: 1,
      pushedTwiceDeals: 1,
      pulledInDeals: 1,
      winRatePushed: null,
      winRateNeverPushed: 0.5,
    });
    expect(out.notMeasurable).toBeUndefined();
    expect(dealForecastSection.text(c)[1]).toMatch(/start \$5,000 \+ new \$80,000 .* = end \$90,000/);
  });

  it('without deal history: waterfall and slippage are null, with the reason', () => {
    const none = (
      dealForecastSection.json(ctx(bookOfDeals(), ms('2026-06-30'))) as { forecast: Record<string, unknown> }
    ).forecast;
    expect([none.waterfall, none.slippage]).toEqual([null, null]);
    expect(none.notMeasurable).toEqual({ waterfall: NO_HISTORY, slippage: NO_HISTORY });
    expect(none.categories).toHaveProperty('2026-Q2');
  });
});
