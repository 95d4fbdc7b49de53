import { memo } from 'react';
import { BOUNDS } from '../../engine/scoring/bounds';
import type { RuleSet } from '../../engine/scoring/rules';
import { rulesActions } from '../../state/rules';
import { SliderField } from './slider-field';

/** MQL rule, intent tiers and ICP tiers. Moving a slider updates the URL and the what-if at once. */
export const ThresholdControls = memo(function ThresholdControls({ rules }: { rules: RuleSet }) {
  const change = rulesActions.thresholdChanged;
  const q = rules.qualification;
  const t = rules.tiers;
  return (
    <section className="card" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Thresholds</h2>
      <p className="muted">Thresholds take effect as you move them and are kept in the page link.</p>
      <fieldset className="rules-fieldset">
        <legend>MQL rule</legend>
        <label className="inline-choice">
          <input
            type="radio"
            name="mql-mode"
            checked={q.mqlMode === 'two-score'}
            onChange={() => rulesActions.mqlModeChosen('two-score')}
          />
          Two scores: fit and intent each above a minimum
        </label>
        <label className="inline-choice">
          <input
            type="radio"
            name="mql-mode"
            checked={q.mqlMode === 'single-score'}
            onChange={() => rulesActions.mqlModeChosen('single-score')}
          />
          Single combined score
        </label>
        {q.mqlMode === 'two-score' ? (
          <>
            <SliderField
              label="MQL minimum fit"
              bound={BOUNDS.threshold}
              value={q.mqlMinFit}
              onChange={(v) => change('mqlMinFit', v)}
              unit="points"
            />
            <SliderField
              label="MQL minimum intent"
              bound={BOUNDS.threshold}
              value={q.mqlMinIntent}
              onChange={(v) => change('mqlMinIntent', v)}
              unit="points"
            />
          </>
        ) : (
          <SliderField
            label="MQL minimum combined score"
            bound={BOUNDS.threshold}
            value={q.mqlMinCombined}
            onChange={(v) => change('mqlMinCombined', v)}
            unit="points"
          />
        )}
      </fieldset>
      <fieldset className="rules-fieldset">
        <legend>Tiers</legend>
        <SliderField
          label="High intent from"
          bound={BOUNDS.threshold}
          value={t.intentHigh}
          onChange={(v) => change('intentHigh', v)}
          unit="points"
        />
        <SliderField
          label="Mid intent from"
          bound={BOUNDS.threshold}
          value={t.intentMid}
          onChange={(v) => change('intentMid', v)}
          unit="points"
        />
        <SliderField
          label="ICP Tier 1 from"
          bound={BOUNDS.threshold}
          value={t.icpTier1}
          onChange={(v) => change('icpTier1', v)}
          unit="fit points"
        />
        <SliderField
          label="ICP Tier 2 from"
          bound={BOUNDS.threshold}
          value={t.icpTier2}
          onChange={(v) => change('icpTier2', v)}
          unit="fit points"
        />
      </fieldset>
    </section>
  );
});
