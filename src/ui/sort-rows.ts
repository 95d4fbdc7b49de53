/** Table sorting: numbers by value, text by locale; empty cells last in either direction. */
import type { Cell } from '../lib/csv-export';

export interface SortState {
  readonly column: number;
  readonly direction: 'ascending' | 'descending';
}

const empty = (v: Cell) => v === null || v === undefined || v === '';

export function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** A sorted copy; rows with equal keys keep their order. */
export function sortRows<R extends readonly Cell[]>(rows: readonly R[], sort: SortState | null): readonly R[] {
  if (!sort) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = x[sort.column];
    const b = y[sort.column];
    if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
    return sign * compareCells(a, b);
  });
}

/**
 * The next state when a column's header is pressed: `first` (ascending unless said), then the other
 * direction, then unsorted.
 */
export function nextSort(
  current: SortState | null,
  column: number,
  first: SortState['direction'] = 'ascending',
): SortState | null {
  if (current?.column !== column) return { column, direction: first };
  return current.direction === first ? { column, direction: first === 'ascending' ? 'descending' : 'ascending' } : null;
}
