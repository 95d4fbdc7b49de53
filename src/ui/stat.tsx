import { useId } from 'react';

/**
 * A headline figure with its label, an optional note (e.g. change against last quarter) and an
 * optional definition. The definition is reachable by keyboard (the figure takes focus) and by
 * screen readers (it describes the figure), and shows on hover or focus.
 */
export function Stat({ label, value, note, help }: { label: string; value: string; note?: string; help?: string }) {
  const id = useId();
  return (
    <div
      className={help ? 'stat stat--help' : 'stat'}
      tabIndex={help ? 0 : undefined}
      aria-describedby={help ? id : undefined}
    >
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      {note ? <div className="stat__note">{note}</div> : null}
      {help ? (
        <div id={id} role="tooltip" className="stat__help">
          {help}
        </div>
      ) : null}
    </div>
  );
}
