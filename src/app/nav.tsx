import type { MouseEvent } from 'react';
import { goToView, searchForOtherView, useSearch, useView } from '../state/url';
import { VIEWS } from '../state/views';

/** Links to the seven views; real anchors so they open in new tabs and work with the keyboard. */
export function Nav() {
  const current = useView();
  const search = useSearch().toString();
  const carried = searchForOtherView(search);
  const base = import.meta.env.BASE_URL;
  return (
    <nav className="app-nav" aria-label="Views">
      <ul>
        {VIEWS.map((v) => {
          const onClick = (e: MouseEvent) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            goToView(v.id);
          };
          return (
            <li key={v.id}>
              <a
                href={`${base}${v.path}${carried}`}
                aria-current={current === v.id ? 'page' : undefined}
                onClick={onClick}
              >
                {v.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
