/** plan.csv → quotas and plan settings (SPEC §3). */
import type { QuotaRecord } from '../../engine/model/records';
import type { ReportBuilder } from '../report';
import { PLAN_COLUMNS } from './columns';
import { parseCurrency, parseMonth, parseQuarter } from '../values/parse-values';
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

/** Columns that make a quota row the quota of one slice (SPEC §3). */
const SLICE_COLUMNS = ['segment', 'owner', 'team'] as const;

/**
 * Reads plan.csv: one quota per fiscal quarter (`2026-Q1`), in currency units → integer cents, or
 * one per quarter and slice when a row names a `segment`, `owner` or `team` (one of them per row).
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
    if (label !== undefined && quarter === undefined)
      r.tally.reject('quarter', label, 'not a quarter label: expected e.g. 2026-Q1');
    else if (label !== undefined && quarter !== label)
      r.tally.repair('quarter', label, `quarter written as ${quarter}`);
    const quotaCents = r.money('quota', true);
    const slices = SLICE_COLUMNS.filter((c) => r.text(c) !== undefined);
    if (slices.length > 1)
      r.tally.reject(
        slices[1]!,
        r.raw(slices[1]!),
        `a quota row is for one slice: segment, owner or team, not ${slices.join(' and ')}`,
      );
    const dimension = slices[0];
    const value = dimension === undefined ? undefined : r.text(dimension);
    const key = quarter === undefined ? undefined : dimension ? `${quarter} ${dimension} ${value}` : quarter;
    if (slices.length <= 1 && key !== undefined && firstRow.has(key))
      r.duplicate('quarter', dimension ? `${quarter} (${dimension} ${value})` : quarter!, firstRow.get(key)!);
    if (r.rejected || quarter === undefined || quotaCents === undefined || key === undefined) return;
    firstRow.set(key, r.row);
    quotas.push(
      dimension && value !== undefined ? { quarter, quotaCents, slice: { dimension, value } } : { quarter, quotaCents },
    );
  });
  const out: PlanRead = { quotas };
  if (currency.value !== undefined) out.currency = currency.value;
  if (fyStart.value !== undefined) out.fiscalYearStartMonth = fyStart.value;
  return out;
}
