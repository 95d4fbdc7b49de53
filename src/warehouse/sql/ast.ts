/**
 * A small typed representation of the SQL the warehouse compiler emits. Queries are built from
 * these nodes and printed per dialect by ./print.ts: no SQL text is ever pasted together from
 * strings, and every identifier and literal is quoted by the printer.
 */

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(v: string): v is Dialect {
  return (DIALECTS as readonly string[]).includes(v);
}

/** Column types of the canonical tables and of casts. */
export type SqlType = 'double' | 'text' | 'bigint' | 'boolean' | 'timestamp';

export type BinOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR' | '||';

/** Scalar functions every dialect spells the same way. */
export type ScalarFn = 'COALESCE' | 'LOWER' | 'TRIM' | 'EXP' | 'LEAST' | 'GREATEST' | 'FLOOR' | 'ABS';

export type AggFn = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export type Expr =
  /** A column, optionally qualified by a table alias. */
  | { readonly k: 'col'; readonly table?: string; readonly name: string }
  | { readonly k: 'str'; readonly v: string }
  /** A number; non-integers are printed as an exact cast to double. */
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'bin'; readonly op: BinOp; readonly l: Expr; readonly r: Expr }
  /** A sum of many terms, printed one term a line. */
  | { readonly k: 'sum'; readonly terms: readonly Expr[] }
  | { readonly k: 'not'; readonly e: Expr }
  | { readonly k: 'isNull'; readonly e: Expr; readonly negated: boolean }
  /** `e IN (list)`; an empty list is printed as FALSE. */
  | { readonly k: 'in'; readonly e: Expr; readonly list: readonly Expr[] }
  | { readonly k: 'case'; readonly whens: readonly (readonly [Expr, Expr])[]; readonly otherwise?: Expr }
  | { readonly k: 'fn'; readonly name: ScalarFn; readonly args: readonly Expr[] }
  | { readonly k: 'agg'; readonly name: AggFn; readonly e: Expr | '*'; readonly distinct?: boolean }
  | { readonly k: 'cast'; readonly e: Expr; readonly to: SqlType }
  /** Milliseconds since the Unix epoch of a timestamp (as a double). */
  | { readonly k: 'epochMs'; readonly e: Expr }
  /** Whether text `hay` contains `needle`. */
  | { readonly k: 'contains'; readonly hay: Expr; readonly needle: Expr }
  /** A text read as a decimal number, NULL when it is not one. */
  | { readonly k: 'toDouble'; readonly e: Expr }
  /** The part of a text after the last `sep` (the whole text when there is none). */
  | { readonly k: 'afterLast'; readonly e: Expr; readonly sep: string }
  | { readonly k: 'extract'; readonly part: 'YEAR' | 'MONTH'; readonly e: Expr }
  /** An instant (epoch ms) moved back by whole calendar months, as epoch ms (a double). */
  | { readonly k: 'msMinusMonths'; readonly ms: Expr; readonly months: number }
  | { readonly k: 'rowNumber'; readonly partitionBy: readonly Expr[]; readonly orderBy: readonly Expr[] }
  | { readonly k: 'scalar'; readonly q: Query };

export interface Column {
  readonly e: Expr;
  readonly as: string;
}

/** A canonical source table (printed through the dialect's table naming), a CTE, or a subquery. */
export type From =
  | { readonly k: 'source'; readonly name: string; readonly alias: string }
  | { readonly k: 'cte'; readonly name: string; readonly alias: string }
  | { readonly k: 'sub'; readonly q: Query; readonly alias: string };

export interface Join {
  readonly kind: 'LEFT' | 'INNER' | 'CROSS';
  readonly from: From;
  readonly on?: Expr;
}

export interface Select {
  readonly k: 'select';
  readonly distinct?: boolean;
  readonly columns: readonly Column[];
  readonly from?: From;
  readonly joins?: readonly Join[];
  readonly where?: Expr;
  readonly groupBy?: readonly Expr[];
  readonly orderBy?: readonly Expr[];
}

export interface UnionAll {
  readonly k: 'union';
  readonly parts: readonly Select[];
}

/** A statement: named common table expressions, then the body. */
export interface Query {
  readonly ctes: readonly (readonly [name: string, body: Select | UnionAll])[];
  readonly body: Select | UnionAll;
}

// Builders, so compiler code reads as the SQL it makes.
export const col = (table: string | undefined, name: string): Expr =>
  table === undefined ? { k: 'col', name } : { k: 'col', table, name };
export const str = (v: string): Expr => ({ k: 'str', v });
export const num = (v: number): Expr => ({ k: 'num', v });
export const bool = (v: boolean): Expr => ({ k: 'bool', v });
export const NULL: Expr = { k: 'null' };
export const bin = (op: BinOp, l: Expr, r: Expr): Expr => ({ k: 'bin', op, l, r });
export const and = (...es: readonly Expr[]): Expr =>
  es.length === 0 ? bool(true) : es.reduce((a, b) => bin('AND', a, b));
export const or = (...es: readonly Expr[]): Expr =>
  es.length === 0 ? bool(false) : es.reduce((a, b) => bin('OR', a, b));
export const not = (e: Expr): Expr => ({ k: 'not', e });
export const sum = (terms: readonly Expr[]): Expr =>
  terms.length === 0 ? num(0) : terms.length === 1 ? terms[0]! : { k: 'sum', terms };
export const isNull = (e: Expr): Expr => ({ k: 'isNull', e, negated: false });
export const isNotNull = (e: Expr): Expr => ({ k: 'isNull', e, negated: true });
export const inList = (e: Expr, list: readonly Expr[]): Expr => ({ k: 'in', e, list });
export const caseWhen = (whens: readonly (readonly [Expr, Expr])[], otherwise?: Expr): Expr =>
  otherwise === undefined ? { k: 'case', whens } : { k: 'case', whens, otherwise };
export const fn = (name: ScalarFn, ...args: readonly Expr[]): Expr => ({ k: 'fn', name, args });
export const agg = (name: AggFn, e: Expr | '*', distinct = false): Expr => ({ k: 'agg', name, e, distinct });
export const cast = (e: Expr, to: SqlType): Expr => ({ k: 'cast', e, to });
export const epochMs = (e: Expr): Expr => ({ k: 'epochMs', e });
export const contains = (hay: Expr, needle: Expr): Expr => ({ k: 'contains', hay, needle });
export const toDouble = (e: Expr): Expr => ({ k: 'toDouble', e });
export const afterLast = (e: Expr, sep: string): Expr => ({ k: 'afterLast', e, sep });
export const extract = (part: 'YEAR' | 'MONTH', e: Expr): Expr => ({ k: 'extract', part, e });
export const msMinusMonths = (ms: Expr, months: number): Expr => ({ k: 'msMinusMonths', ms, months });
export const rowNumber = (partitionBy: readonly Expr[], orderBy: readonly Expr[]): Expr => ({
  k: 'rowNumber',
  partitionBy,
  orderBy,
});
export const scalar = (q: Query): Expr => ({ k: 'scalar', q });
/** `v` clamped into [lo, hi] (no NULLs: LEAST/GREATEST treat NULL differently per dialect). */
export const clamp = (v: Expr, lo: number, hi: number): Expr => fn('LEAST', num(hi), fn('GREATEST', num(lo), v));

export const source = (name: string, alias: string): From => ({ k: 'source', name, alias });
export const cte = (name: string, alias: string): From => ({ k: 'cte', name, alias });
export const select = (s: Omit<Select, 'k'>): Select => ({ k: 'select', ...s });
