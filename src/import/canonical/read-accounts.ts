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
  eachRow(table, report.file(file.name), (r) => {
    const id = r.id('id');
    const name = r.text('name');
    const industry = r.text('industry');
    const employees = r.number('employees', 0);
    const annualRevenueCents = r.money('annual_revenue', false);
    const region = r.text('region');
    const techStack = (r.text('tech_stack') ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const custom = r.custom();
    if (id !== undefined && firstRow.has(id)) r.duplicate('id', id, firstRow.get(id)!);
    if (r.rejected || id === undefined) return;
    firstRow.set(id, r.row);
    out.push({
      id,
      ...(name !== undefined && { name }),
      ...(industry !== undefined && { industry }),
      ...(employees !== undefined && { employees }),
      ...(annualRevenueCents !== undefined && { annualRevenueCents }),
      ...(region !== undefined && { region }),
      techStack,
      custom,
    });
  });
  return out;
}
