import type { MouseEvent } from 'react';
import { goToView, searchForOtherView, useSearch } from '../../state/url';
import { VIEWS, type ViewId } from '../../state/views';

const WHAT: Partial<Record<ViewId, string>> = {
  funnel:
    'Where the funnel leaks: step and cohort conversion, skips, time in stage, by source, segment, owner and quarter.',
  intent: 'Fit and intent scores, tiers and how well they predict outcomes.',
  rules: 'MQL and SQL thresholds and what changing them would do.',
  forecast: 'Pipeline, coverage against quota and bookings by quarter.',
  hygiene: 'Fast-tracked, re-staged and pass-through opportunities.',
  data: 'What is loaded, and the import report.',
};
const LINKS = VIEWS.filter((v) => WHAT[v.id]).map((v) => ({ view: v.id, label: v.label, what: WHAT[v.id]! }));

/** Links into the other views, keeping the filters. */
export function ViewLinks() {
  const search = useSearch().toString();
  const carried = searchForOtherView(search);
  const base = import.meta.env.BASE_URL;
  return (
    <nav className="card" aria-label="Go deeper">
      <h2>Go deeper</h2>
      <ul className="overview-links">
        {LINKS.map((l) => (
          <li key={l.view}>
            <a
              href={`${base}${l.view}${carried}`}
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
