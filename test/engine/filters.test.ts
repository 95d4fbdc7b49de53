import { describe, expect, it } from 'vitest';
import { leadMask, opportunityMask } from '../../src/engine/filters/filters';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { lead, ms, opportunity, recordSet } from '../fixtures/records';

const ds = buildDataset(
  recordSet({
    accounts: [
      { id: 'small', employees: 50, techStack: [], custom: {} },
      { id: 'big', employees: 5000, techStack: [], custom: {} },
    ],
    leads: [
      lead('l1', '2026-01-05', {}, { source: 'webinar', owner: 'Ana', accountId: 'small' }),
      lead('l2', '2026-02-01', {}, { source: 'paid_search', owner: 'Ben', accountId: 'big' }),
      lead('l3', '2026-03-01', {}, { owner: 'Ana' }),
      lead('bot', '2026-01-06', {}, { source: 'webinar', isBot: true }),
    ],
    opportunities: [
      opportunity('o1', '2026-02-10', { leadId: 'l2', owner: 'Cleo' }),
      opportunity('o2', '2026-02-11', { owner: 'Cleo', accountId: 'small' }),
    ],
  }),
);

const kept = (mask: Uint8Array, ids: readonly string[]) => ids.filter((_, i) => mask[i]);

describe('global filters', () => {
  it('always drop bots and keep everything else without filters', () => {
    expect(kept(leadMask(ds, {}), ds.leads.id)).toEqual(['l1', 'l2', 'l3']);
  });

  it('filter on the creation date with an exclusive end', () => {
    expect(kept(leadMask(ds, { from: ms('2026-02-01'), to: ms('2026-03-01') }), ds.leads.id)).toEqual(['l2']);
  });

  it('filter on source, with (none) for leads that have no source', () => {
    expect(kept(leadMask(ds, { sources: ['webinar'] }), ds.leads.id)).toEqual(['l1']);
    expect(kept(leadMask(ds, { sources: ['(none)'] }), ds.leads.id)).toEqual(['l3']);
  });

  it('filter on the account segment', () => {
    expect(kept(leadMask(ds, { segments: ['Enterprise'] }), ds.leads.id)).toEqual(['l2']);
    expect(kept(leadMask(ds, { segments: ['Unknown'] }), ds.leads.id)).toEqual(['l3']);
  });

  it('match the owner filter on the SDR or the AE of an opportunity', () => {
    expect(kept(leadMask(ds, { owners: ['Ana'] }), ds.leads.id)).toEqual(['l1', 'l3']);
    expect(kept(leadMask(ds, { owners: ['Cleo'] }), ds.leads.id)).toEqual(['l2']);
  });

  it('apply to opportunities through their lead, or on their own when they have none', () => {
    expect(kept(opportunityMask(ds, { owners: ['Cleo'] }), ds.opportunities.id)).toEqual(['o1', 'o2']);
    expect(kept(opportunityMask(ds, { segments: ['SMB'] }), ds.opportunities.id)).toEqual(['o2']);
    expect(kept(opportunityMask(ds, { sources: ['paid_search'] }), ds.opportunities.id)).toEqual(['o1']);
  });
});
