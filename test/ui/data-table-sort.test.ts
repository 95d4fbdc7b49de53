import { describe, expect, it } from 'vitest';
import { sortRows } from '../../src/ui/data-table';

describe('sorting a table column', () => {
  const rows = [
    ['a', 0.2],
    ['b', null],
    ['c', 0.9],
    ['d', 0.2],
    ['e', 0.5],
  ] as const;

  it('puts the highest numbers first, keeps ties in their order and empty cells last', () => {
    expect(sortRows(rows, 1, true).map((r) => r[0])).toEqual(['c', 'e', 'a', 'd', 'b']);
    expect(sortRows(rows, 1, false).map((r) => r[0])).toEqual(['a', 'd', 'e', 'c', 'b']);
  });

  it('sorts text A–Z and back', () => {
    expect(sortRows([['b'], ['c'], ['a']], 0, false).map((r) => r[0])).toEqual(['a', 'b', 'c']);
    expect(sortRows([['b'], ['c'], ['a']], 0, true).map((r) => r[0])).toEqual(['c', 'b', 'a']);
  });
});
