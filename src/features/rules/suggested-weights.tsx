import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useState } from 'react';
import type { Filters } from '../../engine/filters/filters';
import type { AttributeInfo } from '../../engine/scoring/attributes';
import { DEFAULT_EXCLUDED } from '../../engine/scoring/features';
import type { RuleSet } from '../../engine/scoring/rules';
import type { SuggestOutcome } from '../../engine/scoring/suggest';
import { predictiveActions } from '../../state/predictive';
import { ErrorState, Loading } from '../../ui/states';
import { suggestQuery, type SuggestRequest } from './queries';
import { SuggestResultView } from './suggest-result';

/** Fits suggested weights on request and offers them as a draft. */
export const SuggestedWeights = memo(function SuggestedWeights({
  version,
  filters,
  rules,
  attributes,
}: {
  version: number;
  filters: Filters;
  rules: RuleSet;
  attributes: readonly AttributeInfo[];
}) {
  const [outcome, setOutcome] = useState<SuggestOutcome>('sqo');
  const [exclude, setExclude] = useState<readonly string[]>(DEFAULT_EXCLUDED);
  const [seed, setSeed] = useState(1);
  const [request, setRequest] = useState<SuggestRequest | null>(null);
  const q = useQuery({
    ...suggestQuery(version, request ?? { filters, rules, outcome, exclude, seed }),
    enabled: request !== null,
  });
  const s = q.data;
  useEffect(() => {
    if (s?.status === 'fitted') predictiveActions.modelFitted(s.predictive, version);
  }, [s, version]);
  const toggle = (ref: string, on: boolean) => setExclude((xs) => (on ? [...xs, ref] : xs.filter((x) => x !== ref)));

  return (
    <section className="card" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">Suggested weights</h2>
      <p className="muted">
        An L2-regularised logistic regression of the outcome on decayed activity counts and lead and account attributes
        (custom columns included), fitted in your browser on 70% of the matured leads and judged on the other 30% (a
        seeded split), and cross-validated over 5 seeded folds of the matured leads, which choose its L2 penalty and
        give the AUC&apos;s range. Leave out columns that are filled in after sales contact: they leak the outcome. With
        fewer than 20 leads of either outcome in training or holdout there is no fit, and the reason is shown.
      </p>
      <form
        className="suggest-form"
        onSubmit={(e) => {
          e.preventDefault();
          setRequest({ filters, rules, outcome, exclude, seed });
        }}
      >
        <label className="stacked-field">
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as SuggestOutcome)}>
            <option value="sqo">Reached SQO</option>
            <option value="won">Won</option>
          </select>
        </label>
        <label className="stacked-field">
          Split seed
          <input
            type="number"
            value={seed}
            step={1}
            onChange={(e) => Number.isInteger(e.target.valueAsNumber) && setSeed(e.target.valueAsNumber)}
          />
        </label>
        <details className="multi-select">
          <summary>
            <span className="multi-select__label">Columns left out:</span> {exclude.length}
          </summary>
          <div className="multi-select__panel">
            {attributes.map((a) => (
              <label key={a.ref} className="multi-select__option">
                <input
                  type="checkbox"
                  checked={exclude.includes(a.ref)}
                  onChange={(e) => toggle(a.ref, e.target.checked)}
                />
                {a.label}
              </label>
            ))}
            <label className="multi-select__option">
              <input
                type="checkbox"
                checked={exclude.includes('activities')}
                onChange={(e) => toggle('activities', e.target.checked)}
              />
              All activity counts
            </label>
          </div>
        </details>
        <button type="submit" className="button">
          Fit suggested weights
        </button>
      </form>
      {q.isFetching ? <Loading label="Fitting on your history…" /> : null}
      {q.error ? <ErrorState title="The fit failed" error={q.error} /> : null}
      {s ? <SuggestResultView s={s} /> : null}
    </section>
  );
});
