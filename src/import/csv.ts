/**
 * A small CSV reader around papaparse that returns raw string rows, never objects: header names
 * such as `__proto__` or duplicated names are the caller's to judge, and nothing is coerced.
 */
import Papa from 'papaparse';

/** One problem papaparse reported, placed on a data row. */
export interface CsvError {
  /** 1-based data row number (the header is row 0, also used for file-level problems). */
  readonly row: number;
  readonly code: string;
  readonly message: string;
}

export interface CsvTable {
  /** The first non-blank line's fields, verbatim (BOM removed). Empty when the text holds no line. */
  readonly header: readonly string[];
  /** Data rows, verbatim; `rows[i]` is data row `i + 1`. Rows may be longer or shorter than the header. */
  readonly rows: readonly (readonly string[])[];
  readonly errors: readonly CsvError[];
  /** The delimiter used (given or detected). */
  readonly delimiter: string;
}

export interface ParseCsvOptions {
  /** Field delimiter; detected among `,`, `;`, tab and `|` when absent. */
  readonly delimiter?: string;
}

/** A line holding nothing (or only spaces) is not a row: trailing newlines and gaps are skipped. */
function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

/**
 * Parses CSV text (RFC 4180 quoting; LF, CRLF or CR line endings; a leading BOM is dropped).
 * Blank lines are skipped and not numbered. Quote errors are reported on the data row they start
 * in; an unterminated quote swallows the rest of the text into that row's last field, as any
 * reader must. Pure and synchronous; runs in Node, a worker or the page.
 */
export function parseCsv(text: string, opts: ParseCsvOptions = {}): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // skipEmptyLines is left off on purpose: with it on, papaparse's error row numbers count the
  // skipped lines and no longer point at the right row. Blank lines are dropped below instead.
  const result = Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: false,
    delimiter: opts.delimiter ?? '',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const all = result.data;
  // Our number of each papaparse row (header = 0, data rows from 1, blank = 0); a typed array
  // because only error rows are ever looked up and large files have millions of rows.
  const numberOf = new Int32Array(all.length);
  let header: readonly string[] = [];
  const rows: (readonly string[])[] = [];
  let seenHeader = false;
  for (let index = 0; index < all.length; index++) {
    const fields = all[index]!;
    if (isBlank(fields)) continue;
    if (!seenHeader) {
      header = fields;
      seenHeader = true;
      continue;
    }
    rows.push(fields);
    numberOf[index] = rows.length;
  }
  const errors: CsvError[] = [];
  for (const e of result.errors) {
    // With a single column nothing can be detected and the default comma is right.
    if (e.code === 'UndetectableDelimiter') continue;
    const row = e.row === undefined ? 0 : (numberOf[e.row] ?? 0);
    errors.push({ row, code: e.code, message: e.message });
  }
  return { header, rows, errors, delimiter: result.meta.delimiter };
}

/**
 * The data row (numbered as `parseCsv` numbers them: header 0, blank lines skipped) on which each
 * character offset of `text` lies; -1 for an offset on a blank line. Line breaks inside quoted
 * fields do not end a row. Offsets must be ascending. Used to place per-line findings of the
 * decoder on the rows the readers report.
 */
export function rowsAtOffsets(text: string, delimiter: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  let row = -1; // the header becomes row 0
  let start = 0;
  let quoted = false;
  const n = text.length;
  for (let i = 0; i <= n && next < offsets.length; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c === 34) quoted = !quoted;
    if (quoted || (c !== 10 && c !== 13)) continue;
    const line = text.slice(start, i);
    const blank = !line.includes(delimiter) && line.trim() === '';
    if (!blank) row++;
    while (next < offsets.length && offsets[next]! <= i) {
      out.push(blank ? -1 : row);
      next++;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  while (out.length < offsets.length) out.push(-1);
  return out;
}
