import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../../engine/model/stages';
import type { HygieneRules } from '../../engine/hygiene/rules';
import { hygieneActions } from './rules-state';

const FRAMEWORKS: Record<string, readonly QualificationCriterion[]> = {
  BANT: ['budget', 'authority', 'need', 'timeline'],
  MEDDPICC: [
    'metrics',
    'economicBuyer',
    'decisionCriteria',
    'decisionProcess',
    'paperProcess',
    'pain',
    'champion',
    'competition',
  ],
};

/** The detectors' editable rules. Changes land in the URL; the figures recompute at once. */
export function RuleEditor({ rules }: { rules: HygieneRules }) {
  const required = new Set(rules.fastTrack.requiredCriteria);
  const setCriteria = (next: readonly string[]) =>
    hygieneActions.ruleChanged('ft.criteria', next.length ? next.join(',') : ',', 'push');
  return (
    <details className="card hy-rules">
      <summary>Edit the detectors&apos; rules</summary>
      <div className="hy-rules__grid">
        <fieldset>
          <legend>Fast-track</legend>
          <label>
            Flag an SQO less than (hours) after SQL
            <input
              type="number"
              min={0}
              value={rules.fastTrack.maxHoursSqlToSqo}
              onChange={(e) => hygieneActions.ruleChanged('ft.hours', e.target.value)}
            />
          </label>
          <label className="hy-check">
            <input
              type="checkbox"
              checked={rules.fastTrack.flagMissingSql}
              onChange={(e) => hygieneActions.ruleChanged('ft.nosql', e.target.checked ? '1' : '0', 'push')}
            />{' '}
            Flag SQOs with no SQL entry
          </label>
          <div className="hy-rules__presets">
            Required criteria:{' '}
            {Object.entries(FRAMEWORKS).map(([name, list]) => (
              <button key={name} type="button" className="button button--link" onClick={() => setCriteria(list)}>
                {name}
              </button>
            ))}
            <button type="button" className="button button--link" onClick={() => setCriteria([])}>
              none
            </button>
          </div>
          <div className="hy-rules__criteria" role="group" aria-label="Required criteria">
            {QUALIFICATION_CRITERIA.map((c) => (
              <label key={c} className="hy-check">
                <input
                  type="checkbox"
                  checked={required.has(c)}
                  onChange={(e) =>
                    setCriteria(QUALIFICATION_CRITERIA.filter((x) => (x === c ? e.target.checked : required.has(x))))
                  }
                />{' '}
                {c}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Pass-through</legend>
          <label>
            Sourcing claim checked
            <select
              value={rules.passThrough.claimedBy}
              onChange={(e) => hygieneActions.ruleChanged('pt.by', e.target.value, 'push')}
            >
              {['ae', 'sdr', 'marketing', 'partner'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            First-touch channels that justify it (comma-separated)
            <input
              type="text"
              value={rules.passThrough.ownChannels.join(',')}
              onChange={(e) => hygieneActions.ruleChanged('pt.own', e.target.value)}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Re-stage</legend>
          <label>
            Backward move to
            <select
              value={rules.restage.backTo}
              onChange={(e) => hygieneActions.ruleChanged('rs.to', e.target.value, 'push')}
            >
              {['sqo', 'discovery', 'proposal'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Marketing-sourced tagging</legend>
          <label>
            First-touch window before SQO (days)
            <input
              type="number"
              min={0}
              value={rules.marketing.windowDays}
              onChange={(e) => hygieneActions.ruleChanged('mk.days', e.target.value)}
            />
          </label>
          <label>
            Channels that are not marketing (comma-separated)
            <input
              type="text"
              value={rules.marketing.nonMarketingChannels.join(',')}
              onChange={(e) => hygieneActions.ruleChanged('mk.non', e.target.value)}
            />
          </label>
        </fieldset>
      </div>
      <button type="button" className="button button--small" onClick={() => hygieneActions.rulesReset()}>
        Reset to defaults
      </button>
    </details>
  );
}
