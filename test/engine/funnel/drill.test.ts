import { describe, expect, it } from 'vitest';
import { drillLeads } from '../../../src/engine/funnel/drill';
import { groupsFor } from '../../../src/engine/funnel/groups';
import { funnelPeriods } from '../../../src/engine/funnel/periods';
import { handReach } from './hand-fixture';

describe('drill-down to the leads behind a figure', () => {
  const ids = (idx: Int32Array, all: readonly string[]) => Array.from(idx, (i) => all[i]);

  it('lists the leads of a stage bar, of a skip count and of a cohort cell', () => {
    const { ds, reach } = handReach();
    const periods = funnelPeriods(reach);
    expect(ids(drillLeads(reach, { kind: 'stage', stage: 'won' }, periods), ds.leads.id)).toEqual(['L1', 'L4']);
    expect(ids(drillLeads(reach, { kind: 'skipped', stage: 'sal' }, periods), ds.leads.id)).toEqual(['L2', 'L4']);
    const cohort = { kind: 'cohort', pair: 'mqlToSqo', period: '2026-Q1' } as const;
    expect(ids(drillLeads(reach, { ...cohort, outcome: 'entered' }, periods), ds.leads.id)).toEqual([
      'L1',
      'L2',
      'L3',
      'L4',
    ]);
    expect(ids(drillLeads(reach, { ...cohort, outcome: 'converted', windowDays: 20 }, periods), ds.leads.id)).toEqual([
      'L4',
    ]);
  });

  it('lists the leads entering a stage in a quarter, and those taking a given time between stages', () => {
    const { ds, reach } = handReach();
    const periods = funnelPeriods(reach);
    // SQO entries in Q1: L1 Feb 1, L2 Feb 10, L4 Mar 20 (inferred from won_at).
    expect(ids(drillLeads(reach, { kind: 'entries', stage: 'sqo', period: '2026-Q1' }, periods), ds.leads.id)).toEqual([
      'L1',
      'L2',
      'L4',
    ]);
    // lead→mql days: L1 5, L2 2, L3 4, L5 1 → the 1–3 d bin holds L2 and L5.
    const bin = { kind: 'duration', from: 'lead', to: 'mql', lowDays: 1, highDays: 3 } as const;
    expect(ids(drillLeads(reach, bin, periods), ds.leads.id)).toEqual(['L2', 'L5']);
    expect(drillLeads(reach, { ...bin, lowDays: 0, highDays: null }, periods)).toHaveLength(4);
  });

  it('restricts to one group, (none) included', () => {
    const { ds, reach } = handReach();
    const groups = groupsFor(ds, 'source')!;
    const periods = funnelPeriods(reach);
    const stage = { kind: 'stage', stage: 'mql' } as const;
    expect(ids(drillLeads(reach, stage, periods, { groups, label: 'webinar' }), ds.leads.id)).toEqual(['L1', 'L2']);
    expect(ids(drillLeads(reach, stage, periods, { groups, label: '(none)' }), ds.leads.id)).toEqual(['L4']);
    expect(drillLeads(reach, stage, periods, { groups, label: 'nope' })).toHaveLength(0);
  });
});
