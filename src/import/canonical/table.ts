/**
 * Opens one canonical CSV file: parses it and resolves its header into canonical columns and custom
 * columns, reporting every header problem as a file-level warning. Column lookups go through a Map,
 * never through object keys, so no header name can reach an object's prototype.
 */
import { parseCsv, type CsvError, type CsvTable } from '../csv';
import type { ReportBuilder } from '../report';
import type { PlainRow } from '../source/plain-lines';
import { REFUSED_HEADERS } from './columns';

export interface CanonicalTable {
  /** The file's name as given (path included): used in every issue and warning. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Parse errors by 1-based data row. */
  readonly rowErrors: ReadonlyMap<number, readonly CsvError[]>;
  /** Canonical column name → field index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Custom attribute columns as [name, field index], in file order. */
  readonly custom: readonly (readonly [string, number])[];
  /** Required canonical columns absent from the header. */
  readonly missing: readonly string[];
  /** Changes made before reading (by a column mapping), by 1-based data row: recorded as repairs. */
  readonly notes: ReadonlyMap<number, readonly RowNote[]>;
  /** A streamed file's rows (`rows` is then empty): see `StreamedSource`. */
  readonly stream?: StreamedSource['stream'];
}

/** A change a mapping made to one cell (a repair), or a reason it refused the row (a rejection). */
export interface RowNote {
  readonly column?: string;
  readonly value?: string;
  readonly reason: string;
  readonly outcome?: 'repaired' | 'rejected';
}

/**
 * A file to read as a canonical table: its text, or rows already parsed (and possibly mapped from
 * another format, with the notes of what the mapping changed).
 */
export type SourceFile =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly parsed: CsvTable; readonly notes?: ReadonlyMap<number, readonly RowNote[]> }
  | StreamedSource;

/**
 * A file read as it streams by: `parsed` holds its (canonical) header and header-line errors but
 * no rows; `stream` feeds every data row in order. `visit` returns whether the row was rejected.
 */
export interface StreamedSource {
  readonly name: string;
  readonly parsed: CsvTable;
  readonly notes?: undefined;
  /** About how many rows `stream` feeds, for sizing what they fill (see `CsvStream.rowsHint`). */
  readonly rowsHint?: number;
  /**
   * Feeds every row to `visit`; with `plain`, a row of a file that splits plainly, as wide as its
   * header, is first offered to the plain reader, and only a row it does not take goes to `visit`.
   */
  readonly stream: (
    visit: (
      row: number,
      cells: readonly string[],
      errors: readonly CsvError[] | undefined,
      notes: readonly RowNote[] | undefined,
    ) => boolean,
    plain?: PlainReader,
  ) => void;
}

/** A canonical column whose cells reach the reader as written in its source field. */
export interface PlainColumn {
  /** Index of its source field. */
  readonly source: number;
  /** Epoch ms after which a date of this column is refused as in the future (Infinity: never). */
  readonly latest: number;
}

/**
 * A reader of clean rows from their bytes: given where each canonical column is (see `PlainColumn`)
 * and the number of source fields,
 * the function that reads one row and returns true when it took it (the row is accepted as it is,
 * counted and stored), or undefined when it cannot read this file's rows that way. A row it does
 * not take is read the usual way, from its cells, with every check and report.
 */
export type PlainReader = (
  columns: ReadonlyMap<string, PlainColumn>,
  width: number,
) => ((row: number, line: PlainRow) => boolean) | undefined;

export interface TableSpec {
  readonly known: readonly string[];
  readonly required: readonly string[];
  /** Whether records of this file keep custom attributes; if not, extra columns are reported. */
  readonly keepsCustom: boolean;
}

/** A free custom column name: `name`, else `name_2`, `name_3`, … */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let k = 2;
  while (taken.has(`${name}_${k}`)) k++;
  return `${name}_${k}`;
}

/** Parses a canonical CSV file and resolves its header; see `CanonicalTable`. */
export function openTable(file: SourceFile, spec: TableSpec, report: ReportBuilder): CanonicalTable {
  const csv = 'parsed' in file ? file.parsed : parseCsv(file.text, { delimiter: ',' });
  const notes =
    'parsed' in file ? (file.notes ?? new Map<number, readonly RowNote[]>()) : new Map<number, readonly RowNote[]>();
  const warn = (m: string) => report.warn(file.name, m);
  const rowErrors = new Map<number, CsvError[]>();
  for (const e of csv.errors) {
    if (e.row === 0) warn(`header line: ${e.message} (${e.code})`);
    else rowErrors.set(e.row, [...(rowErrors.get(e.row) ?? []), e]);
  }
  if (csv.header.length === 0) warn('the file is empty: no header line');

  const knownSet = new Set(spec.known);
  const columns = new Map<string, number>();
  const custom: [string, number][] = [];
  const customNames = new Set<string>();
  const notKept: string[] = [];
  csv.header.forEach((raw, index) => {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (REFUSED_HEADERS.has(lower)) {
      warn(`column ${index + 1} "${name}" refused: this name is reserved; its values were not imported`);
      return;
    }
    if (knownSet.has(lower)) {
      if (!columns.has(lower)) {
        columns.set(lower, index);
        return;
      }
      const kept = spec.keepsCustom ? uniqueName(name, customNames) : undefined;
      warn(
        `column ${index + 1} "${name}" repeats column ${columns.get(lower)! + 1}; the first is used` +
          (kept === undefined ? ' and this one is ignored' : ` and this one is kept as custom attribute "${kept}"`),
      );
      if (kept === undefined) return;
      custom.push([kept, index]);
      customNames.add(kept);
      return;
    }
    if (!spec.keepsCustom) {
      notKept.push(name === '' ? `(column ${index + 1}, unnamed)` : name);
      return;
    }
    const base = name === '' ? `column_${index + 1}` : name;
    const kept = uniqueName(base, customNames);
    if (name === '') warn(`column ${index + 1} has no name; kept as custom attribute "${kept}"`);
    else if (kept !== name)
      warn(`column ${index + 1} "${name}" repeats an earlier column; kept as custom attribute "${kept}"`);
    custom.push([kept, index]);
    customNames.add(kept);
  });
  if (notKept.length > 0) {
    warn(`columns not imported (records of this file carry no custom attributes): ${notKept.join(', ')}`);
  }
  const missing = csv.header.length === 0 ? [] : spec.required.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    warn(`required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}; every row is rejected`);
  }
  const stream = 'stream' in file ? file.stream : undefined;
  return { file: file.name, header: csv.header, rows: csv.rows, rowErrors, columns, custom, missing, notes, stream };
}
