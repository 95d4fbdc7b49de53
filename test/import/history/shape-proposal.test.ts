import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../src/import/mapping/schema';
import { importFiles } from '../../../src/import/pipeline';

const enc = (s: string) => new TextEncoder().encode(s);

describe('proposals for history in other shapes', () => {
  it("HubSpot's deal property history export goes to the mapping screen proposed as field changes", () => {
    const csv = [
      'Record ID,Property,Value,Timestamp',
      '101,dealstage,appointmentscheduled,2024-01-02 09:00:00.000',
      '101,closedate,2024-03-31,2024-01-02 09:00:00.000',
      '101,dealname,Acme,2024-01-02 09:00:00.000',
    ].join('\n');
    const r = importFiles([{ name: 'deal-history.csv', bytes: enc(csv) }]);
    expect(r.unmapped.map((u) => u.proposal)).toEqual([
      {
        file: 'deal-history.csv',
        target: 'opportunity_history',
        columns: [
          ['opportunity_id', 'Record ID'],
          ['at', 'Timestamp'],
        ],
        values: [],
        defaults: [],
        shape: {
          kind: 'changes',
          field: 'Property',
          value: 'Value',
          names: [
            ['dealstage', 'stage'],
            ['closedate', 'close_date'],
          ],
          probability: 'fraction',
        },
      },
    ]);
  });

  it("the API's dealId, propertyName, value, timestamp (epoch ms) are read through the proposal", () => {
    const csv = [
      'dealId,propertyName,value,timestamp',
      'D1,amount,1200,1704186000000',
      'D1,hs_deal_stage_probability,0.4,1704186000000',
    ].join('\n');
    const first = importFiles([{ name: 'api-history.csv', bytes: enc(csv) }]);
    const proposal = first.unmapped[0]!.proposal;
    expect(proposal.shape).toMatchObject({ kind: 'changes', field: 'propertyName', value: 'value' });
    const r = importFiles(
      [
        { name: 'opportunities.csv', bytes: enc('id,created_at,status\nD1,2024-01-01,open') },
        { name: 'api-history.csv', bytes: enc(csv) },
      ],
      { mapping: { version: 1, name: 'api', tables: [proposal] } },
    );
    // 1704186000000 ms = 2024-01-02T09:00:00Z
    expect(r.records.opportunities[0]!.changes).toEqual([
      { at: Date.UTC(2024, 0, 2, 9), amountCents: 120_000 },
      { at: Date.UTC(2024, 0, 2, 9), probability: 0.4 },
    ]);
  });
});

describe('proposals for history snapshots', () => {
  it("a HubSpot deal table in Fivetran's history mode: property_ columns, valid from _fivetran_start", () => {
    const csv = [
      '_fivetran_start,_fivetran_end,deal_id,deal_pipeline_stage_id,property_amount,property_closedate,property_dealname',
      '2024-01-02 09:00:00.000,9999-12-31 23:59:59,7,appointmentscheduled,100,2024-03-31,Acme',
    ].join('\n');
    const r = importFiles([{ name: 'deal_history.csv', bytes: enc(csv) }]);
    expect(r.unmapped[0]!.proposal).toMatchObject({
      target: 'opportunity_history',
      columns: [
        ['opportunity_id', 'deal_id'],
        ['at', '_fivetran_start'],
        ['stage', 'deal_pipeline_stage_id'],
        ['amount', 'property_amount'],
        ['close_date', 'property_closedate'],
      ],
      shape: { kind: 'snapshots', probability: 'fraction' },
    });
  });
});

describe('a saved mapping with a shape is validated', () => {
  const table = {
    file: 'h.csv',
    target: 'opportunity_history',
    columns: [['opportunity_id', 'id']],
  };

  it('a snapshots shape without a probability scale reads fractions', () => {
    const r = parseMapping({ version: 1, name: 'm', tables: [{ ...table, shape: { kind: 'snapshots' } }] });
    expect(r.ok && r.mapping.tables[0]!.shape).toEqual({ kind: 'snapshots', probability: 'fraction' });
  });

  it('a field name mapped to a field history does not track is refused, saying where', () => {
    const r = parseMapping({
      version: 1,
      name: 'm',
      tables: [{ ...table, shape: { kind: 'changes', field: 'F', value: 'V', names: [['dealname', 'name']] } }],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^tables\.0\.shape\.names\.0\.1: /);
  });
});
