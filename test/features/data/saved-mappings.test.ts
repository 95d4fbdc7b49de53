// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Mapping } from '../../../src/import/mapping/schema';
import { STORAGE_KEY, deleteMapping, loadSavedMappings, saveMapping } from '../../../src/features/data/saved-mappings';

const mapping = (name: string): Mapping => ({
  version: 1,
  name,
  tables: [
    {
      file: 'sales_pipeline.csv',
      target: 'opportunities',
      columns: [['id', 'opportunity_id']],
      values: [['status', [['Won', 'won']]]],
      defaults: [],
    },
  ],
});

afterEach(() => localStorage.clear());

describe('saved mappings', () => {
  it('saves, replaces by name, lists newest first and deletes', () => {
    expect(saveMapping(mapping('A'))).toBeUndefined();
    saveMapping(mapping('B'));
    saveMapping(mapping('A'));
    expect(loadSavedMappings().mappings.map((m) => m.name)).toEqual(['A', 'B']);
    deleteMapping('A');
    expect(loadSavedMappings().mappings.map((m) => m.name)).toEqual(['B']);
  });

  it('ignores corrupt JSON, a wrong version and wrong-typed values, and says so', () => {
    localStorage.setItem(STORAGE_KEY, '{not json');
    expect(loadSavedMappings()).toEqual({
      mappings: [],
      problem: 'Saved mappings were not valid JSON and were ignored.',
    });
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 0, mappings: [] }));
    expect(loadSavedMappings().problem).toMatch(/unreadable/);
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        mappings: [{ ...mapping('x'), tables: [{ file: 'a', target: 'leads', columns: 'id' }] }],
      }),
    );
    expect(loadSavedMappings()).toMatchObject({ mappings: [], problem: expect.stringMatching(/unreadable/) });
  });

  it('a full storage fails the save with a message instead of throwing', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    try {
      expect(saveMapping(mapping('A'))).toBe('The mapping could not be saved: quota exceeded');
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
