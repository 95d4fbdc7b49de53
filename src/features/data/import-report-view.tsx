import { formatCount } from '../../lib/format';
import type { FileReport, ImportIssue, ImportReport } from '../../import/report';
import { downloadCsv } from '../../lib/csv-export';
import { FigureTable, type FigureColumn } from '../../ui/figure-table';

const MAX_SHOWN = 200;

const count = (key: keyof Omit<FileReport, 'file'>, header: string): FigureColumn<FileReport> => ({
  key,
  header,
  numeric: true,
  cell: (f) => formatCount(f[key]),
});
const FILE_COLUMNS: readonly FigureColumn<FileReport>[] = [
  { key: 'file', header: 'File', rowHeader: true, cell: (f) => f.file },
  count('rowsRead', 'Rows read'),
  count('accepted', 'Accepted'),
  count('repaired', 'Repaired'),
  count('rejected', 'Rejected'),
];
const ISSUE_COLUMNS: readonly FigureColumn<ImportIssue>[] = [
  { key: 'file', header: 'File', cell: (i) => i.file },
  { key: 'row', header: 'Row', numeric: true, cell: (i) => i.row },
  { key: 'column', header: 'Column', cell: (i) => i.column ?? '' },
  { key: 'value', header: 'Value', className: 'cell-value', cell: (i) => i.value ?? '' },
  { key: 'outcome', header: 'Outcome', cell: (i) => i.outcome },
  { key: 'reason', header: 'Reason', cell: (i) => i.reason },
];

/** Every row read is accounted for: accepted, repaired (and how) or rejected (and why). */
export function ImportReportView({ report, heading = 'Import report' }: { report: ImportReport; heading?: string }) {
  const id = heading === 'Import report' ? 'report-heading' : 'preview-report-heading';
  const exportIssues = () =>
    downloadCsv(
      'import-issues.csv',
      ['file', 'row', 'column', 'value', 'outcome', 'reason'],
      report.issues.map((i) => [i.file, i.row, i.column, i.value, i.outcome, i.reason]),
    );
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p>
        {formatCount(report.rowsRead)} {report.rowsRead === 1 ? 'row' : 'rows'} read: {formatCount(report.accepted)}{' '}
        accepted, {formatCount(report.repaired)} repaired, {formatCount(report.rejected)} rejected.
      </p>
      <FigureTable caption="Rows per file" columns={FILE_COLUMNS} rows={report.files} rowKey={(f) => f.file} />
      {report.warnings.length > 0 ? (
        <>
          <h3>File warnings ({formatCount(report.warnings.length)})</h3>
          <ul className="warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.file}</strong>: {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Rows repaired or rejected</h3>
      {report.issues.length === 0 ? (
        <p className="muted">None: every row was accepted as it was.</p>
      ) : (
        <>
          <p>
            {report.issues.length > MAX_SHOWN
              ? `Showing the first ${MAX_SHOWN} of ${formatCount(report.issues.length)}; download them all as CSV.`
              : `${formatCount(report.issues.length)} issues.`}{' '}
            <button type="button" className="button button--small" onClick={exportIssues}>
              Download issues as CSV
            </button>
          </p>
          <FigureTable
            caption="Rows repaired or rejected"
            columns={ISSUE_COLUMNS}
            rows={report.issues.slice(0, MAX_SHOWN)}
            rowKey={(_, k) => k}
            scroll
          />
        </>
      )}
    </section>
  );
}
