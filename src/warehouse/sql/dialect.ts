/**
 * How each dialect spells names, literals and types. Identifiers are always quoted, so a column
 * named `select` or `order` works, and literals always escaped, so a value holding `'` or `--`
 * stays a value.
 */
import type { Dialect, SqlType } from './ast';

const SIMPLE = /^[a-z_][a-z0-9_]*$/;

/** A quoted identifier in the dialect. */
export function quoteIdent(d: Dialect, name: string): string {
  if (name.length === 0) throw new Error('An SQL identifier cannot be empty.');
  if (name.includes('\u0000'))
    throw new Error(`An SQL identifier cannot hold a NUL character: ${JSON.stringify(name)}`);
  switch (d) {
    case 'duckdb':
    case 'postgres':
      return `"${name.replaceAll('"', '""')}"`;
    case 'snowflake':
      // Snowflake folds unquoted names to upper case: quote a lower-case snake_case name as the upper
      // case it resolves to unquoted, so tables created the usual way are found; keep any other as is.
      return `"${(SIMPLE.test(name) ? name.toUpperCase() : name).replaceAll('"', '""')}"`;
    case 'bigquery':
      return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
    case 'spark':
      return `\`${name.replaceAll('`', '``')}\``;
  }
}

/** A string literal in the dialect. */
export function quoteString(d: Dialect, v: string): string {
  if (v.includes('\u0000')) throw new Error(`An SQL string cannot hold a NUL character: ${JSON.stringify(v)}`);
  switch (d) {
    case 'duckdb':
    case 'postgres':
      // Both read backslashes literally in standard strings.
      return `'${v.replaceAll("'", "''")}'`;
    case 'snowflake':
      return `'${v.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
    case 'bigquery':
    case 'spark':
      return `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
  }
}

const TYPES: Readonly<Record<Dialect, Readonly<Record<SqlType, string>>>> = {
  duckdb: { double: 'DOUBLE', text: 'VARCHAR', bigint: 'BIGINT', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP' },
  postgres: { double: 'DOUBLE PRECISION', text: 'TEXT', bigint: 'BIGINT', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP' },
  bigquery: { double: 'FLOAT64', text: 'STRING', bigint: 'INT64', boolean: 'BOOL', timestamp: 'TIMESTAMP' },
  snowflake: { double: 'DOUBLE', text: 'VARCHAR', bigint: 'BIGINT', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP_NTZ' },
  spark: { double: 'DOUBLE', text: 'STRING', bigint: 'BIGINT', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP' },
};

export const typeName = (d: Dialect, t: SqlType): string => TYPES[d][t];

/** Decimal notation JavaScript's `Number()` reads (no hex, no Infinity): the guard of `toDouble`. */
export const DECIMAL_PATTERN = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';
