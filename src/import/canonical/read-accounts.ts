/** accounts.csv → AccountRecord (SPEC §3). */
import type { AccountRecord } from '../../engine/model/records';
import type { ReportBuilder } from '../report';
import { ACCOUNT_COLUMNS } from './columns';
import { eachRow } from './row-reader';
import { openTable, type SourceFile } from './table';

/** Reads accounts.csv; `annual_revenue` is in currency units and becomes cents. */
export function readAccounts(file: SourceFile, report: ReportBuilder): AccountRecord[] {
  const table = openTable(file, { known: ACCOUNT_COLUMNS, required: ['id'], keepsCustom: true }, report);
  const out: AccountRecord[] = [];
  const firstRow = new Map<string, number>();
  // Industries, regions and tools repeat across accounts: each distinct text is kept once (a string
  // per account and attribute took about 220 bytes per account).
  const seen = new Map<string, string>();
  const once = (s: string | undefined): string | undefined => {
    if (s === undefined) return undefined;
    const kept = seen.get(s);
    if (kept !== undefined) return kept;
    seen.set(s, s);
    return s;
  };
  eachRow(table, report.file(file.name), (r) => {
    const id = r.id('id');
    const name = r.text('name');
    const industry = once(r.text('industry'));
    const employees = r.number('employees', 0);
    const annualRevenueCents = r.money('annual_revenue', false);
    const region = once(r.text('region'));
    const techStack = (r.text('tech_stack') ?? '')
      .split('|')
      .map((s) => once(s.trim())!)
      .filter((s) => s !== '');
    const custom = r.custom();
    if (id !== undefined && firstRow.has(id)) r.duplicate('id', id, firstRow.get(id)!);
    if (r.rejected || id === undefined) return;
    firstRow.set(id, r.row);
    // Optional fields are set one by one on a literal of one shape, not spread into it: a record
    // spread from conditional parts takes more memory in V8.
    const a: AccountRecord = { id, techStack, custom };
    if (name !== undefined) a.name = name;
    if (industry !== undefined) a.industry = industry;
    if (employees !== undefined) a.employees = employees;
    if (annualRevenueCents !== undefined) a.annualRevenueCents = annualRevenueCents;
    if (region !== undefined) a.region = region;
    out.push(a);
  });
  return out;
}
