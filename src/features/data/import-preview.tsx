import { downloadCsv } from '../../lib/csv-export';
import { formatCount } from '../../lib/format';
import { moneyNotes } from '../../lib/money-notes';
import type { ImportPreview } from '../../worker/api';
import { engine } from '../../worker/client';
import { ImportReportView } from './import-report-view';
import type { PreviewSource } from './queries';

/** How the preview names what the files were read as: one entry for every preset and mode. */
const MODE_LABEL: Record<ImportPreview['mode'], string> = {
  canonical: 'the canonical folder (CSV or Parquet files)',
  json: 'canonical JSON',
  salesforce: 'a Salesforce export',
  hubspot: 'a HubSpot export',
  mapping: 'your column mapping',
};

/** Rejected rows (file, row, column, value, reason, the source row) as a CSV download. */
async function downloadRejected(id: number): Promise<void> {
  const { header, rows } = await engine().rejectedRows(id);
  downloadCsv('rejected-rows.csv', header, rows);
}

/** What the import would load, shown before anything replaces the current dataset. */
export function ImportPreviewCard({
  preview,
  source,
  busy,
  onCommit,
  onDiscard,
}: {
  preview: ImportPreview;
  source: PreviewSource | null;
  busy: boolean;
  onCommit: () => void;
  onDiscard: () => void;
}) {
  const c = preview.counts;
  const what = source?.kind === 'url' ? source.url : preview.files.join(', ');
  return (
    <>
      <section className="card import-preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Check before loading</h2>
        <p>
          {preview.mode === 'mapping' && preview.report.files.length === 0
            ? `No preset recognised ${what}.`
            : `Read ${what} as ${MODE_LABEL[preview.mode]}.`}{' '}
          The current dataset stays until you load this one.
        </p>
        <p>
          Would load: {formatCount(c.leads)} leads, {formatCount(c.opportunities)} opportunities,{' '}
          {formatCount(c.accounts)} accounts, {formatCount(c.activities)} activities, {formatCount(c.touches)} touches.
        </p>
        {moneyNotes(preview.currencies, preview.currency, 'a rate can be entered on the Data view once loaded').map(
          (n) => (
            <p key={n} data-testid="preview-money-note">
              {n}
            </p>
          ),
        )}
        {preview.report.warnings.length > 0 ? (
          <p className="import-preview__warn">
            {formatCount(preview.report.warnings.length)} file warning{preview.report.warnings.length === 1 ? '' : 's'}:
            read them in the report below.
          </p>
        ) : null}
        {!preview.usable ? (
          <p role="alert">
            Nothing usable yet: no lead or opportunity row was accepted.
            {preview.unmapped.length > 0 ? ' Map the columns above, then preview again.' : ' See the reasons below.'}
          </p>
        ) : null}
        <div className="mapping-actions">
          <button type="button" className="button" disabled={busy || !preview.usable} onClick={onCommit}>
            Replace the current dataset
          </button>
          <button type="button" className="button button--small" onClick={onDiscard}>
            Discard
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={preview.report.rejected === 0}
            onClick={() => void downloadRejected(preview.id)}
          >
            Download rejected rows as CSV
          </button>
        </div>
      </section>
      <ImportReportView report={preview.report} heading="Import report (preview)" />
    </>
  );
}
