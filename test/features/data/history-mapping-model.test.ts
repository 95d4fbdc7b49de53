import { describe, expect, it } from 'vitest';
import {
  missingShapeColumns,
  shapeFields,
  withChangeColumn,
  withFieldName,
  withShape,
} from '../../../src/features/data/history-mapping-model';
import { withTarget } from '../../../src/features/data/mapping-model';
import type { TableMapping } from '../../../src/import/mapping/schema';
import type { UnmappedFile } from '../../../src/import/pipeline';

const file: UnmappedFile = {
  file: 'changes.csv',
  header: ['OpportunityId', 'CreatedDate', 'Field', 'OldValue', 'NewValue', 'Note'],
  sample: [],
  distinct: [['006A'], ['2024-01-22'], ['StageName', 'Amount', 'Owner'], [], [], ['Amount', 'x']],
  proposal: { file: 'changes.csv', target: 'skip', columns: [], values: [], defaults: [] },
};
const tm: TableMapping = {
  file: 'changes.csv',
  target: 'opportunity_history',
  columns: [
    ['opportunity_id', 'OpportunityId'],
    ['at', 'CreatedDate'],
    ['stage', 'Field'],
    ['prev_amount', 'OldValue'],
  ],
  values: [],
  defaults: [],
};

describe('history mapping model', () => {
  it('snapshots ask for the id, valid-from and the five tracked fields; previous values are dropped', () => {
    const s = withShape(tm, 'snapshots', file);
    expect(shapeFields(s)).toEqual([
      'opportunity_id',
      'at',
      'stage',
      'amount',
      'close_date',
      'probability',
      'forecast_category',
    ]);
    expect(s.columns).toEqual([
      ['opportunity_id', 'OpportunityId'],
      ['at', 'CreatedDate'],
      ['stage', 'Field'],
    ]);
    expect(s.shape).toEqual({ kind: 'snapshots', probability: 'fraction' });
  });

  it('field changes find the field-name and new-value columns and the names they know', () => {
    const c = withShape(tm, 'changes', file);
    expect(c.columns).toEqual([
      ['opportunity_id', 'OpportunityId'],
      ['at', 'CreatedDate'],
    ]);
    expect(c.shape).toEqual({
      kind: 'changes',
      field: 'Field',
      value: 'NewValue',
      previous: 'OldValue',
      names: [
        ['StageName', 'stage'],
        ['Amount', 'amount'],
      ],
      probability: 'fraction',
    });
    // Another field-name column: the names are proposed again from its values.
    const other = withChangeColumn(c, 'field', 'Note', file);
    expect(other.shape).toMatchObject({ field: 'Note', names: [['Amount', 'amount']] });
    expect(missingShapeColumns(withChangeColumn(c, 'value', '', file))).toEqual(['the new-value column']);
    expect(withFieldName(c, 'Owner', 'stage').shape).toMatchObject({
      names: [
        ['StageName', 'stage'],
        ['Amount', 'amount'],
        ['Owner', 'stage'],
      ],
    });
  });

  it('back to one row per change, or another target, drops the shape', () => {
    const c = withShape(tm, 'changes', file);
    expect(withShape(c, 'rows', file).shape).toBeUndefined();
    expect(withTarget(c, 'opportunities').shape).toBeUndefined();
    expect('shape' in withTarget(c, 'opportunities')).toBe(false);
  });
});
