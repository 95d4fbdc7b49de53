import type { FunnelViewModel } from '../../worker/api';
import { funnelActions, MIN_SAMPLE_BOUNDS, WINDOWS, type FunnelParams } from './funnel-params';
import { dimensionLabel, poorGroupText } from './dimension-label';

interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

function Toggle<T extends string>({
  legend,
  value,
  choices,
  onChange,
}: {
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="toggle">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className={value === c.value ? 'toggle__option toggle__option--on' : 'toggle__option'}>
          <input
            type="radio"
            name={legend}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Counting mode, conversion basis and window, breakdown, measure and sample threshold: all kept in the URL. */
export function FunnelControls({
  params,
  dimensions,
}: {
  params: FunnelParams;
  dimensions: FunnelViewModel['dimensions'];
}) {
  return (
    <form className="funnel-controls" aria-label="Funnel options" onSubmit={(e) => e.preventDefault()}>
      <Toggle
        legend="Stage counting"
        value={params.mode}
        choices={[
          { value: 'inclusive', label: 'Inclusive' },
          { value: 'strict', label: 'Strict' },
        ]}
        onChange={(mode) => funnelActions.optionChanged({ mode })}
      />
      <Toggle
        legend="Conversion"
        value={params.basis}
        choices={[
          { value: 'cohort', label: 'Cohort' },
          { value: 'period', label: 'Period' },
        ]}
        onChange={(basis) => funnelActions.optionChanged({ basis })}
      />
      <label className="funnel-controls__field">
        <span>Window</span>
        <select
          value={params.window ?? ''}
          disabled={params.basis === 'period'}
          onChange={(e) => funnelActions.optionChanged({ window: e.target.value ? Number(e.target.value) : null })}
        >
          {WINDOWS.map((w) => (
            <option key={w ?? 'none'} value={w ?? ''}>
              {w === null ? 'Any time' : `Within ${w} days`}
            </option>
          ))}
        </select>
      </label>
      <label className="funnel-controls__field">
        <span>Breakdown</span>
        <select value={params.by} onChange={(e) => funnelActions.optionChanged({ by: e.target.value })}>
          {dimensions
            .filter((d) => d.more === undefined)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {dimensionLabel(d.id)}
              </option>
            ))}
          {dimensions.some((d) => d.more !== undefined) ? (
            <optgroup label="More columns (poor groups: ids, links, dates, too many or too few values)">
              {dimensions
                .filter((d) => d.more !== undefined)
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {`${dimensionLabel(d.id)} — ${poorGroupText(d.more!)}`}
                  </option>
                ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <Toggle
        legend="Funnel by"
        value={params.measure}
        choices={[
          { value: 'count', label: 'Leads' },
          { value: 'amount', label: 'Pipeline amount' },
        ]}
        onChange={(measure) => funnelActions.optionChanged({ measure })}
      />
      <label className="funnel-controls__field">
        <span>Small sample below (n)</span>
        <input
          type="number"
          className="funnel-controls__number"
          min={MIN_SAMPLE_BOUNDS.min}
          max={MIN_SAMPLE_BOUNDS.max}
          step={1}
          value={params.minSample}
          aria-describedby="funnel-min-sample-help"
          onChange={(e) => {
            const v = e.target.valueAsNumber;
            if (Number.isInteger(v) && v >= MIN_SAMPLE_BOUNDS.min && v <= MIN_SAMPLE_BOUNDS.max)
              funnelActions.optionChanged({ minSample: v });
          }}
        />
      </label>
      <span id="funnel-min-sample-help" className="visually-hidden">
        Rates over fewer leads or deals are drawn hatched and faded, labelled with their n.
      </span>
    </form>
  );
}
