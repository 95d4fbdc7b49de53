/**
 * DuckDB expressions that read a cell of a canonical file as the in-memory import does
 * (src/import/values/parse-values.ts): every cell is read as text, trimmed, empty is NULL, and
 * each kind is parsed by an explicit pattern before any cast, so DuckDB's own guessing never decides
 * a type. A cell that does not match its pattern reads as NULL; `invalid` says so, for the checks that
 * reject a row.
 */
import { quoteIdent, quoteString } from '../../warehouse/sql/dialect';

export type CellKind = 'text' | 'instant' | 'decimal' | 'money' | 'bool' | 'status' | 'quarter';

const ident = (name: string) => quoteIdent('duckdb', name);
export const lit = (v: string) => quoteString('duckdb', v);

/** ISO-8601 date or date-time, optional zone (parseIsoInstant); day ranges are checked by the cast. */
const ISO =
  '^\\d{4}-\\d{2}-\\d{2}([Tt ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d([.,]\\d{1,9})?)?([Zz]|[+-]([01]\\d|2[0-3])(:?[0-5]\\d)?)?)?$';
const DECIMAL = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$';
const QUARTER = '^(\\d{4})-?[Qq]([1-4])$';
const TRUE_WORDS = ['true', '1', 'yes', 'y', 't'];
const FALSE_WORDS = ['false', '0', 'no', 'n', 'f'];
const words = (ws: readonly string[]) => ws.map(lit).join(', ');

/**
 * The trimmed text of a column of the file (NULL when empty), or NULL when the file has no such
 * column. Only a cell that starts or ends with a space is trimmed (a copy): the others are read as
 * they are, which is most of the cost of reading a large file saved.
 */
export function cellText(column: string | undefined): string {
  if (column === undefined) return 'CAST(NULL AS VARCHAR)';
  const v = `CAST(${ident(column)} AS VARCHAR)`;
  return `NULLIF(CASE WHEN starts_with(${v}, ' ') OR ends_with(${v}, ' ') THEN TRIM(${v}) ELSE ${v} END, '')`;
}

/** The value of trimmed text `t` as `kind`, NULL when empty or unreadable. */
export function parsed(kind: CellKind, t: string): string {
  switch (kind) {
    case 'text':
      return t;
    case 'instant':
      // Zone-less instants are UTC; fractions beyond microseconds are cut. Only an instant with an
      // offset (a + or - after the date) needs the zone-aware cast; the plain cast reads the others
      // (and a Z) to the same instant, several times faster.
      return `CASE WHEN regexp_full_match(${t}, ${lit(ISO)}) THEN CASE WHEN contains(substr(${t}, 11), '+') OR contains(substr(${t}, 11), '-') THEN timezone('UTC', TRY_CAST(replace(upper(${t}), ',', '.') AS TIMESTAMPTZ)) ELSE TRY_CAST(replace(upper(${t}), ',', '.') AS TIMESTAMP) END END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${t}, ${lit(DECIMAL)}) THEN TRY_CAST(${t} AS DOUBLE) END`;
    case 'money':
      // Currency units to whole cents and back, as the import keeps integer cents; negative is invalid.
      return `CASE WHEN regexp_full_match(${t}, ${lit(DECIMAL)}) AND TRY_CAST(${t} AS DOUBLE) >= 0 THEN round(TRY_CAST(${t} AS DOUBLE) * 100) / 100 END`;
    case 'bool':
      return `CASE WHEN lower(${t}) IN (${words(TRUE_WORDS)}) THEN TRUE WHEN lower(${t}) IN (${words(FALSE_WORDS)}) THEN FALSE END`;
    case 'status':
      return `CASE WHEN lower(${t}) IN ('open', 'won', 'lost') THEN lower(${t}) END`;
    case 'quarter':
      return `CASE WHEN regexp_full_match(${t}, ${lit(QUARTER)}) THEN regexp_replace(${t}, ${lit(QUARTER)}, '\\1-Q\\2') END`;
  }
}

/** True when `t` holds text that does not read as `kind`; `value` is its parsed value, when already computed. */
export function invalid(kind: CellKind, t: string, value = parsed(kind, t)): string {
  return kind === 'text' ? 'FALSE' : `(${t} IS NOT NULL AND ${value} IS NULL)`;
}

/** What the import says of an unreadable value of each kind. */
export const INVALID_REASON: Readonly<Record<CellKind, string>> = {
  text: '',
  instant: 'unparseable date (expected ISO-8601, e.g. 2026-01-31 or 2026-01-31T09:30:00Z)',
  decimal: 'not a number',
  money: 'not a non-negative amount in currency units, e.g. 1250.50',
  bool: 'not a boolean (true/false/1/0/yes/no)',
  status: 'bad status: expected open, won or lost',
  quarter: 'not a quarter label: expected e.g. 2026-Q1',
};
