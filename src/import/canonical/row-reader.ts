/**
 * Reads the cells of one canonical table row by row, recording every repair and rejection on the
 * file's tally. Required values that are missing or unreadable reject the row; optional values that
 * are unreadable are dropped, which repairs the row. All problems of a row are reported, not only
 * the first.
 */
import type { CustomAttributes } from '../../engine/model/records';
import type { FileTally } from '../report';
import { ISO_HINT, parseBoolean, parseDecimal, parseIsoInstant, parseMoney } from '../values/parse-values';
import type { ValueResult } from '../values/deal-fields';
import { checkId, isPlainId, tooEarly } from '../values/row-checks';
import type { CsvError } from '../csv';
import type { CanonicalTable, RowNote } from './table';

/**
 * Ids a reference may point to, with the name of the file they were read from as the user named
 * it; `undefined` when the referenced file is not in the folder.
 */
export type IdSet = { has(id: string): boolean; readonly file?: string } | undefined;

/** An id set that knows its file's name, for messages. */
export function namedIds(ids: Iterable<string>, file: string): ReadonlySet<string> & { readonly file: string } {
  return Object.assign(new Set(ids), { file });
}

export class RowReader {
  private cells: readonly string[] = [];
  private rowNumber = 0;

  constructor(
    readonly table: CanonicalTable,
    readonly tally: FileTally,
  ) {}

  /** 1-based data row number of the current row. */
  get row(): number {
    return this.rowNumber;
  }

  get rejected(): boolean {
    return this.tally.isRejected;
  }

  /**
   * Starts data row `index + 1`. Returns false when the row cannot be read at all (malformed
   * quotes, a missing required column, values beyond the header), after rejecting it.
   */
  begin(index: number): boolean {
    const { table } = this;
    const row = index + 1;
    return this.start(row, table.rows[index] ?? [], table.rowErrors.get(row), table.notes.get(row));
  }

  /**
   * Starts data row `row` with its cells, parse errors and notes given (a streamed file's rows are
   * not held by the table); see `begin`.
   */
  start(
    row: number,
    cells: readonly string[],
    errors: readonly CsvError[] | undefined,
    notes: readonly RowNote[] | undefined,
  ): boolean {
    const { table, tally } = this;
    this.rowNumber = row;
    this.cells = cells;
    tally.row(this.rowNumber);
    if (errors !== undefined) {
      for (const e of errors) {
        const rest = e.code === 'MissingQuotes' ? '; the rest of the file was read into this row' : '';
        tally.reject(undefined, undefined, `malformed CSV: ${e.message}${rest}`);
      }
    }
    if (notes !== undefined) {
      for (const n of notes) {
        if (n.outcome === 'rejected') tally.reject(n.column, n.value, n.reason);
        else tally.repair(n.column, n.value, n.reason);
      }
    }
    if (table.missing.length > 0) {
      for (const c of table.missing) tally.reject(c, undefined, `required column ${c} is missing from the file`);
    }
    const n = this.cells.length;
    const width = table.header.length;
    if (n > width) {
      const extra = this.cells.slice(width);
      if (extra.every((v) => v.trim() === '')) {
        tally.repair(
          undefined,
          undefined,
          `row has ${n} fields, header has ${width}: the extra empty fields were ignored`,
        );
      } else {
        tally.reject(undefined, extra.join(','), `row has ${n} fields, header has ${width}: values are likely shifted`);
      }
    } else if (n < width) {
      tally.repair(
        undefined,
        undefined,
        `row has ${n} fields, header has ${width}: the missing trailing fields were read as empty`,
      );
    }
    return !tally.isRejected;
  }

  /** The raw cell of a canonical column; undefined when the column is absent or the row short. */
  raw(column: string): string | undefined {
    const i = this.table.columns.get(column);
    return i === undefined ? undefined : this.cells[i];
  }

  /** Trimmed text, undefined when empty. Trimming a value is a repair. */
  text(column: string): string | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const t = raw.trim();
    if (t !== raw && t !== '') this.tally.repair(column, raw, 'surrounding whitespace trimmed');
    return t === '' ? undefined : t;
  }

  /** Required text: missing or blank rejects the row. */
  required(column: string): string | undefined {
    const t = this.text(column);
    if (t === undefined) this.tally.reject(column, this.raw(column), `missing required field ${column}`);
    return t;
  }

  /** An ISO-8601 instant in epoch ms (UTC); a date before 1900 is refused like an unreadable one. */
  date(column: string, required: boolean): number | undefined {
    const t = required ? this.required(column) : this.text(column);
    if (t === undefined) return undefined;
    const ms = parseIsoInstant(t);
    const early = ms === undefined ? undefined : tooEarly(ms);
    if (ms === undefined || early !== undefined) {
      const reason = early ?? `unparseable date (${ISO_HINT})`;
      if (required) this.tally.reject(column, t, reason);
      else this.tally.repair(column, t, `${reason}: date dropped`);
      return undefined;
    }
    return ms;
  }

  /**
   * A required id: surrounding whitespace and invisible characters (zero-width spaces…) removed,
   * which is a repair; an id empty once cleaned rejects the row.
   */
  id(column: string): string | undefined {
    const raw = this.raw(column);
    if (raw !== undefined && isPlainId(raw)) return raw;
    if (raw === undefined || raw.trim() === '') return this.required(column);
    const c = checkId(raw);
    if (!c.ok) {
      this.tally.reject(column, raw, c.reason);
      return undefined;
    }
    if (c.repaired !== undefined) this.tally.repair(column, raw, c.repaired);
    else if (c.id !== raw) this.tally.repair(column, raw, 'surrounding whitespace trimmed');
    return c.id;
  }

  /** An optional reference's text, cleaned like an id (an empty one is no reference). */
  private refText(column: string): string | undefined {
    const raw = this.raw(column);
    if (raw !== undefined && isPlainId(raw)) return raw;
    if (raw === undefined || raw.trim() === '') return undefined;
    const c = checkId(raw);
    if (!c.ok) {
      this.tally.repair(column, raw, `${c.reason}: reference dropped`);
      return undefined;
    }
    if (c.repaired !== undefined) this.tally.repair(column, raw, c.repaired);
    else if (c.id !== raw) this.tally.repair(column, raw, 'surrounding whitespace trimmed');
    return c.id;
  }

  /** Money in currency units → integer cents. Negative or non-numeric: reject if required, else drop. */
  money(column: string, required: boolean): number | undefined {
    const t = required ? this.required(column) : this.text(column);
    if (t === undefined) return undefined;
    const m = parseMoney(t);
    if (!m.ok) {
      if (required) this.tally.reject(column, t, `${m.reason}: expected an amount in currency units, e.g. 1250.50`);
      else this.tally.repair(column, t, `${m.reason}: value dropped`);
      return undefined;
    }
    if (m.rounded) this.tally.repair(column, t, 'rounded to whole cents');
    return m.cents;
  }

  /**
   * An amount that may be unknown: empty (or no such column) is `undefined`, an unreadable or
   * negative amount rejects the row (it is not a blank to fill in, but a value to fix).
   */
  optionalAmount(column: string): number | undefined {
    const raw = this.raw(column);
    return raw === undefined || raw.trim() === '' ? undefined : this.money(column, true);
  }

  /**
   * An optional value read by a value-level parser (src/import/values); one it refuses is dropped
   * as a repair, with the parser's reason.
   */
  value<T>(column: string, parse: (text: string) => ValueResult<T>): T | undefined {
    const t = this.text(column);
    if (t === undefined) return undefined;
    const v = parse(t);
    if (v.ok) return v.value;
    this.tally.repair(column, t, `${v.reason}: value dropped`);
    return undefined;
  }

  /** An optional plain number; non-numeric (or below `min`) is dropped as a repair. */
  number(column: string, min = -Infinity): number | undefined {
    const t = this.text(column);
    if (t === undefined) return undefined;
    const n = parseDecimal(t);
    if (n === undefined || n < min) {
      this.tally.repair(column, t, n === undefined ? 'not a number: value dropped' : `below ${min}: value dropped`);
      return undefined;
    }
    return n;
  }

  /** An optional boolean; empty means not recorded, an unknown word is dropped as a repair. */
  bool(column: string): boolean | undefined {
    const t = this.text(column);
    if (t === undefined) return undefined;
    const b = parseBoolean(t);
    if (b === undefined) this.tally.repair(column, t, 'not a boolean (true/false/1/0/yes/no): read as not recorded');
    return b;
  }

  /**
   * An optional reference to another file's id. When that file is in the folder and the id is not,
   * the reference is dropped (a repair); when the file is absent, references are kept unchecked.
   */
  ref(column: string, ids: IdSet, target: string): string | undefined {
    const t = this.refText(column);
    if (t === undefined || ids === undefined || ids.has(t)) return t;
    this.tally.repair(column, t, `${column} "${t}" not found in ${ids.file ?? target}: reference dropped`);
    return undefined;
  }

  /** A required reference: missing, or unknown in the referenced file (or no such file), rejects. */
  requiredRef(column: string, ids: IdSet, target: string): string | undefined {
    const t = this.id(column);
    if (t === undefined) return undefined;
    if (ids?.has(t)) return t;
    this.tally.reject(
      column,
      t,
      `orphan reference: ${column} "${t}" not found in ${ids?.file ?? target}${ids ? '' : ' (no such file in the folder)'}`,
    );
    return undefined;
  }

  /** Rejects the row as a duplicate of an earlier kept row, naming both rows. */
  duplicate(column: string, value: string, firstRow: number): void {
    this.tally.reject(
      column,
      value,
      `duplicate ${column} "${value}": rows ${firstRow} and ${this.rowNumber} (row ${firstRow} kept)`,
    );
  }

  /**
   * Custom attributes: every non-empty custom cell, verbatim. A file without custom columns gives
   * every row the one frozen empty object: a table's records then hold no empty object each (V8
   * keeps a null-prototype object in dictionary mode, about 200 bytes).
   */
  custom(): CustomAttributes {
    if (this.table.custom.length === 0) return NO_CUSTOM;
    const out = Object.create(null) as CustomAttributes;
    for (const [name, i] of this.table.custom) {
      const v = this.cells[i];
      if (v !== undefined && v !== '') out[name] = v;
    }
    return out;
  }
}

const NO_CUSTOM: CustomAttributes = Object.freeze(Object.create(null) as CustomAttributes);

/**
 * Runs `read` over every data row of a table with a fresh tally, then closes the tally. A streamed
 * table's rows are read as they stream by (the table holds none).
 */
export function eachRow(table: CanonicalTable, tally: FileTally, read: (r: RowReader) => void): void {
  const r = new RowReader(table, tally);
  if (table.stream) {
    table.stream((n, cells, errors, notes) => {
      if (r.start(n, cells, errors, notes)) read(r);
      return tally.isRejected;
    });
  } else {
    for (let i = 0; i < table.rows.length; i++) {
      if (r.begin(i)) read(r);
    }
  }
  tally.end();
}
