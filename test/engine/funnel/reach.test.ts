import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach } from '../../../src/engine/funnel/reach';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';
import { handReach, row } from './hand-fixture';

describe('stage reach', () => {
  it('dates a skipped stage at the earliest later entry (inclusive)', () => {
    const { ds, reach } = handReach();
    expect(reach.at.sal[row(ds, 'L2')]).toBe(ms('2026-01-20')); // sal skipped, sql on Jan 20
    expect(reach.at.sqo[row(ds, 'L4')]).toBe(ms('2026-03-20')); // only won_at
    expect(reach.at.won[row(ds, 'L1')]).toBe(ms('2026-03-01')); // won through its opportunity's close date
  });

  it('leaves bots and leads created after the as-of date out of scope', () => {
    const { ds, reach } = handReach();
    expect(reach.inScope[row(ds, 'L6')]).toBe(0);
    expect(reach.inScope[row(ds, 'L7')]).toBe(0);
  });

  it('ignores what happens after the as-of date', () => {
    const rs = recordSet({
      leads: [lead('A', '2026-01-01', { mql: '2026-01-05', sqo: '2026-02-01' })],
      opportunities: [opportunity('O', '2026-02-01', { leadId: 'A', status: 'won', closeDate: ms('2026-05-01') })],
    });
    const ds = buildDataset(rs);
    const before = computeReach(ds, leadMask(ds, {}), ms('2026-03-01'));
    expect(before.reached.won[0]).toBe(0);
    expect(before.reached.sqo[0]).toBe(1);
    const jan = computeReach(ds, leadMask(ds, {}), ms('2026-01-10'));
    expect([jan.reached.mql[0], jan.reached.sqo[0]]).toEqual([1, 0]);
    expect(computeReach(ds, leadMask(ds, {}), ms('2026-06-01')).reached.won[0]).toBe(1);
  });

  it('counts a won opportunity with a lost_at on the lead as won, not lost', () => {
    const rs = recordSet({
      leads: [lead('A', '2026-01-01', { lost: '2026-02-01' }), lead('B', '2026-01-01', { lost: '2026-02-01' })],
      opportunities: [opportunity('O', '2026-01-10', { leadId: 'A', status: 'won', closeDate: ms('2026-03-01') })],
    });
    const ds = buildDataset(rs);
    const r = computeReach(ds, leadMask(ds, {}), ms('2026-06-01'));
    expect([r.reached.won[0], r.reached.lost[0]]).toEqual([1, 0]);
    // B: only lost_at. Inclusive: lost implies sqo (lost is reachable from sqo), not won.
    expect([r.reached.won[1], r.reached.lost[1], r.reached.sqo[1], r.skipped.sqo[1]]).toEqual([0, 1, 1, 1]);
  });

  it('counts a won opportunity without a close date as won, with an unknown time', () => {
    const rs = recordSet({
      leads: [lead('A', '2026-01-01')],
      opportunities: [opportunity('O', '2026-01-10', { leadId: 'A', status: 'won' })],
    });
    const ds = buildDataset(rs);
    const r = computeReach(ds, leadMask(ds, {}), ms('2026-06-01'));
    expect(r.reached.won[0]).toBe(1);
    expect(r.at.won[0]).toBeNaN();
    expect(r.at.sqo[0]).toBe(ms('2026-01-10'));
  });
});
