import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipelineWaterfall, waterfallEnd } from '../../../src/engine/forecast/waterfall';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { OpportunityRecord } from '../../../src/engine/model/records';
import { ms, opportunity, recordSet } from '../../fixtures/records';
import { bookOfDeals, deal, usd } from './pipeline-fixture';

describe('pipeline waterfall', () => {
  // R: lost in February, re-opened into proposal on May 10th (pulled back in).
  const R = deal('R', '2026-01-10', 5_000, [['lost', '2026-02-01'], ['proposal', '2026-05-10']]);
  const w = pipelineWaterfall(bookOfDeals([R]), ms('2026-04-01'), ms('2026-06-30'));

  it('walks Q2 by hand: start, new, pulled in, won, lost, end', () => {
    // Open on April 1st: A $10,000, C $30,000, E $20,000 (won Apr 12), F $50,000 (lost May 1).
    expect(w.start).toEqual({ count: 4, cents: usd(110_000) });
    // Created in the quarter: B $20,000.
    expect(w.created).toEqual({ count: 1, cents: usd(20_000) });
    expect(w.pulledIn).toEqual({ count: 1, cents: usd(5_000) });
    expect(w.won).toEqual({ count: 1, cents: usd(20_000) });
    expect(w.lost).toEqual({ count: 1, cents: usd(50_000) });
    // Open on June 30th: A, B, C, R = $65,000.
    expect(w.end).toEqual({ count: 4, cents: usd(65_000) });
    // 110,000 + 20,000 + 5,000 − 20,000 − 50,000 = 65,000.
    expect(waterfallEnd(w)).toBe(w.end.cents);
  });

  it('is all zeros on an empty dataset', () => {
    const e = pipelineWaterfall(buildDataset(recordSet()), 0, 1);
    expect(e.start.cents + e.end.cents + e.created.cents).toBe(0);
  });

  it('holds start + changes = end for any histories and any period', () => {
    const DAY = 86_400_000;
    const base = ms('2026-01-01');
    const opp = (id: string): fc.Arbitrary<OpportunityRecord> =>
      fc
        .record({
          created: fc.integer({ min: 0, max: 100 }),
          amount: fc.integer({ min: 0, max: 10_000_000 }),
          steps: fc.array(fc.record({ stage: fc.constantFrom('sqo', 'proposal', 'won', 'lost'), day: fc.integer({ min: 0, max: 120 }) }), { maxLength: 5 }),
          status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
          close: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        })
        .map((r) =>
          opportunity(id, '2026-01-01', {
            createdAt: base + r.created * DAY,
            amountCents: r.amount,
            status: r.status,
            closeDate: r.close === undefined ? undefined : base + r.close * DAY,
            stageHistory: r.steps.map((s) => ({ stage: s.stage, at: base + s.day * DAY })),
          }),
        );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 }).chain((ks) => fc.tuple(...ks.map((k) => opp(`o${k}`)))),
        fc.integer({ min: -10, max: 160 }),
        fc.integer({ min: 0, max: 100 }),
        (opps, fromDay, lengthDays) => {
          const ds = buildDataset(recordSet({ opportunities: opps }));
          const wf = pipelineWaterfall(ds, base + fromDay * DAY, base + (fromDay + lengthDays) * DAY);
          expect(waterfallEnd(wf)).toBe(wf.end.cents);
        },
      ),
    );
  });
});
