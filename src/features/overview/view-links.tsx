import type { MouseEvent } from 'react';
import { goToView, useSearch } from '../../state/url';
import type { ViewId } from '../../state/views';

const LINKS: readonly { view: ViewId; label: string; what: string }[] = [
  { view: 'funnel', label: 'Funnel', what: 'Where the funnel leaks: step and cohort conversion, skips, time in stage, by source, segment, owner and quarter.' },
  { view: 'intent', label: 'Intent & scoring', what: 'Fit and intent scores, tiers and how well they predict outcomes.' },
  { view: 'rules', label: 'Qualification rules', what: 'MQL and SQL thresholds and what changing them would do.' },
  { view: 'forecast', label: 'Forecast', what: 'Pipeline, coverage against quota and bookings by quarter.' },
  { view: 'hygiene', label: 'SQO hygiene', what: 'Fast-tracked, re-staged and pass-through opportunities.' },
  { view: 'data', label: 'Data', what: 'What is loaded, and the import report.' },
];

/** Links into the other views, keeping the filters. */
export function ViewLinks() {
  const search = useSearch().toString();
  const base = import.meta.env.BASE_URL;
  return (
    <nav className="card" aria-label="Go deeper">
      <h2>Go deeper</h2>
      <ul className="overview-links">
        {LINKS.map((l) => (
          <li key={l.view}>
            <a
              href={`${base}${l.view}${search ? `?${search}` : ''}`}
              onClick={(e: MouseEvent) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                goToView(l.view);
              }}
            >
              {l.label}
            </a>{' '}
            <span className="muted">— {l.what}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
