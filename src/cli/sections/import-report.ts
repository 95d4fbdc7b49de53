import type { ImportReport } from '../../import/report';
import type { ReportSection } from './section';

export function formatImportReportLines(report: ImportReport): string[] {
  return [
    `Import: ${report.rowsRead} rows read, ${report.accepted} accepted, ${report.repaired} repaired, ${report.rejected} rejected`,
    ...report.warnings.map((w) => `  warning ${w.file}: ${w.message}`),
  ];
}

export const importReportSection: ReportSection = {
  json: ({ report }) => ({
    importReport: {
      rowsRead: report.rowsRead,
      accepted: report.accepted,
      repaired: report.repaired,
      rejected: report.rejected,
      files: report.files,
      warnings: report.warnings,
    },
  }),
  text: ({ report }) => formatImportReportLines(report),
};
