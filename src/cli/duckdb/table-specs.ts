/**
 * What the DuckDB report reads of each canonical file, and which rows it leaves out, as the
 * in-memory import (src/import/canonical) does for the columns the compiled SQL reads:
 * - a required field missing or unreadable, an unknown status, a negative or non-numeric amount or
 *   quota, a reference to a row that was not read (activities, stage entries and changes), or a
 *   second row with the same id (the first row read is kept) leaves the row out, with its reason;
 * - an optional date or flag that does not read is NULL (the import drops it as a repair), a
 *   lead reference of an opportunity to no lead read is dropped, and an amount in a currency code
 *   that is not one is unknown.
 * Files or columns absent read as empty; any other column of a file is not read.
 */
import { canonicalTable, LEAD_STAGE_COLUMNS } from '../../warehouse/schema';
import type { CellKind } from './value-sql';

/** A check that leaves a row out: a condition over the `t_<column>` texts and parsed values. */
export interface RowCheck {
  readonly when: string;
  readonly column: string;
  readonly reason: string;
}

export interface TableSpec {
  /** Canonical table (and file) name. */
  readonly name: string;
  /** How each column of the table reads; columns not listed read by their schema type. */
  readonly kinds: Readonly<Record<string, CellKind>>;
  readonly required: readonly string[];
  /** Optional columns whose unreadable value leaves the row out (else it reads as NULL). */
  readonly rejectInvalid?: readonly string[];
  /** Extra columns read as text for checks (`t_<name>`), beyond the table's own. */
  readonly extraTexts?: readonly string[];
  /** Value expressions replacing a column's parsed value. */
  readonly values?: (has: (table: string) => boolean) => Readonly<Record<string, string>>;
  readonly checks?: (has: (table: string) => boolean) => readonly RowCheck[];
  /** The column whose repeats are left out (the first row read is kept). */
  readonly unique?: string;
  /** Rows to skip without counting them as read (plan settings-only rows). */
  readonly skip?: string;
  /**
   * For a table the report reads only the latest instant of (this column, of the rows kept): the
   * file is streamed once into its summary and its rows are never stored.
   */
  readonly latest?: string;
  /** The columns the report reads, when not all: the others are checked as required but not stored. */
  readonly reads?: readonly string[];
}

const idIn = (column: string, table: string, has: (t: string) => boolean): RowCheck => ({
  when: has(table) ? `"t_${column}" NOT IN (SELECT "id" FROM "${table}")` : 'TRUE',
  column,
  reason: `orphan reference: ${column} not found in ${table}.csv${has(table) ? '' : ' (no such file in the folder)'}`,
});

const CURRENCY_CODE = '^[A-Za-z]{3}$';

export const TABLE_SPECS: readonly TableSpec[] = [
  {
    name: 'leads',
    kinds: {},
    required: ['id', 'created_at'],
    unique: 'id',
    reads: ['id', 'created_at', 'source', 'is_bot', ...LEAD_STAGE_COLUMNS.map((s) => `${s}_at`)],
  },
  {
    name: 'opportunities',
    kinds: { status: 'status', amount: 'money' },
    required: ['id', 'created_at', 'status'],
    rejectInvalid: ['amount'],
    extraTexts: ['currency'],
    unique: 'id',
    values: (has) => ({
      lead_id: has('leads') ? `CASE WHEN "lead_id" IN (SELECT "id" FROM "leads") THEN "lead_id" END` : '"lead_id"',
      amount: `CASE WHEN "t_currency" IS NULL OR regexp_full_match("t_currency", '${CURRENCY_CODE}') THEN "amount" END`,
    }),
  },
  {
    name: 'opportunity_stages',
    kinds: {},
    required: ['opportunity_id', 'stage', 'entered_at'],
    checks: (has) => [idIn('opportunity_id', 'opportunities', has)],
  },
  {
    name: 'opportunity_history',
    kinds: { amount: 'money' },
    required: ['opportunity_id', 'at'],
    checks: (has) => [
      idIn('opportunity_id', 'opportunities', has),
      {
        when: '"t_stage" IS NULL AND "t_amount" IS NULL AND "t_close_date" IS NULL AND "t_probability" IS NULL AND "t_forecast_category" IS NULL',
        column: 'at',
        reason: 'the row records no stage, amount, close date, probability or forecast category',
      },
    ],
  },
  {
    name: 'activities',
    kinds: {},
    required: ['lead_id', 'type', 'at'],
    checks: (has) => [idIn('lead_id', 'leads', has)],
    latest: 'at',
  },
  {
    name: 'plan',
    kinds: { quarter: 'quarter', quota: 'money' },
    required: ['quarter', 'quota'],
    extraTexts: ['currency', 'fiscal_year_start_month'],
    unique: 'quarter',
    skip: '"t_quarter" IS NULL AND "t_quota" IS NULL AND ("t_currency" IS NOT NULL OR "t_fiscal_year_start_month" IS NOT NULL)',
  },
];

/** The kind each column of a table the report reads is read as: its spec's, else by its schema type. */
export function columnKinds(spec: TableSpec): [string, CellKind][] {
  const columns = canonicalTable(spec.name).columns.filter((c) => spec.reads?.includes(c.name) ?? true);
  return columns.map((c) => {
    const byType: CellKind =
      c.type === 'timestamp' ? 'instant' : c.type === 'double' ? 'decimal' : c.type === 'boolean' ? 'bool' : 'text';
    return [c.name, spec.kinds[c.name] ?? byType];
  });
}
