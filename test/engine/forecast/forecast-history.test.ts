import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCategories } from '../../../src/engine/forecast/categories';
import { quarterWaterfall, waterfallBalance } from '../../../src/engine/forecast/deal-waterfall';
import { slippage } from '../../../src/engine/forecast/slippage';
import { stalledDeals } from '../../../src/engine/forecast/stalled';
import { dealStateAt } from '../../../src/engine/forecast/deal-history';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { OpportunityRecord } from '../../../src/engine/model/records';
import { STATUS_OPEN } from '../../../src/engine/model/stages';
import { quarterEnd, quarterStart } from '../../../src/engine/time';
import { ms, opportunity, recordSet } from '../../fixtures/records';
import { historyBook, usd } from './history-fixture';

const ds = historyBook();
const ids = (rows: readonly number[]) => rows.map((j) => ds.opportunities.id[j]);
const END_Q1 = ms('2026-03-31T23:59:59.999Z');

describe('the pipeline waterfall of 2026-Q1, worked by hand from the fixture', () => {
  const w = quarterWaterfall(ds, '2026-Q1', END_Q1);
  const step = (k: keyof typeof w.steps) => [w.steps[k].count, w.steps[k].cents, ids(w.steps[k].deals)];

  it('start: W, open on 01-01 and due 01-31', () => expect(step('start')).toEqual([1, usd(5_000), ['W']]));
  it('new: P, G and O, created in the quarter and due in it', () =>
    expect(step('created')).toEqual([3, usd(80_000), ['P', 'G', 'O']]));
  it('pulled in: I, its close date moved from 06-30 to 03-31', () =>
    expect(step('pulledIn')).toEqual([1, usd(40_000), ['I']]));
  it('pushed out: P, moved to 04-20 on 03-05 (its first push, to 03-10, stayed in the quarter)', () =>
    expect(step('pushedOut')).toEqual([1, usd(10_000), ['P']]));
  it('amount up: G, $20,000 → $30,000', () => expect(step('amountUp')).toEqual([1, usd(10_000), ['G']]));
  it('amount down: none', () => expect(step('amountDown')).toEqual([0, 0, []]));
  it('won: W; lost: G at its grown amount', () => {
    expect(step('won')).toEqual([1, usd(5_000), ['W']]);
    expect(step('lost')).toEqual([1, usd(30_000), ['G']]);
  });
  it('end: I and O; 5 + 80 + 40 − 10 + 10 − 5 − 30 = 90 thousand', () => {
    expect(step('end')).toEqual([2, usd(90_000), ['I', 'O']]);
    expect(waterfallBalance(w)).toEqual({ cents: usd(90_000), count: 2 });
  });
});

describe('slippage at 2026-04-30, by hand', () => {
  const s = slippage(ds, { asOf: ms('2026-04-30') });
  it('P pushed twice (23 + 41 days), I pulled in; G’s close date set to the loss day is no slippage', () => {
    expect([s.pushedDeals, s.pushedTwiceDeals, s.pulledInDeals, s.pushes, s.daysPushed, s.meanDaysPerPush]).toEqual([
      1, 1, 1, 2, 64, 32,
    ]);
    expect([ids(s.rows.pushed), ids(s.rows.pulledIn)]).toEqual([['P'], ['I']]);
  });
  it('win rate pushed 1/1 (P won); never pushed 1/2 (W won, G lost)', () => {
    expect([s.winRatePushed, s.winRateNeverPushed, s.closedPushed, s.closedNeverPushed]).toEqual([1, 0.5, 1, 2]);
  });
  it('no closed deal among the pushed: that win rate is null, not 0', () => {
    const early = slippage(ds, { asOf: ms('2026-02-05') });
    expect([early.winRatePushed, early.winRateNeverPushed]).toEqual([null, 1]);
  });
});

describe('forecast categories at the end of 2026-Q1, by hand', () => {
  const f = forecastCategories(ds, { asOf: END_Q1 });
  const q = (label: string) => f.quarters.find((x) => x.quarter === label)!;
  it('Q1: closed W $5,000; I in Pipeline $40,000; O Omitted by its rep although negotiation maps to Commit', () => {
    const q1 = q('2026-Q1');
    expect([q1.closedCents, q1.commitCents, q1.bestCaseCents, q1.pipelineCents, q1.quotaCents]).toEqual([
      usd(5_000),
      usd(5_000),
      usd(5_000),
      usd(45_000),
      usd(100_000),
    ]);
    expect(ids(q1.own.omitted.deals)).toEqual(['O']);
    expect(q1.own.omitted.cents).toBe(usd(50_000));
  });
  it('Q2: P, pushed there and committed by its rep while in proposal (maps to Best case)', () => {
    const q2 = q('2026-Q2');
    expect([q2.closedCents, q2.commitCents, q2.bestCaseCents, q2.pipelineCents, q2.quotaCents]).toEqual([
      0,
      usd(10_000),
      usd(10_000),
      usd(10_000),
      null,
    ]);
    expect(f.overrides).toBe(2);
  });
  it('an edited stage map changes the categories of deals without a recorded one', () => {
    const g = forecastCategories(ds, { asOf: END_Q1, stageCategories: { sqo: 'best_case' } });
    expect(g.quarters.find((x) => x.quarter === '2026-Q1')!.bestCaseCents).toBe(usd(45_000));
  });
});

describe('stalled deals at the end of 2026-Q1', () => {
  it('sqo stays 36, 64 and 91 days: p75 91; I has been in sqo 121 days, so it is stalled', () => {
    const s = stalledDeals(ds, { asOf: END_Q1, minStays: 3 });
    const sqo = s.find((x) => x.stage === 'sqo')!;
    expect([sqo.stays, sqo.p75Days, ids(sqo.stalled)]).toEqual([3, 91, ['I']]);
    expect(s.find((x) => x.stage === 'negotiation')).toMatchObject({ stays: 0, p75Days: null, stalled: [] });
  });
  it('with fewer completed stays than the minimum (5 by default) nothing is flagged', () => {
    expect(stalledDeals(ds, { asOf: END_Q1 }).find((x) => x.stage === 'sqo')).toMatchObject({
      p75Days: null,
      stalled: [],
    });
  });
});

const DAY = 86_400_000;
const T0 = ms('2025-10-01');
const change = fc.record({
  day: fc.integer({ min: 0, max: 300 }),
  amount: fc.option(
    fc.integer({ min: 0, max: 9 }).map((k) => k * 100_000),
    { nil: undefined },
  ),
  close: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
});
const deal = fc.record({
  created: fc.integer({ min: 0, max: 250 }),
  close: fc.integer({ min: 0, max: 400 }),
  status: fc.constantFrom('open', 'won', 'lost'),
  changes: fc.array(change, { maxLength: 6 }),
});

function randomBook(
  deals: {
    created: number;
    close: number;
    status: string;
    changes: { day: number; amount?: number; close?: number }[];
  }[],
) {
  const opportunities: OpportunityRecord[] = deals.map((d, i) => {
    const created = T0 + d.created * DAY;
    const closeDate = T0 + Math.max(d.created, d.close) * DAY;
    return opportunity(`D${i}`, new Date(created).toISOString(), {
      status: d.status as OpportunityRecord['status'],
      closeDate,
      changes: d.changes
        .map((c) => ({
          at: created + c.day * DAY,
          ...(c.amount !== undefined && { amountCents: c.amount }),
          ...(c.close !== undefined && { closeDate: T0 + c.close * DAY }),
        }))
        .filter((c) => Object.keys(c).length > 1)
        .sort((a, b) => a.at - b.at),
    });
  });
  return buildDataset(recordSet({ opportunities }));
}

describe('the waterfall identity on random histories', () => {
  it('start + new + pulled in − pushed out ± amount changes − won − lost = end, and start/end are the pipeline then', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 8 }),
        fc.constantFrom('2025-Q4', '2026-Q1', '2026-Q2'),
        fc.integer({ min: 0, max: 420 }),
        (deals, quarter, asOfDay) => {
          const book = randomBook(deals);
          const asOf = T0 + asOfDay * DAY;
          const w = quarterWaterfall(book, quarter, asOf);
          expect(waterfallBalance(w)).toEqual({ cents: w.steps.end.cents, count: w.steps.end.count });
          // Start and end equal the open pipeline due in the quarter, replayed at those instants.
          for (const [key, t] of [
            ['start', w.from],
            ['end', w.to],
          ] as const) {
            let cents = 0;
            let count = 0;
            for (let j = 0; j < book.opportunities.count; j++) {
              const s = dealStateAt(book, j, t);
              if (
                s.status === STATUS_OPEN &&
                s.closeDate >= quarterStart(quarter) &&
                s.closeDate < quarterEnd(quarter)
              ) {
                cents += s.amountCents;
                count++;
              }
            }
            expect([w.steps[key].cents, w.steps[key].count]).toEqual([cents, count]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
