import { formatCount, formatDate, formatInstant, formatMoney, formatPercent } from '../../lib/format';
import { Stat } from '../../ui/stat';
import { DatasetExport } from './dataset-export';
import type { DatasetSummary } from '../../worker/api';

function originText(s: DatasetSummary): string {
  return s.origin.kind === 'demo'
    ? `Demo company, seed ${s.origin.seed}, ${formatCount(s.origin.leads)} leads`
    : `Your files: ${s.origin.files.join(', ')}`;
}

export function DatasetCard({ summary }: { summary: DatasetSummary }) {
  const c = summary.counts;
  const o = summary.outcomes;
  return (
    <section className="card" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Loaded dataset: {summary.name}</h2>
      <p className="muted">
        {originText(summary)} · {summary.currency} · data from {formatDate(summary.from)} to{' '}
        {formatInstant(summary.asOfInstant)}: the “as of” instant, the latest recorded event that is not a planned date
        (a future close date never moves it)
      </p>
      <div className="stat-row">
        <Stat label="Leads" value={formatCount(c.leads - c.bots)} note="bots excluded" />
        <Stat
          label="Bots excluded"
          value={formatCount(c.bots)}
          help="Leads flagged is_bot: left out of every figure."
        />
        <Stat label="Accounts" value={formatCount(c.accounts)} />
        <Stat label="Activities" value={formatCount(c.activities)} />
        <Stat label="Opportunities" value={formatCount(c.opportunities)} />
        <Stat label="Touches" value={formatCount(c.touches)} />
        <Stat label="Quarters with quota" value={formatCount(c.quarters)} />
      </div>
      <h3>Opportunities by outcome</h3>
      <div className="stat-row" data-testid="opportunity-outcomes">
        <Stat label="Open" value={formatCount(o.open)} />
        <Stat label="Won" value={formatCount(o.won)} />
        <Stat label="Lost" value={formatCount(o.lost)} />
        <Stat
          label="Open pipeline"
          value={formatMoney(o.openPipelineCents, summary.currency)}
          help={`Sum of the amounts of open opportunities in ${summary.currency}, all loaded data, no filter; an amount in a currency without a rate is left out (see Currencies).`}
        />
        <Stat
          label="Win rate"
          value={formatPercent(o.winRate)}
          note={`${formatCount(o.won)} won of ${formatCount(o.won + o.lost)} closed`}
          help="Won ÷ (won + lost) over every loaded opportunity; “no data” when none is closed."
        />
      </div>
      <DatasetExport />
    </section>
  );
}
