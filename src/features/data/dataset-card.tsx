import { formatCount, formatDate } from '../../lib/format';
import { Stat } from '../../ui/stat';
import type { DatasetSummary } from '../../worker/api';

function originText(s: DatasetSummary): string {
  return s.origin.kind === 'demo'
    ? `Demo company, seed ${s.origin.seed}, ${formatCount(s.origin.leads)} leads`
    : `Your files: ${s.origin.files.join(', ')}`;
}

export function DatasetCard({ summary }: { summary: DatasetSummary }) {
  const c = summary.counts;
  return (
    <section className="card" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Loaded dataset: {summary.name}</h2>
      <p className="muted">
        {originText(summary)} · {summary.currency} · data from {formatDate(summary.from)} to{' '}
        {formatDate(summary.asOf)} (the default “as of” date)
      </p>
      <div className="stat-row">
        <Stat label="Leads" value={formatCount(c.leads - c.bots)} note="bots excluded" />
        <Stat label="Bots excluded" value={formatCount(c.bots)} help="Leads flagged is_bot: left out of every figure." />
        <Stat label="Accounts" value={formatCount(c.accounts)} />
        <Stat label="Activities" value={formatCount(c.activities)} />
        <Stat label="Opportunities" value={formatCount(c.opportunities)} />
        <Stat label="Touches" value={formatCount(c.touches)} />
        <Stat label="Quarters with quota" value={formatCount(c.quarters)} />
      </div>
    </section>
  );
}
