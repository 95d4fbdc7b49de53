import { Fragment } from 'react';
import type { DealTarget } from '../../worker/api';
import { dealActions } from './deal-settings';

/** A link under a card's headline figures: its words, and the figure whose deals it lists. */
export interface DealLink {
  readonly label: string;
  readonly target: DealTarget;
}

/** The links that open the deals behind a card's headline figures, separated by " · ". */
export function DealLinks({ links }: { links: readonly DealLink[] }) {
  return (
    <p className="fc-headline-deals">
      {links.map((l, k) => (
        <Fragment key={l.label}>
          {k > 0 ? ' · ' : null}
          <button type="button" className="button button--link" onClick={() => dealActions.figureOpened(l.target)}>
            {l.label}
          </button>
        </Fragment>
      ))}
    </p>
  );
}
