import { memo, useState } from 'react';
import type { AttributeInfo } from '../../engine/scoring/attributes';
import { BOUNDS } from '../../engine/scoring/bounds';
import type { FitRule } from '../../engine/scoring/rules';
import { rulesActions } from '../../state/rules';

const OPS = [
  { op: 'equals', label: 'equals' },
  { op: 'in', label: 'is one of' },
  { op: 'range', label: 'is between' },
  { op: 'contains', label: 'contains' },
  { op: 'empty', label: 'is empty' },
  { op: 'always', label: 'every lead (base points)' },
] as const;

/** Text of a rule's match, for editing in one box: values comma-separated, range as "min–max"; none for empty and always. */
function matchText(r: FitRule): string {
  switch (r.op) {
    case 'in':
      return r.values.join(', ');
    case 'range':
      return `${r.min ?? ''}–${r.max ?? ''}`;
    case 'empty':
    case 'always':
      return '';
    default:
      return r.value;
  }
}

/** Bounds of a rule's points: base points (every lead) may move the whole scale. */
const pointsBound = (r: FitRule) => (r.op === 'always' ? BOUNDS.basePoints : BOUNDS.points);

/** Whether a match takes values to compare with. */
const takesValues = (op: FitRule['op']) => op !== 'empty' && op !== 'always';

function withMatch(r: FitRule, op: FitRule['op'], text: string): FitRule {
  const base = { id: r.id, label: r.label, attribute: r.attribute, points: r.points };
  if (op === 'empty' || op === 'always') return { ...base, op };
  if (op === 'in')
    return {
      ...base,
      op,
      values: text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (op === 'range') {
    const [lo, hi] = text.split(/[–-]/).map((s) => s.trim());
    const num = (s: string | undefined) => (s && Number.isFinite(Number(s)) ? Number(s) : undefined);
    const min = num(lo);
    const max = num(hi);
    return { ...base, op, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return { ...base, op, value: text };
}

/** The fit rules of the draft: attribute, match, points; add and remove. */
export const FitRulesEditor = memo(function FitRulesEditor({
  rules,
  attributes,
}: {
  rules: readonly FitRule[];
  attributes: readonly AttributeInfo[];
}) {
  const [counter, setCounter] = useState(1);
  const known = new Set(attributes.map((a) => a.ref));
  return (
    <section className="card" aria-labelledby="fit-rules-heading">
      <h2 id="fit-rules-heading">Fit rules</h2>
      <p className="muted">
        Fit = sum of the points of matched rules, clamped to 0–100. Text matches ignore case; a range includes its lower
        end and excludes its upper end; money is in whole currency units. &quot;Is empty&quot; matches a lead with no
        value for the attribute; &quot;every lead&quot; gives base points to all leads (from {BOUNDS.basePoints.min} to{' '}
        {BOUNDS.basePoints.max}), as a fitted model&apos;s intercept does. Custom columns of your files are listed with
        the attributes.
      </p>
      <div className="table-scroll">
        <table className="table" aria-label="Fit rules">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Attribute</th>
              <th scope="col">Match</th>
              <th scope="col">Value(s)</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>
                  <input
                    aria-label={`Name of rule ${r.label}`}
                    value={r.label}
                    onChange={(e) => rulesActions.fitRuleChanged(r.id, { label: e.target.value })}
                  />
                </td>
                <td>
                  {r.op === 'always' ? (
                    <span className="muted">any (every lead)</span>
                  ) : (
                    <select
                      aria-label={`Attribute of rule ${r.label}`}
                      value={r.attribute}
                      onChange={(e) => rulesActions.fitRuleChanged(r.id, { attribute: e.target.value })}
                    >
                      {known.has(r.attribute) ? null : (
                        <option value={r.attribute}>{r.attribute || '(none)'} (not in this dataset)</option>
                      )}
                      {attributes.map((a) => (
                        <option key={a.ref} value={a.ref}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <select
                    aria-label={`Match of rule ${r.label}`}
                    value={r.op}
                    onChange={(e) =>
                      rulesActions.fitRuleChanged(r.id, withMatch(r, e.target.value as FitRule['op'], matchText(r)))
                    }
                  >
                    {OPS.map((o) => (
                      <option key={o.op} value={o.op}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {takesValues(r.op) ? (
                    <input
                      aria-label={`Values of rule ${r.label}`}
                      value={matchText(r)}
                      onChange={(e) => rulesActions.fitRuleChanged(r.id, withMatch(r, r.op, e.target.value))}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">
                  <input
                    type="number"
                    aria-label={`Points of rule ${r.label}`}
                    min={pointsBound(r).min}
                    max={pointsBound(r).max}
                    step={pointsBound(r).step}
                    value={r.points}
                    onChange={(e) =>
                      Number.isFinite(e.target.valueAsNumber) &&
                      rulesActions.fitRuleChanged(r.id, { points: e.target.valueAsNumber })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => rulesActions.fitRuleRemoved(r.id)}
                    aria-label={`Remove rule ${r.label}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setCounter((c) => c + 1);
          rulesActions.fitRuleAdded({
            id: `rule-${Date.now()}-${counter}`,
            label: `New rule ${counter}`,
            attribute: attributes[0]?.ref ?? 'lead.persona',
            op: 'equals',
            value: '',
            points: 5,
          });
        }}
      >
        Add a fit rule
      </button>
    </section>
  );
});
