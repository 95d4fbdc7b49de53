/** `revlens import <paths...>`: the import report, as JSON or a readable summary. */
import { activityCount, leadCount } from '../../engine/model/records';
import { isUsable, type ImportResult } from '../../import/pipeline';
import { formatImportReportLines } from '../sections/import-report';

export interface CommandOutput {
  readonly output: string;
  /** 0 when anything usable was read, else 1. */
  readonly exitCode: number;
  /** Written to stderr (a refusal's reason), when set. */
  readonly stderr?: string;
}

export function runImport(result: ImportResult, json: boolean): CommandOutput {
  const { report, records } = result;
  const exitCode = isUsable(records) ? 0 : 1;
  if (json) {
    const out = {
      mode: result.mode,
      rowsRead: report.rowsRead,
      accepted: report.accepted,
      repaired: report.repaired,
      rejected: report.rejected,
      files: report.files,
      issues: report.issues.map((i) => ({
        file: i.file,
        row: i.row,
        column: i.column ?? null,
        value: i.value ?? null,
        reason: i.reason,
        outcome: i.outcome,
      })),
      warnings: report.warnings,
      records: {
        accounts: records.accounts.length,
        leads: leadCount(records),
        activities: activityCount(records),
        opportunities: records.opportunities.length,
        touches: records.touches.length,
      },
      unmapped: result.unmapped.map((u) => ({ file: u.file, header: u.header, proposal: u.proposal })),
    };
    return { output: JSON.stringify(out, null, 2), exitCode };
  }
  const lines = [
    `Read as: ${result.mode}`,
    ...formatImportReportLines(report),
    ...report.files.map(
      (f) => `  ${f.file}: ${f.rowsRead} read, ${f.accepted} accepted, ${f.repaired} repaired, ${f.rejected} rejected`,
    ),
    ...report.issues
      .slice(0, 50)
      .map(
        (i) =>
          `  ${i.outcome} ${i.file} row ${i.row}${i.column ? ` [${i.column}]` : ''}${i.value ? ` "${i.value}"` : ''}: ${i.reason}`,
      ),
  ];
  if (report.issues.length > 50) lines.push(`  … and ${report.issues.length - 50} more issues (use --json for all)`);
  for (const u of result.unmapped) {
    lines.push(
      `Unmapped: ${u.file} (columns: ${u.header.join(', ')}); proposed target ${u.proposal.target}. Save a mapping and pass --mapping.`,
    );
  }
  if (exitCode !== 0) lines.push('Nothing usable was read: no lead or opportunity row was accepted.');
  return { output: lines.join('\n'), exitCode };
}
