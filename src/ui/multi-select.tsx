import { useId } from 'react';

export interface MultiSelectProps {
  readonly label: string;
  readonly options: readonly string[];
  readonly selected: readonly string[];
  readonly onChange: (next: string[]) => void;
}

/** A compact checkbox list in a disclosure: keyboard-accessible, no custom focus handling needed. */
export function MultiSelect({ label, options, selected, onChange }: MultiSelectProps) {
  const id = useId();
  const chosen = new Set(selected);
  const summary = selected.length === 0 ? 'All' : selected.length === 1 ? selected[0] : `${selected.length} selected`;
  const toggle = (value: string) =>
    onChange(chosen.has(value) ? selected.filter((s) => s !== value) : [...selected, value]);
  return (
    <details className="multi-select">
      <summary aria-label={`${label}: ${summary}`}>
        <span className="multi-select__label">{label}</span> <span className="multi-select__value">{summary}</span>
      </summary>
      <fieldset className="multi-select__panel">
        <legend className="visually-hidden">{label}</legend>
        {options.length === 0 ? <p className="muted">No values in this dataset.</p> : null}
        {options.map((o, i) => (
          <label key={o} className="multi-select__option" htmlFor={`${id}-${i}`}>
            <input id={`${id}-${i}`} type="checkbox" checked={chosen.has(o)} onChange={() => toggle(o)} />
            {o}
          </label>
        ))}
        {selected.length > 0 ? (
          <button type="button" className="button button--link" onClick={() => onChange([])}>
            Clear {label.toLowerCase()}
          </button>
        ) : null}
      </fieldset>
    </details>
  );
}
