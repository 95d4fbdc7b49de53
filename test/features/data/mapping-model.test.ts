import { describe, expect, it } from 'vitest';
import type { TableMapping } from '../../../src/import/mapping/schema';
import {
  missingRequired,
  withDefault,
  withSource,
  withStatusValue,
  withTarget,
  statusValueOf,
  initialTables,
} from '../../../src/features/data/mapping-model';
import type { UnmappedFile } from '../../../src/import/pipeline';

const tm: TableMapping = {
  file: 'deals.csv',
  target: 'opportunities',
  columns: [['id', 'Deal']],
  values: [],
  defaults: [],
};

describe('mapping model', () => {
  it('names the required fields nothing feeds; a default counts as feeding', () => {
    // amount is optional: a deal without one is kept as "amount unknown".
    expect(missingRequired(tm)).toEqual(['created_at', 'status']);
    const fed = withDefault(withSource(tm, 'created_at', 'Opened'), 'status', 'open');
    expect(missingRequired(fed)).toEqual([]);
    expect(missingRequired({ ...tm, target: 'skip' })).toEqual([]);
  });

  it('changing the target drops fields the new target does not have', () => {
    const m = withSource(withSource(tm, 'amount', 'Value'), 'created_at', 'Opened');
    expect(withTarget(m, 'leads').columns).toEqual([
      ['id', 'Deal'],
      ['created_at', 'Opened'],
    ]);
  });

  it('status values are set, replaced and cleared without touching the input', () => {
    const a = withStatusValue(tm, 'Won', 'won');
    const b = withStatusValue(a, 'Won', 'lost');
    expect([
      statusValueOf(a, 'Won'),
      statusValueOf(b, 'Won'),
      statusValueOf(withStatusValue(b, 'Won', ''), 'Won'),
    ]).toEqual(['won', 'lost', '']);
    expect(tm.values).toEqual([]);
  });

  it('a saved mapping wins over the proposal for the same file name (path and case ignored)', () => {
    const file = {
      file: 'Deals.CSV',
      header: [],
      sample: [],
      distinct: [],
      proposal: { ...tm, columns: [] },
    } as UnmappedFile;
    expect(
      initialTables([file], { version: 1, name: 's', tables: [{ ...tm, file: 'exports/deals.csv' }] })[0]!.columns,
    ).toEqual([['id', 'Deal']]);
    expect(initialTables([file])[0]!.columns).toEqual([]);
  });
});
