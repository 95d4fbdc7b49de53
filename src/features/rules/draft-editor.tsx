import { memo } from 'react';
import { QUALIFICATION_CRITERIA } from '../../engine/model/stages';
import { BOUNDS } from '../../engine/scoring/bounds';
import { FRAMEWORK_CRITERIA } from '../../engine/scoring/frameworks';
import { CRITERION_LABELS } from '../../lib/criterion-labels';
import { FRAMEWORKS, type Framework, type RuleSet } from '../../engine/scoring/rules';
import { rulesActions } from '../../state/rules';
import { SliderField } from './slider-field';

/** Decay, activity points and caps, combined-score weight, SQL activity, framework and criteria. */
export const DraftEditor = memo(function DraftEditor({
  draft,
  activityTypes,
}: {
  draft: RuleSet;
  activityTypes: readonly string[];
}) {
  const q = draft.qualification;
  const byType = new Map(draft.activities.map((a) => [a.type, a]));
  return (
    <section className="card" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft weights and qualification</h2>
      <p className="muted">These edits change the Draft column of the what-if; Apply makes them the rules in use.</p>
      <div className="rules-grid">
        <fieldset className="rules-fieldset">
          <legend>Intent scoring</legend>
          <SliderField
            label="Decay half-life"
            bound={BOUNDS.halfLifeDays}
            value={draft.halfLifeDays}
            onChange={rulesActions.halfLifeChanged}
            unit="days"
          />
          <SliderField
            label="Weight of fit in the combined score"
            bound={BOUNDS.fitWeight}
            value={q.fitWeight}
            onChange={rulesActions.fitWeightChanged}
          />
          <div className="table-scroll">
            <table className="table" aria-label="Activity points">
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  <th scope="col" className="num">
                    Points each
                  </th>
                  <th scope="col" className="num">
                    Cap
                  </th>
                </tr>
              </thead>
              <tbody>
                {activityTypes.map((type) => {
                  const a = byType.get(type);
                  return (
                    <tr key={type}>
                      <th scope="row">{type.replaceAll('_', ' ')}</th>
                      <td className="num">
                        <input
                          type="number"
                          aria-label={`Points for ${type.replaceAll('_', ' ')}`}
                          min={BOUNDS.points.min}
                          max={BOUNDS.points.max}
                          step={BOUNDS.points.step}
                          value={a?.points ?? 0}
                          onChange={(e) =>
                            Number.isFinite(e.target.valueAsNumber) &&
                            rulesActions.activityChanged(type, { points: e.target.valueAsNumber })
                          }
                        />
                      </td>
                      <td className="num">
                        <input
                          type="number"
                          aria-label={`Cap for ${type.replaceAll('_', ' ')}`}
                          min={BOUNDS.cap.min}
                          max={BOUNDS.cap.max}
                          step={BOUNDS.cap.step}
                          value={a?.cap ?? 0}
                          onChange={(e) =>
                            Number.isFinite(e.target.valueAsNumber) &&
                            rulesActions.activityChanged(type, { cap: e.target.valueAsNumber })
                          }
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
        <fieldset className="rules-fieldset">
          <legend>SQL and SQO rules</legend>
          <label className="stacked-field">
            SQL needs an activity of type
            <select value={q.sqlActivity} onChange={(e) => rulesActions.sqlActivityChosen(e.target.value)}>
              {activityTypes.map((t) => (
                <option key={t} value={t}>
                  {t.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          <label className="stacked-field">
            Qualification framework
            <select value={q.framework} onChange={(e) => rulesActions.frameworkChosen(e.target.value as Framework)}>
              {FRAMEWORKS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="criteria">
            <legend>Required for SQO</legend>
            {QUALIFICATION_CRITERIA.map((c) => (
              <label key={c} className="inline-choice">
                <input
                  type="checkbox"
                  checked={q.requiredCriteria.includes(c)}
                  onChange={(e) => rulesActions.criterionToggled(c, e.target.checked)}
                />
                {CRITERION_LABELS[c]}
                {FRAMEWORK_CRITERIA[q.framework].includes(c) ? <span className="muted"> ({q.framework})</span> : null}
              </label>
            ))}
          </fieldset>
        </fieldset>
      </div>
    </section>
  );
});
