/** A preset turns the parsed files of one CRM's export into mapped tables. */
import type { RowNote } from '../canonical/table';
import type { CsvTable } from '../csv';
import type { CsvStream } from '../source/csv-stream';
import type { TableMapping } from '../mapping/schema';

export interface ParsedFile {
  /** The file's name as given (path included). */
  readonly name: string;
  readonly table: CsvTable;
  /** What decoding the bytes changed, by data row (rows read as Windows-1252 in a UTF-8 file). */
  readonly notes?: ReadonlyMap<number, readonly RowNote[]>;
  /**
   * Set when the file is read as it streams by (a canonical leads, activities or touches file): `table`
   * then holds the header but no rows; `whole()` parses every row when another route needs them.
   */
  readonly stream?: { readonly rows: CsvStream; readonly whole: () => CsvTable };
}

export interface PresetTable {
  readonly file: ParsedFile;
  readonly mapping: TableMapping;
  /** A preset's own reason to reject a row (it knows the source format), or undefined. */
  readonly rejectRow?: (
    cell: (column: string) => string,
  ) => { column: string; value: string; reason: string } | undefined;
}

/** Runs a preset's row check over a parsed table: 1-based row → rejection. */
export function presetRejections(table: PresetTable): Map<number, { column: string; value: string; reason: string }> {
  const out = new Map<number, { column: string; value: string; reason: string }>();
  if (!table.rejectRow) return out;
  const { header, rows } = table.file.table;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (!index.has(k)) index.set(k, i);
  });
  rows.forEach((r, i) => {
    const cell = (c: string) => {
      const k = index.get(c.toLowerCase());
      return k === undefined ? '' : (r[k] ?? '').trim();
    };
    const reject = table.rejectRow!(cell);
    if (reject) out.set(i + 1, reject);
  });
  return out;
}

export interface PresetResult {
  readonly tables: readonly PresetTable[];
  /** File-level remarks: [file, message]. */
  readonly warnings: readonly (readonly [string, string])[];
  /** Files the preset cannot read: they go to the mapping screen with a proposal. */
  readonly unread?: readonly ParsedFile[];
}

export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
export const stem = (path: string) =>
  baseName(path)
    .replace(/\.[^.]*$/, '')
    .toLowerCase();

/** The first of `names` the header has (case-insensitive), as spelled in the header. */
export function pick(header: readonly string[], ...names: string[]): string | undefined {
  for (const n of names) {
    const hit = header.find((h) => h.trim().toLowerCase() === n.toLowerCase());
    if (hit !== undefined) return hit.trim();
  }
  return undefined;
}

/** [field, source] pairs for the fields whose source column exists. */
export function pairs(
  header: readonly string[],
  spec: readonly (readonly [string, ...string[]])[],
): [string, string][] {
  const out: [string, string][] = [];
  for (const [field, ...names] of spec) {
    const hit = pick(header, ...names);
    if (hit !== undefined) out.push([field, hit]);
  }
  return out;
}

/** A copy of a table with one computed column appended. */
export function withColumn(
  table: CsvTable,
  name: string,
  value: (cell: (column: string) => string) => string,
): CsvTable {
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (!index.has(k)) index.set(k, i);
  });
  const rows = table.rows.map((r) => {
    const cell = (c: string) => {
      const i = index.get(c.toLowerCase());
      return i === undefined ? '' : (r[i] ?? '').trim();
    };
    const padded =
      r.length < table.header.length ? [...r, ...Array<string>(table.header.length - r.length).fill('')] : r;
    return r.length > table.header.length ? [...r] : [...padded, value(cell)];
  });
  return { ...table, header: [...table.header, name], rows };
}
