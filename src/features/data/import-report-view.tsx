import { formatCount } from '../../lib/format';
import type { ImportReport } from '../../import/report';
import { downloadCsv } from '../../lib/csv-export';

const MAX_SHOWN = 200;

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
      <table className="table">
        <caption className="visually-hidden">Rows per file</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Rows read
            </th>
            <th scope="col" className="num">
              Accepted
            </th>
            <th scope="col" className="num">
              Repaired
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((f) => (
            <tr key={f.file}>
              <th scope="row">{f.file}</th>
              <td className="num">{formatCount(f.rowsRead)}</td>
              <td className="num">{formatCount(f.accepted)}</td>
              <td className="num">{formatCount(f.repaired)}</td>
              <td className="num">{formatCount(f.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Rows repaired or rejected</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="num">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.slice(0, MAX_SHOWN).map((i, k) => (
                  <tr key={k}>
                    <td>{i.file}</td>
                    <td className="num">{i.row}</td>
                    <td>{i.column ?? ''}</td>
                    <td className="cell-value">{i.value ?? ''}</td>
                    <td>{i.outcome}</td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
