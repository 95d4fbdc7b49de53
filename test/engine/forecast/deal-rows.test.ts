import { describe, expect, it } from 'vitest';
import { dealRows } from '../../../src/engine/forecast/deal-rows';
import { ms } from '../../fixtures/records';
import { historyBook, usd } from './history-fixture';

const ds = historyBook();
const row = (id: string) => ds.opportunities.id.indexOf(id);

describe('the deal list rows, as each deal stood at the as-of instant', () => {
  it('P at the end of Q1: proposal, committed, due 04-20 after two pushes; p(proposal) 0.35 (too few closed deals for data)', () => {
    const [p] = dealRows(ds, [row('P')], ms('2026-03-31T23:59:59.999Z'));
    expect(p).toEqual({
      id: 'P',
      owner: null,
      status: 'open',
      stage: 'proposal',
      category: 'commit',
      amountCents: usd(10_000),
      closeDate: '2026-04-20',
      p: 0.35,
      weightedCents: usd(3_500),
      ageDays: 85,
      daysInStage: 49,
      timesPushed: 2,
      overdue: false,
    });
  });

  it('I is overdue once its close day (03-31) is over; won W has p 1 and no days in stage', () => {
    expect(dealRows(ds, [row('I')], ms('2026-03-31T23:59:59.999Z'))[0]).toMatchObject({
      overdue: false,
      ageDays: 120,
      daysInStage: 120,
      p: 0.1,
      weightedCents: usd(4_000),
    });
    expect(dealRows(ds, [row('I')], ms('2026-04-01'))[0]!.overdue).toBe(true);
    expect(dealRows(ds, [row('W')], ms('2026-04-01'))[0]).toMatchObject({
      status: 'won',
      category: 'closed',
      p: 1,
      weightedCents: usd(5_000),
      daysInStage: null,
      overdue: false,
    });
  });
});
