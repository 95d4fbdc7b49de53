import { useId } from 'react';
import type { Bound } from '../../engine/scoring/bounds';
import { sliderPressed } from '../../state/slider-drag';
import { flushSearch } from '../../state/url';

/**
 * A slider with a number box beside it; both read and write the same value within `bound`. A value
 * kept in the URL follows a drag as a live update and is written to the history on release.
 */
export function SliderField({ label, bound, value, onChange, unit }: { label: string; bound: Bound; value: number; onChange: (v: number) => void; unit?: string }) {
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
      <input id={id} type="range" min={bound.min} max={bound.max} step={bound.step} value={value} onChange={(e) => change(e.target.value)} onPointerDown={sliderPressed} onKeyUp={flushSearch} onBlur={flushSearch} />
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
