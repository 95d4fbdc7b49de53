import { formatDate } from '../../lib/format';
import { Stat } from '../../ui/stat';
import { ErrorState, Loading } from '../../ui/states';
import { currentWindowLabel, headlineCards } from './build-headline';
import { useOverview } from './queries';

/** Leads, MQLs, SQLs, SQOs, won and the key rates: quarter to date against the same days last quarter. */
export function HeadlineSection() {
  const { data, error } = useOverview();
  if (error) return <ErrorState title="The headline figures could not be computed" error={error} />;
  if (!data) return <Loading label="Computing the headline figures…" />;
  return (
    <section className="card" aria-labelledby="headline-title">
      <h2 id="headline-title">
        {currentWindowLabel(data.current)}: {formatDate(data.current.from)} – {formatDate(data.current.to)}
      </h2>
      <p className="muted overview-note">
        Compared with the same number of days of the previous quarter ({formatDate(data.previous.from)} –{' '}
        {formatDate(data.previous.to)}), so a quarter in progress is not set against a whole one.{' '}
        {data.basis === 'leads'
          ? 'Counts are first entries into each stage in the window'
          : 'Counted on opportunities: created in the window, and closed in it by close date'}
        ; hover or focus a figure for its definition.
      </p>
      <div className="stat-row overview-stats">
        {headlineCards(data).map((c) => (
          <div key={c.key} className={`headline headline--${c.direction}`} data-key={c.key}>
            <Stat label={c.label} value={c.value} note={c.note} help={c.help} />
          </div>
        ))}
      </div>
    </section>
  );
}
