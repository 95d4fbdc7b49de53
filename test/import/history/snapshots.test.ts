import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/csv';
import { snapshotChanges, type SnapshotSpec } from '../../../src/import/history/snapshots';

// Deal D1: created in Prospecting, close date pushed on 20 Aug, then pushed again with the amount
// up and the stage moved on 1 Sep; a later version changes only its description. Deal D2: one
// version with a one-digit hour, then lost with its amount emptied. Rows are not in time order;
// row 6 repeats row 4.
const SNAPSHOTS = [
  '_fivetran_start,_fivetran_end,_fivetran_active,id,stage_name,amount,close_date,probability,forecast_category,description',
  '2019-08-08 20:24:50.000,2019-08-20 09:00:00.000,false,D1,Prospecting,"1,000",2019-09-30 00:00:00,10,Pipeline,first',
  '2019-08-10 7:05:00,2019-09-05 12:00:00.000,false,D2,Qualification,800,2019-12-15 00:00:00,20,Pipeline,one-digit hour',
  '2019-09-01 10:00:00.000,2019-09-15 08:00:00.000,false,D1,Proposal,"1,500",2019-11-30 00:00:00,60,BestCase,"pushed again, ""amount up"""',
  '2019-08-20 09:00:00.000,2019-09-01 10:00:00.000,false,D1,Prospecting,1000,2019-10-31,10,Pipeline,pushed once',
  '2019-09-15 08:00:00.000,9999-12-31 23:59:59,true,D1,Proposal,"1,500",2019-11-30 00:00:00,60,BestCase,description only',
  '2019-08-20 09:00:00.000,2019-09-01 10:00:00.000,false,D1,Prospecting,1000,2019-10-31,10,Pipeline,pushed once',
  '2019-09-05 12:00:00.000,9999-12-31 23:59:59,true,D2,Closed Lost,,2019-12-15 00:00:00,20,Pipeline,lost',
].join('\n');

const SPEC: SnapshotSpec = {
  id: 'id',
  validFrom: '_fivetran_start',
  fields: [
    ['stage', 'stage_name'],
    ['amount', 'amount'],
    ['close_date', 'close_date'],
    ['probability', 'probability'],
    ['forecast_category', 'forecast_category'],
  ],
  probability: 'percent',
};

describe('history snapshots → change rows', () => {
  const r = snapshotChanges(parseCsv(SNAPSHOTS, { delimiter: ',' }), SPEC);

  it('keeps one row per version, in the source order, with the canonical history header', () => {
    expect(r.table.header).toEqual([
      'opportunity_id',
      'at',
      'stage',
      'amount',
      'close_date',
      'probability',
      'forecast_category',
    ]);
    expect(r.table.rows).toHaveLength(7);
  });

  it('the first version of a deal sets every field it has; percentages become fractions', () => {
    expect(r.table.rows[0]).toEqual([
      'D1',
      '2019-08-08T20:24:50.000Z',
      'Prospecting',
      '1,000',
      '2019-09-30T00:00:00.000Z',
      '0.1',
      'Pipeline',
    ]);
    // The one-digit hour of a warehouse timestamp is read as 07.
    expect(r.table.rows[1]).toEqual([
      'D2',
      '2019-08-10T07:05:00.000Z',
      'Qualification',
      '800',
      '2019-12-15T00:00:00.000Z',
      '0.2',
      'Pipeline',
    ]);
  });

  it('a later version sets only what differs from the version before it (by time, not by row)', () => {
    // Row 4 follows row 1 in time: only the close date moved (1,000 and 1000 are the same amount).
    expect(r.table.rows[3]).toEqual(['D1', '2019-08-20T09:00:00.000Z', '', '', '2019-10-31T00:00:00.000Z', '', '']);
    // Row 3 follows row 4: stage, amount, close date, probability and category all moved.
    expect(r.table.rows[2]).toEqual([
      'D1',
      '2019-09-01T10:00:00.000Z',
      'Proposal',
      '1,500',
      '2019-11-30T00:00:00.000Z',
      '0.6',
      'BestCase',
    ]);
    expect(r.notes.get(1)).toBeUndefined();
    expect(r.notes.get(3)).toBeUndefined();
    expect(r.notes.get(4)).toBeUndefined();
  });

  it('a version that changes no tracked field, and a repeated version, are rejected saying why', () => {
    expect(r.notes.get(5)).toEqual([
      {
        reason:
          'no tracked field (stage, amount, close date, probability, forecast category) changed since row 3, the previous version of deal D1',
        outcome: 'rejected',
      },
    ]);
    expect(r.notes.get(6)).toEqual([
      {
        column: 'at',
        value: '2019-08-20T09:00:00.000Z',
        reason: 'repeats row 4: the same version of deal D1',
        outcome: 'rejected',
      },
    ]);
  });

  it('an emptied value cannot be recorded: the row keeps its other changes and says so', () => {
    expect(r.table.rows[6]).toEqual(['D2', '2019-09-05T12:00:00.000Z', 'Closed Lost', '', '', '', '']);
    expect(r.notes.get(7)).toEqual([
      {
        reason:
          'amount (was "800") emptied in this version: a history row cannot clear a value, the earlier one stands',
      },
    ]);
  });

  it('says how many versions gave how many change rows, and which columns were not read', () => {
    expect(r.warnings[0]).toMatch(/^history snapshots: 7 versions of 2 deals give 5 change rows;/);
    expect(r.warnings[1]).toBe('3 columns not read as history: _fivetran_end, _fivetran_active, description');
  });

  it('a second version at the same instant with other values is rejected, the first kept', () => {
    const csv = ['id,valid_from,stage', 'D9,2024-01-01 10:00:00,Open', 'D9,2024-01-01 10:00:00,Won'].join('\n');
    const s = snapshotChanges(parseCsv(csv, { delimiter: ',' }), {
      id: 'id',
      validFrom: 'valid_from',
      fields: [['stage', 'stage']],
      probability: 'fraction',
    });
    expect(s.table.rows[0]).toEqual(['D9', '2024-01-01T10:00:00.000Z', 'Open']);
    expect(s.notes.get(2)?.[0]).toMatchObject({
      outcome: 'rejected',
      reason:
        'a second version of deal D9 valid from the same instant as row 1, with other values: which one held is unknown (row 1 kept)',
    });
  });

  it('a missing id column leaves opportunity_id out of the header (every row then rejected by the reader)', () => {
    const s = snapshotChanges(parseCsv('deal,valid_from,stage\nD1,2024-01-01,Open', { delimiter: ',' }), {
      ...SPEC,
      fields: [['stage', 'stage']],
      validFrom: 'valid_from',
    });
    expect(s.table.header).toEqual(['at', 'stage']);
    expect(s.warnings[0]).toBe('column "id" (for opportunity_id) is not in the file');
  });
});
