import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { dictValue } from '../../src/engine/model/columns';
import { LEAD_STAGE_CODE, STATUS_WON } from '../../src/engine/model/stages';
import { lead, ms, opportunity, recordSet } from '../fixtures/records';

describe('the columnar dataset', () => {
  const rs = recordSet({
    accounts: [{ id: 'a1', name: 'Acme', employees: 500, techStack: ['hubspot'], custom: { tier: 'gold' } }],
    leads: [
      lead(
        'l1',
        '2026-01-05',
        { mql: '2026-01-10', sql: '2026-01-20' },
        { accountId: 'a1', source: 'webinar', custom: { score: '12' } },
      ),
      lead('l2', '2026-02-01', {}, { source: 'webinar', isBot: true, custom: { score: '' } }),
      lead('l3', '2026-02-03', {}, { accountId: 'nope' }),
    ],
    activities: [
      { leadId: 'l1', type: 'pricing_view', at: ms('2026-01-09') },
      { leadId: 'l1', type: 'page_view', at: ms('2026-01-02') },
      { leadId: 'l3', type: 'custom_thing', at: ms('2026-02-04'), value: 3 },
      { leadId: 'ghost', type: 'page_view', at: ms('2026-02-04') },
    ],
    opportunities: [
      opportunity('o1', '2026-01-25', {
        leadId: 'l1',
        accountId: 'a1',
        status: 'won',
        amountCents: 4_800_000,
        stageHistory: [
          { stage: 'sqo', at: ms('2026-01-25') },
          { stage: 'proposal', at: ms('2026-02-10') },
          { stage: 'sqo', at: ms('2026-02-20') },
          { stage: 'Closed Won', at: ms('2026-03-01') },
        ],
        qualification: { budget: true, need: false },
      }),
    ],
  });
  const ds = buildDataset(rs);

  it('dictionary-encodes strings and keeps missing values as -1', () => {
    expect(ds.leads.source.values).toEqual(['webinar']);
    expect(Array.from(ds.leads.source.codes)).toEqual([0, 0, -1]);
    expect(dictValue(ds.leads.source, 2)).toBeUndefined();
  });

  it('stores the first entry into each stage and NaN for stages never entered', () => {
    expect(ds.leads.stageAt.mql[0]).toBe(ms('2026-01-10'));
    expect(ds.leads.stageAt.sql[0]).toBe(ms('2026-01-20'));
    expect(Number.isNaN(ds.leads.stageAt.sal[0]!)).toBe(true);
  });

  it('links leads to accounts by index and marks unknown accounts -1', () => {
    expect(Array.from(ds.leads.account)).toEqual([0, -1, -1]);
  });

  it('groups activities by lead in time order and leaves orphans out', () => {
    const { start, at, type, typeNames } = ds.activities;
    expect(Array.from(start)).toEqual([0, 2, 2, 3]);
    expect(at[0]).toBe(ms('2026-01-02'));
    expect(typeNames[type[0]!]).toBe('page_view');
    expect(typeNames[type[2]!]).toBe('custom_thing');
    expect(ds.activities.count).toBe(3);
  });

  it('keeps a re-staged opportunity history as recorded, backwards moves included', () => {
    const { start, stage } = ds.opportunities.history;
    const names = Array.from(stage.subarray(start[0]!, start[1]!), (c) => ds.opportunities.stageNames[c]);
    expect(names).toEqual(['sqo', 'proposal', 'sqo', 'Closed Won']);
    expect(ds.opportunities.status[0]).toBe(STATUS_WON);
    expect(ds.opportunities.amountCents[0]).toBe(4_800_000);
    expect(ds.opportunities.qualification.budget![0]).toBe(1);
    expect(ds.opportunities.qualification.need![0]).toBe(0);
    expect(ds.opportunities.qualification.champion![0]).toBe(-1);
  });

  it('keeps custom attributes as numeric or dictionary columns', () => {
    const score = ds.leads.custom.score!;
    expect(score.kind).toBe('num');
    if (score.kind === 'num') {
      expect(score.values[0]).toBe(12);
      expect(Number.isNaN(score.values[1]!)).toBe(true);
    }
    expect(ds.accounts.custom.tier).toMatchObject({ kind: 'dict', values: ['gold'] });
  });

  it('records the full lead history with stage codes', () => {
    const { start, stage } = ds.leads.events;
    expect(Array.from(stage.subarray(start[0]!, start[1]!))).toEqual([
      LEAD_STAGE_CODE.lead,
      LEAD_STAGE_CODE.mql,
      LEAD_STAGE_CODE.sql,
    ]);
  });

  it('takes the latest date in the data as the default as-of', () => {
    expect(ds.meta.latestAt).toBe(ms('2026-03-01'));
    expect(ds.meta.earliestAt).toBe(ms('2026-01-02'));
  });

  it('builds an empty dataset from no rows', () => {
    const empty = buildDataset(recordSet());
    expect(empty.leads.count).toBe(0);
    expect(Array.from(empty.activities.start)).toEqual([0]);
  });
});
