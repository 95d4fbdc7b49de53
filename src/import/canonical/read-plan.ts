/** plan.csv → quotas and plan settings (SPEC §3). */
import type { QuotaRecord } from '../../engine/model/records';
import type { ReportBuilder } from '../report';
import { PLAN_COLUMNS } from './columns';
import { parseCurrency, parseMonth, parseQuarter } from './parse-values';
import { eachRow, type RowReader } from './row-reader';
import { openTable, type SourceFile } from './table';

export interface PlanRead {
  quotas: QuotaRecord[];
  /** The currency the file declares, if any. */
  currency?: string;
  /** The fiscal year start month the file declares (1–12), if any. */
  fiscalYearStartMonth?: number;
}

/** A plan setting: the first valid value wins; a different later value is reported and ignored. */
function setting<T>(
  r: RowReader,
  column: string,
  parse: (t: string) => T | undefined,
  hint: string,
  held: { value?: T; row?: number },
): void {
  const t = r.text(column);
  if (t === undefined) return;
  const v = parse(t);
  if (v === undefined) {
    r.tally.repair(column, t, `${hint}: value ignored`);
  } else if (held.value === undefined) {
    held.value = v;
    held.row = r.row;
  } else if (held.value !== v) {
    r.tally.repair(column, t, `conflicts with "${String(held.value)}" on row ${held.row}: that value is kept`);
  }
}

/**
 * Reads plan.csv: one quota per fiscal quarter (`2026-Q1`), in currency units → integer cents.
 * Optional `currency` and `fiscal_year_start_month` columns declare the plan settings; a row with
 * both `quarter` and `quota` empty may carry settings alone. A repeated quarter is rejected.
 */
export function readPlan(file: SourceFile, report: ReportBuilder): PlanRead {
  const table = openTable(file, { known: PLAN_COLUMNS, required: ['quarter', 'quota'], keepsCustom: false }, report);
  const quotas: QuotaRecord[] = [];
  const firstRow = new Map<string, number>();
  const currency: { value?: string; row?: number } = {};
  const fyStart: { value?: number; row?: number } = {};
  eachRow(table, report.file(file.name), (r) => {
    setting(r, 'currency', parseCurrency, 'not a three-letter currency code', currency);
    setting(r, 'fiscal_year_start_month', parseMonth, 'not a month number 1–12', fyStart);
    const blank = (c: string) => (r.raw(c) ?? '').trim() === '';
    // A settings-only row: no quota to read, and not a "missing field" either.
    if (blank('quarter') && blank('quota') && !(blank('currency') && blank('fiscal_year_start_month'))) return;
    const label = r.required('quarter');
    const quarter = label === undefined ? undefined : parseQuarter(label);
    if (label !== undefined && quarter === undefined) r.tally.reject('quarter', label, 'not a quarter label: expected e.g. 2026-Q1');
    else if (label !== undefined && quarter !== label) r.tally.repair('quarter', label, `quarter written as ${quarter}`);
    const quotaCents = r.money('quota', true);
    if (quarter !== undefined && firstRow.has(quarter)) r.duplicate('quarter', quarter, firstRow.get(quarter)!);
    if (r.rejected || quarter === undefined || quotaCents === undefined) return;
    firstRow.set(quarter, r.row);
    quotas.push({ quarter, quotaCents });
  });
  const out: PlanRead = { quotas };
  if (currency.value !== undefined) out.currency = currency.value;
  if (fyStart.value !== undefined) out.fiscalYearStartMonth = fyStart.value;
  return out;
}
