import { memo } from 'react';
import { BOUNDS } from '../../engine/scoring/bounds';
import type { MqlMode, RuleSet } from '../../engine/scoring/rules';
import { thresholdOf, type ThresholdName } from '../../state/rule-set-url';
import { rulesActions } from '../../state/rules';
import { SliderField } from './slider-field';

/** Each threshold's slider: its label and unit. */
const THRESHOLD_FIELDS: Readonly<Record<ThresholdName, { readonly label: string; readonly unit: string }>> = {
  mqlMinFit: { label: 'MQL minimum fit', unit: 'points' },
  mqlMinIntent: { label: 'MQL minimum intent', unit: 'points' },
  mqlMinCombined: { label: 'MQL minimum combined score', unit: 'points' },
  intentHigh: { label: 'High intent from', unit: 'points' },
  intentMid: { label: 'Mid intent from', unit: 'points' },
  icpTier1: { label: 'ICP Tier 1 from', unit: 'fit points' },
  icpTier2: { label: 'ICP Tier 2 from', unit: 'fit points' },
};

/** The MQL rules to choose from, in the order shown, and the thresholds each one uses. */
const MQL_MODES: Readonly<Record<MqlMode, { readonly label: string; readonly thresholds: readonly ThresholdName[] }>> =
  {
    'two-score': {
      label: 'Two scores: fit and intent each above a minimum',
      thresholds: ['mqlMinFit', 'mqlMinIntent'],
    },
    'single-score': { label: 'Single combined score', thresholds: ['mqlMinCombined'] },
  };
const TIER_THRESHOLDS: readonly ThresholdName[] = ['intentHigh', 'intentMid', 'icpTier1', 'icpTier2'];

function ThresholdSlider({ rules, name }: { rules: RuleSet; name: ThresholdName }) {
  const { label, unit } = THRESHOLD_FIELDS[name];
  return (
    <SliderField
      label={label}
      bound={BOUNDS.threshold}
      value={thresholdOf(rules, name)}
      onChange={(v) => rulesActions.thresholdChanged(name, v)}
      unit={unit}
    />
  );
}

/** MQL rule, intent tiers and ICP tiers. Moving a slider updates the URL and the what-if at once. */
export const ThresholdControls = memo(function ThresholdControls({ rules }: { rules: RuleSet }) {
  const mode = rules.qualification.mqlMode;
  return (
    <section className="card" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Thresholds</h2>
      <p className="muted">Thresholds take effect as you move them and are kept in the page link.</p>
      <fieldset className="rules-fieldset">
        <legend>MQL rule</legend>
        {(Object.keys(MQL_MODES) as MqlMode[]).map((m) => (
          <label key={m} className="inline-choice">
            <input type="radio" name="mql-mode" checked={mode === m} onChange={() => rulesActions.mqlModeChosen(m)} />
            {MQL_MODES[m].label}
          </label>
        ))}
        {MQL_MODES[mode].thresholds.map((name) => (
          <ThresholdSlider key={name} rules={rules} name={name} />
        ))}
      </fieldset>
      <fieldset className="rules-fieldset">
        <legend>Tiers</legend>
        {TIER_THRESHOLDS.map((name) => (
          <ThresholdSlider key={name} rules={rules} name={name} />
        ))}
      </fieldset>
    </section>
  );
});
