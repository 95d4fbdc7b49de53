/** What the history converters share: the table they return and the cell helpers they read with. */
import { parseDecimal } from '../values/parse-values';
import type { RowNote } from '../canonical/table';
import type { CsvTable } from '../csv';
import { parseAmount } from '../values/amounts';
import type { HistoryField } from './shape';
import { isoOf, readInstant } from './instants';

/**
 * Canonical opportunity_history rows converted from another shape: row i is source row i (row
 * numbers stay those of the source file), with notes of what the conversion did to each row.
 */
export interface ShapedTable {
  readonly table: CsvTable;
  readonly notes: Map<number, RowNote[]>;
  /** File-level remarks: how the file was read. */
  readonly warnings: string[];
}

/** Source column index by trimmed, lower-cased name (the first of repeated names). */
export function columnIndex(header: readonly string[], name: string | undefined): number | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  const k = name.trim().toLowerCase();
  const i = header.findIndex((h) => h.trim().toLowerCase() === k);
  return i < 0 ? undefined : i;
}

/** The warning for a source column the mapping names but the file lacks, or that nothing names. */
export const missingColumn = (name: string, role: string): string =>
  name.trim() === '' ? `no column is mapped to ${role}` : `column "${name}" (for ${role}) is not in the file`;

/** A note collector keyed by 1-based row. */
export function noteBook(): { notes: Map<number, RowNote[]>; note: (row: number, n: RowNote) => void } {
  const notes = new Map<number, RowNote[]>();
  return {
    notes,
    note: (row, n) => {
      const list = notes.get(row);
      if (list) list.push(n);
      else notes.set(row, [n]);
    },
  };
}

/**
 * Rows longer or shorter than the header, as a column mapping reports them: extra values reject
 * the row (they are likely shifted), extra empty fields and missing trailing fields are repairs.
 */
export function widthNote(cells: readonly string[], width: number): RowNote | undefined {
  if (cells.length > width) {
    const extra = cells.slice(width);
    if (extra.some((v) => v.trim() !== ''))
      return {
        value: extra.join(','),
        reason: `row has ${cells.length} fields, header has ${width}: values are likely shifted`,
        outcome: 'rejected',
      };
    return { reason: `row has ${cells.length} fields, header has ${width}: the extra empty fields were ignored` };
  }
  if (cells.length < width)
    return {
      reason: `row has ${cells.length} fields, header has ${width}: the missing trailing fields were read as empty`,
    };
  return undefined;
}

/**
 * A tracked field's value as the canonical column takes it: a percentage probability as a
 * fraction, an instant close date in ISO-8601; other text as written (the column mapping and the
 * history reader read amounts and other date formats, and report trimmed values).
 */
export function canonicalValue(field: HistoryField, value: string, probability: 'fraction' | 'percent'): string {
  if (field === 'probability' && probability === 'percent') {
    const n = parseDecimal(value.trim());
    return n === undefined ? value : String(n / 100);
  }
  if (field === 'close_date') {
    const ms = readInstant(value);
    return ms === undefined ? value : isoOf(ms);
  }
  return value;
}

/** Whether two values of a field say the same (`24120000` and `24120000.0`; `2018-12-19` and `2018-12-19 00:00:00`). */
export function sameValue(field: HistoryField, a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  if (field === 'amount') {
    const m = parseAmount(x);
    const n = parseAmount(y);
    return m.ok && n.ok && m.value === n.value;
  }
  if (field === 'probability') {
    const m = parseDecimal(x);
    const n = parseDecimal(y);
    return m !== undefined && m === n;
  }
  if (field === 'close_date') {
    const m = readInstant(x);
    return m !== undefined && m === readInstant(y);
  }
  return false;
}

export const FIELD_LABEL: Readonly<Record<HistoryField, string>> = {
  stage: 'stage',
  amount: 'amount',
  close_date: 'close date',
  probability: 'probability',
  forecast_category: 'forecast category',
};
