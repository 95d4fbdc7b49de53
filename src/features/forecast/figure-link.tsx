import type { ReactNode } from 'react';
import type { DealTarget } from '../../worker/api';
import { dealActions } from './deal-settings';

/** A figure in a table that opens the list of its deals; `label` names the figure and says so. */
export function FigureLink({ target, label, children }: { target: DealTarget; label: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="fc-link"
      aria-label={`${label} — list its deals`}
      onClick={() => dealActions.figureOpened(target)}
    >
      {children}
    </button>
  );
}
