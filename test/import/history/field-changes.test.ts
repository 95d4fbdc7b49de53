import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/csv';
import { fieldChangeRows } from '../../../src/import/history/field-changes';

const HUBSPOT_NAMES = [
  ['dealstage', 'stage'],
  ['amount', 'amount'],
  ['closedate', 'close_date'],
  ['hs_forecast_category', 'forecast_category'],
  ['hs_deal_stage_probability', 'probability'],
] as const;

// HubSpot deal property history as exported: one row per change. Deal 101 pushed twice (the first
// close date written in epoch milliseconds, as HubSpot's API does), a deal name that is not tracked
// (with a comma and quotes), and deal 102 whose amount was cleared.
const HUBSPOT = [
  'Record ID,Property,Value,Timestamp,Source',
  '101,dealstage,appointmentscheduled,2024-01-02 09:00:00.000,CRM_UI',
  '101,amount,"12,500.50",2024-01-02 09:00:00.000,CRM_UI',
  '101,closedate,1711843200000,2024-01-02 09:00:00.000,CRM_UI',
  '101,dealname,"Acme, ""big"" deal",2024-01-02 09:00:00.000,CRM_UI',
  '101,closedate,2024-04-30T00:00:00Z,2024-02-01 10:00:00.000,CRM_UI',
  '101,closedate,2024-05-31,2024-03-01 10:00:00.000,CRM_UI',
  '101,hs_forecast_category,BEST_CASE,2024-03-01 10:00:00.000,CRM_UI',
  '102,amount,,2024-02-01 10:00:00.000,CRM_UI',
].join('\n');

describe('one row per field change → change rows', () => {
  const r = fieldChangeRows(parseCsv(HUBSPOT, { delimiter: ',' }), {
    id: 'Record ID',
    at: 'Timestamp',
    field: 'Property',
    value: 'Value',
    names: HUBSPOT_NAMES,
    probability: 'fraction',
  });

  it('each row sets the one field its name stands for, at its timestamp', () => {
    expect(r.table.header).toEqual([
      'opportunity_id',
      'at',
      'stage',
      'amount',
      'close_date',
      'probability',
      'forecast_category',
    ]);
    const at = '2024-01-02T09:00:00.000Z';
    expect(r.table.rows.slice(0, 3)).toEqual([
      ['101', at, 'appointmentscheduled', '', '', '', ''],
      ['101', at, '', '12,500.50', '', '', ''],
      // 1711843200000 ms = 2024-03-31T00:00Z
      ['101', at, '', '', '2024-03-31T00:00:00.000Z', '', ''],
    ]);
    expect(r.table.rows[4]).toEqual(['101', '2024-02-01T10:00:00.000Z', '', '', '2024-04-30T00:00:00.000Z', '', '']);
    expect(r.table.rows[5]).toEqual(['101', '2024-03-01T10:00:00.000Z', '', '', '2024-05-31T00:00:00.000Z', '', '']);
    expect(r.table.rows[6]).toEqual(['101', '2024-03-01T10:00:00.000Z', '', '', '', '', 'BEST_CASE']);
  });

  it('a field that is not tracked and an emptied value are rejected, naming the value', () => {
    expect(r.notes.get(4)).toEqual([
      {
        column: 'Property',
        value: 'dealname',
        reason:
          'changes of "dealname" are not tracked (tracked: stage, amount, close date, forecast category, probability)',
        outcome: 'rejected',
      },
    ]);
    expect(r.notes.get(8)).toEqual([
      {
        column: 'Value',
        value: '',
        reason: 'the new amount is empty: a history row cannot clear a value, the earlier one stands',
        outcome: 'rejected',
      },
    ]);
    expect([...r.notes.keys()]).toEqual([4, 8]);
    expect(r.warnings).toEqual(['rows of fields not tracked were rejected: dealname (1)']);
  });

  it('Salesforce OpportunityFieldHistory fits the shape: percent probabilities, OldValue as the previous value', () => {
    const csv = [
      'OpportunityId,CreatedDate,Field,OldValue,NewValue',
      '006A,2024-01-22T20:36:47.000+0000,Probability,20,60',
      '006A,2024-01-22T20:36:47.000+0000,Amount,1000,1200.5',
      '006A,2024-02-10T08:00:00.000+0000,Owner,005x,005y',
    ].join('\n');
    const s = fieldChangeRows(parseCsv(csv, { delimiter: ',' }), {
      id: 'OpportunityId',
      at: 'CreatedDate',
      field: 'Field',
      value: 'NewValue',
      previous: 'OldValue',
      names: [
        ['Probability', 'probability'],
        ['Amount', 'amount'],
      ],
      probability: 'percent',
    });
    expect(s.table.header.slice(-2)).toEqual(['prev_amount', 'prev_close_date']);
    expect(s.table.rows[0]).toEqual(['006A', '2024-01-22T20:36:47.000Z', '', '', '', '0.6', '', '', '']);
    expect(s.table.rows[1]).toEqual(['006A', '2024-01-22T20:36:47.000Z', '', '1200.5', '', '', '', '1000', '']);
    expect(s.notes.get(3)?.[0]).toMatchObject({ value: 'Owner', outcome: 'rejected' });
  });
});
