import { useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import type { RuleSet } from '../../engine/scoring/rules';
import { formatDate, formatDecimal, formatPercent } from '../../lib/format';
import { usePredictiveModel } from '../../state/predictive';
import type { LeadPredictionViewModel } from '../../worker/api';
import { RulesSource } from '../../ui/rules-source';
import { ErrorState } from '../../ui/states';
import type { RulesSource as Source } from '../../state/rules-in-use';
import { explainQuery } from './queries';

/** Why one lead has its scores under the draft: matched fit rules and decayed points per activity type. */
interface Props {
  readonly version: number;
  readonly rules: RuleSet;
  readonly suggestion?: string;
  /** Which rules `rules` are: the draft, the applied ones or a link's. */
  readonly source: Source;
  readonly linkName?: string | null;
}

export const LeadExplanation = memo(function LeadExplanation({ version, rules, suggestion, source, linkName }: Props) {
  const [input, setInput] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const model = usePredictiveModel(version);
  const q = useQuery({ ...explainQuery(version, rules, leadId ?? '', model), enabled: leadId !== null });
  const e = q.data;
  return (
    <section className="card" aria-labelledby="explain-heading">
      <h2 id="explain-heading">Why does a lead score what it does?</h2>
      <RulesSource source={source} name={linkName} />
      <form
        className="rule-set-actions__row"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (input.trim()) setLeadId(input.trim());
        }}
      >
        <label className="stacked-field">
          Lead id
          <input
            value={input}
            onChange={(ev) => setInput(ev.target.value)}
            placeholder={suggestion ? `e.g. ${suggestion}` : 'lead id'}
          />
        </label>
        <button type="submit" className="button button--small" disabled={!input.trim()}>
          Explain
        </button>
      </form>
      {q.error ? <ErrorState title="The lead could not be explained" error={q.error} /> : null}
      {leadId !== null && q.isSuccess && e === null ? (
        <p role="status">No lead with id &quot;{leadId}&quot; in this dataset.</p>
      ) : null}
      {e ? (
        <div className="rules-grid">
          <table className="table" aria-label="Fit points of the lead">
            <caption>
              Fit {formatDecimal(e.fit.score)} (sum of points {formatDecimal(e.fit.sum)}, clamped to 0–100)
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule matched</th>
                <th scope="col">Value</th>
                <th scope="col" className="num">
                  Points
                </th>
              </tr>
            </thead>
            <tbody>
              {e.fit.rules.map((r) => (
                <tr key={r.ruleId}>
                  <td>{r.label}</td>
                  <td>
                    {r.op === 'always' ? (
                      <span className="muted">every lead</span>
                    ) : r.value === '' ? (
                      <span className="muted">no value</span>
                    ) : (
                      r.value
                    )}
                  </td>
                  <td className="num">{formatDecimal(r.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table" aria-label="Intent points of the lead">
            <caption>
              Intent {formatDecimal(e.intent.score)} as of {formatDate(e.intent.scoredAt)} (the lead&apos;s history
              cut-off)
            </caption>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col" className="num">
                  Decayed points
                </th>
                <th scope="col" className="num">
                  After cap
                </th>
              </tr>
            </thead>
            <tbody>
              {e.intent.types.map((t) => (
                <tr key={t.type}>
                  <td>{t.type.replaceAll('_', ' ')}</td>
                  <td className="num">{formatDecimal(t.count)}</td>
                  <td className="num">{formatDecimal(t.decayed)}</td>
                  <td className="num">{formatDecimal(t.counted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Prediction p={e.prediction} />
        </div>
      ) : null}
    </section>
  );
});

/** The lead's probability under the fitted model and the three factors that weigh most in it. */
function Prediction({ p }: { p: LeadPredictionViewModel | null }) {
  if (!p) {
    return (
      <p className="muted" data-testid="lead-probability">
        Probability: not measurable — needs a fit: run &quot;Fit suggested weights&quot; above.
      </p>
    );
  }
  return (
    <table className="table" aria-label="Probability of the lead">
      <caption data-testid="lead-probability">
        Probability of {p.outcome === 'won' ? 'winning' : 'reaching SQO'}: {formatPercent(p.probability)} (the fitted
        model, calibrated on the holdout by Platt scaling)
      </caption>
      <thead>
        <tr>
          <th scope="col">Top factor</th>
          <th scope="col">Pushes the probability</th>
          <th scope="col" className="num">
            Contribution (log-odds)
          </th>
        </tr>
      </thead>
      <tbody>
        {p.factors.map((f) => (
          <tr key={f.feature}>
            <td>{f.feature}</td>
            <td>{f.direction}</td>
            <td className="num">{formatDecimal(f.contribution)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
