/**
 * Prints the SQL representation of ./ast.ts in one dialect. Every identifier goes through
 * `quoteIdent` and every literal through `quoteString` or the number printer; compound
 * expressions are parenthesised, so precedence never depends on the dialect.
 */
import type { Dialect, Expr, From, Query, Select, UnionAll } from './ast';
import { DECIMAL_PATTERN, quoteIdent, quoteString, typeName } from './dialect';

export interface PrintOptions {
  /**
   * How a canonical source table is named: by default its quoted name; a dbt model passes
   * `{{ source('revlens', 'leads') }}`.
   */
  readonly source?: (name: string) => string;
  /**
   * The text is a dbt model, read by Jinja first: no `{{`, `{%` or `{#` may appear inside a literal
   * (a string is split there into a concatenation) or a name (refused).
   */
  readonly jinja?: boolean;
}

interface Ctx {
  readonly d: Dialect;
  readonly o: PrintOptions;
}

const JINJA_OPEN = /\{[{%#]/;

function ident(c: Ctx, name: string): string {
  if (c.o.jinja && JINJA_OPEN.test(name))
    throw new Error(
      `A name holding ${JSON.stringify(name.match(JINJA_OPEN)![0])} cannot go into a dbt model: ${JSON.stringify(name)}`,
    );
  return quoteIdent(c.d, name);
}

function stringLiteral(c: Ctx, v: string): string {
  if (!c.o.jinja || !JINJA_OPEN.test(v)) return quoteString(c.d, v);
  // Split after every "{" that would open a Jinja tag, so the pieces hold no tag opener.
  const pieces = v.split(/(?<=\{)(?=[{%#])/);
  return `(${pieces.map((x) => quoteString(c.d, x)).join(' || ')})`;
}

function number(c: Ctx, v: number): string {
  if (!Number.isFinite(v)) throw new Error(`Not a finite number for SQL: ${v}`);
  if (Number.isSafeInteger(v)) return v < 0 ? `(${v})` : String(v);
  // The shortest decimal that reads back as exactly this double, cast so no dialect makes it a decimal.
  return `CAST(${quoteString(c.d, String(v))} AS ${typeName(c.d, 'double')})`;
}

function expr(c: Ctx, e: Expr): string {
  const d = c.d;
  const p = (x: Expr) => expr(c, x);
  switch (e.k) {
    case 'col':
      return e.table === undefined ? ident(c, e.name) : `${ident(c, e.table)}.${ident(c, e.name)}`;
    case 'str':
      return stringLiteral(c, e.v);
    case 'num':
      return number(c, e.v);
    case 'bool':
      return e.v ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'bin':
      return `(${p(e.l)} ${e.op} ${p(e.r)})`;
    case 'sum':
      return `(\n      ${e.terms.map(p).join('\n      + ')}\n    )`;
    case 'not':
      return `(NOT ${p(e.e)})`;
    case 'isNull':
      return `(${p(e.e)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'in':
      return e.list.length === 0 ? 'FALSE' : `(${p(e.e)} IN (${e.list.map(p).join(', ')}))`;
    case 'case': {
      const whens = e.whens.map(([w, t]) => `WHEN ${p(w)} THEN ${p(t)}`).join(' ');
      return `CASE ${whens}${e.otherwise === undefined ? '' : ` ELSE ${p(e.otherwise)}`} END`;
    }
    case 'fn':
      return `${e.name}(${e.args.map(p).join(', ')})`;
    case 'agg':
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.e === '*' ? '*' : p(e.e)})`;
    case 'cast':
      return `CAST(${p(e.e)} AS ${typeName(d, e.to)})`;
    case 'epochMs':
      return epochMs(c, p(e.e));
    case 'contains':
      return containsText(d, p(e.hay), p(e.needle));
    case 'toDouble':
      return toDouble(c, p(e.e));
    case 'afterLast':
      return afterLast(c, p(e.e), e.sep);
    case 'extract':
      return d === 'spark' ? `${e.part}(${p(e.e)})` : `EXTRACT(${e.part} FROM ${p(e.e)})`;
    case 'msMinusMonths':
      return msMinusMonths(c, p(e.ms), e.months);
    case 'rowNumber': {
      const part = e.partitionBy.length ? `PARTITION BY ${e.partitionBy.map(p).join(', ')} ` : '';
      return `ROW_NUMBER() OVER (${part}ORDER BY ${e.orderBy.map(p).join(', ')})`;
    }
    case 'scalar':
      // Scalar subqueries are short: printed on one line.
      return `(${query(c, e.q, null)})`;
  }
}

function epochMs(c: Ctx, x: string): string {
  const dbl = typeName(c.d, 'double');
  switch (c.d) {
    case 'duckdb':
      return `CAST(epoch_ms(${x}) AS ${dbl})`;
    case 'postgres':
      return `CAST(EXTRACT(EPOCH FROM ${x}) * 1000 AS ${dbl})`;
    case 'bigquery':
      return `CAST(UNIX_MILLIS(${x}) AS ${dbl})`;
    case 'snowflake':
      return `CAST(DATE_PART(EPOCH_MILLISECOND, ${x}) AS ${dbl})`;
    case 'spark':
      return `CAST(unix_millis(${x}) AS ${dbl})`;
  }
}

function msMinusMonths(c: Ctx, ms: string, months: number): string {
  if (!Number.isSafeInteger(months) || months < 0) throw new Error(`Whole months back, not ${months}`);
  const dbl = typeName(c.d, 'double');
  switch (c.d) {
    case 'duckdb':
      return `CAST(epoch_ms(epoch_ms(CAST(${ms} AS BIGINT)) - INTERVAL ${months} MONTH) AS ${dbl})`;
    case 'postgres':
      return `CAST(EXTRACT(EPOCH FROM (TIMESTAMP '1970-01-01 00:00:00' + ${ms} * INTERVAL '1 millisecond' - INTERVAL '${months} months')) * 1000 AS ${dbl})`;
    case 'bigquery':
      return `CAST(UNIX_MILLIS(TIMESTAMP(DATETIME_SUB(DATETIME(TIMESTAMP_MILLIS(CAST(${ms} AS INT64))), INTERVAL ${months} MONTH))) AS ${dbl})`;
    case 'snowflake':
      return `CAST(DATE_PART(EPOCH_MILLISECOND, DATEADD(MONTH, -${months}, TO_TIMESTAMP_NTZ(CAST(${ms} AS BIGINT), 3))) AS ${dbl})`;
    case 'spark':
      return `CAST(unix_millis(timestamp_millis(CAST(${ms} AS BIGINT)) - make_interval(0, ${months})) AS ${dbl})`;
  }
}

function containsText(d: Dialect, hay: string, needle: string): string {
  switch (d) {
    case 'duckdb':
    case 'postgres':
    case 'bigquery':
      return `(STRPOS(${hay}, ${needle}) > 0)`;
    case 'snowflake':
      return `(POSITION(${needle}, ${hay}) > 0)`;
    case 'spark':
      return `(INSTR(${hay}, ${needle}) > 0)`;
  }
}

function toDouble(c: Ctx, x: string): string {
  const pat = quoteString(c.d, DECIMAL_PATTERN);
  const then = `CAST(${x} AS ${typeName(c.d, 'double')})`;
  const test = {
    duckdb: `regexp_full_match(${x}, ${pat})`,
    postgres: `(${x} ~ ${pat})`,
    bigquery: `REGEXP_CONTAINS(${x}, ${pat})`,
    snowflake: `RLIKE(${x}, ${pat})`,
    spark: `(${x} RLIKE ${pat})`,
  }[c.d];
  return `CASE WHEN ${test} THEN ${then} END`;
}

function afterLast(c: Ctx, x: string, sep: string): string {
  if (!/^[@|,;:/.#]$/.test(sep))
    throw new Error(`afterLast takes one plain separator character, not ${JSON.stringify(sep)}`);
  const s = quoteString(c.d, sep);
  switch (c.d) {
    case 'duckdb':
    case 'postgres':
    case 'snowflake':
      return `REVERSE(SPLIT_PART(REVERSE(${x}), ${s}, 1))`;
    case 'bigquery':
      return `REGEXP_EXTRACT(${x}, ${quoteString(c.d, `[^${sep}]*$`)})`;
    case 'spark':
      return `SUBSTRING_INDEX(${x}, ${s}, -1)`;
  }
}

/**
 * CTE names are the compiler's own fixed words, never data: they are checked to be plain lower-case
 * names that no dialect reserves and printed bare, which every dialect (and its parsers) reads alike.
 */
function cteName(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name) || RESERVED.has(name)) throw new Error(`Not a plain CTE name: ${name}`);
  return name;
}

const RESERVED = new Set([
  'select',
  'from',
  'where',
  'order',
  'group',
  'table',
  'with',
  'union',
  'join',
  'on',
  'as',
  'case',
  'end',
  'limit',
  'all',
  'and',
  'or',
  'not',
  'null',
  'true',
  'false',
  'by',
  'in',
  'is',
  'to',
  'window',
]);

/** `indent` null prints on one line. */
function from(c: Ctx, f: From, indent: string | null): string {
  const alias = ident(c, f.alias);
  switch (f.k) {
    case 'source':
      return `${c.o.source ? c.o.source(f.name) : ident(c, f.name)} AS ${alias}`;
    case 'cte':
      return `${cteName(f.name)} AS ${alias}`;
    case 'sub':
      return indent === null
        ? `(${query(c, f.q, null)}) AS ${alias}`
        : `(\n${indent}  ${query(c, f.q, `${indent}  `)}\n${indent}) AS ${alias}`;
  }
}

function selectText(c: Ctx, s: Select, indent: string | null): string {
  const nl = indent === null ? ' ' : `\n${indent}`;
  const pad = indent === null ? '' : '  ';
  const cols = s.columns.map((x) => `${expr(c, x.e)} AS ${ident(c, x.as)}`).join(`,${nl}${pad}`);
  let out = `SELECT${s.distinct ? ' DISTINCT' : ''}${nl}${pad}${cols}`;
  if (s.from) out += `${nl}FROM ${from(c, s.from, indent)}`;
  for (const j of s.joins ?? []) {
    out += `${nl}${j.kind} JOIN ${from(c, j.from, indent)}`;
    if (j.kind !== 'CROSS') {
      if (!j.on) throw new Error(`A ${j.kind} join needs a condition.`);
      out += ` ON ${expr(c, j.on)}`;
    }
  }
  if (s.where) out += `${nl}WHERE ${expr(c, s.where)}`;
  if (s.groupBy?.length) out += `${nl}GROUP BY ${s.groupBy.map((g) => expr(c, g)).join(', ')}`;
  if (s.orderBy?.length) out += `${nl}ORDER BY ${s.orderBy.map((g) => expr(c, g)).join(', ')}`;
  return out;
}

function bodyText(c: Ctx, b: Select | UnionAll, indent: string | null): string {
  const sep = indent === null ? ' UNION ALL ' : `\n${indent}UNION ALL\n${indent}`;
  return b.k === 'select' ? selectText(c, b, indent) : b.parts.map((s) => selectText(c, s, indent)).join(sep);
}

function query(c: Ctx, q: Query, indent: string | null): string {
  const body = bodyText(c, q.body, indent);
  if (q.ctes.length === 0) return body;
  if (indent === null)
    return `WITH ${q.ctes.map(([name, b]) => `${cteName(name)} AS (${bodyText(c, b, null)})`).join(', ')} ${body}`;
  const ctes = q.ctes.map(
    ([name, b]) => `${cteName(name)} AS (\n${indent}  ${bodyText(c, b, `${indent}  `)}\n${indent})`,
  );
  return `WITH ${ctes.join(`,\n${indent}`)}\n${indent}${body}`;
}

/** The query as SQL text of the dialect (no trailing semicolon: dbt models take none). */
export function printQuery(d: Dialect, q: Query, o: PrintOptions = {}): string {
  return query({ d, o }, q, '');
}

/** One expression as SQL text (for tests of the printer). */
export function printExpr(d: Dialect, e: Expr, o: PrintOptions = {}): string {
  return expr({ d, o }, e);
}
