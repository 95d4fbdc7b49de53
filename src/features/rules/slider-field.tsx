import { useId, type PointerEvent } from 'react';
import type { Bound } from '../../engine/scoring/bounds';
import { flushSearch, holdSearch } from '../../state/url';

// A context menu swallows the pointerup on some platforms: it ends a press too.
const RELEASE_EVENTS = ['pointerup', 'pointercancel', 'contextmenu'] as const;

/** A press of the primary button holds live URL values until the pointer is released anywhere (or the window loses focus). */
function pressed(e: PointerEvent): void {
  if (!e.isPrimary || e.button !== 0) return;
  holdSearch();
  const released = () => {
    for (const t of RELEASE_EVENTS) window.removeEventListener(t, released, true);
    window.removeEventListener('blur', released);
    flushSearch();
  };
  for (const t of RELEASE_EVENTS) window.addEventListener(t, released, true);
  window.addEventListener('blur', released);
}

/**
 * A slider with a number box beside it; both read and write the same value within `bound`. A value
 * kept in the URL follows a drag as a live update and is written to the history once, on release
 * (or once it settles, for keys and typed numbers).
 */
export function SliderField({
  label,
  bound,
  value,
  onChange,
  unit,
}: {
  label: string;
  bound: Bound;
  value: number;
  onChange: (v: number) => void;
  unit?: string;
}) {
  const id = useId();
  const change = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(v)) onChange(v);
  };
  return (
    <div className="slider-field">
      <label htmlFor={id} className="slider-field__label">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={bound.min}
        max={bound.max}
        step={bound.step}
        value={value}
        onChange={(e) => change(e.target.value)}
        onPointerDown={pressed}
        onKeyUp={flushSearch}
        onBlur={flushSearch}
      />
      <input
        type="number"
        className="slider-field__number"
        aria-label={`${label} value`}
        min={bound.min}
        max={bound.max}
        step={bound.step}
        value={value}
        onChange={(e) => change(e.target.value)}
      />
      {unit ? <span className="muted">{unit}</span> : null}
    </div>
  );
}
