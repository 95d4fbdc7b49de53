import { memo, useState } from 'react';
import type { RuleSet } from '../../engine/scoring/rules';
import { downloadBlob } from '../../lib/csv-export';
import { formatDate } from '../../lib/format';
import { rulesActions, useSavedRuleSets } from '../../state/rules';

/**
 * Apply, reset, save and load named rule sets (a saved set keeps the Forecast view's stage → forecast
 * category map too), and export the draft (with the thresholds in effect) as JSON.
 */
export const RuleSetActions = memo(function RuleSetActions({ draft }: { draft: RuleSet }) {
  const saved = useSavedRuleSets();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const selected = saved.find((s) => s.name === chosen) ?? saved[0];

  return (
    <section className="card rule-set-actions" aria-labelledby="rule-set-heading">
      <h2 id="rule-set-heading">Rule sets</h2>
      <div className="rule-set-actions__row">
        <button
          type="button"
          className="button"
          onClick={() => {
            rulesActions.draftApplied();
            setMessage('The draft is now the applied rule set.');
          }}
        >
          Apply draft
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            rulesActions.draftReset();
            setMessage('Draft and thresholds reset to the defaults (not applied yet).');
          }}
        >
          Reset to defaults
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            downloadBlob(
              new Blob([JSON.stringify(draft, null, 2)], { type: 'application/json' }),
              'revlens-rule-set.json',
            )
          }
        >
          Export draft as JSON
        </button>
      </div>
      <form
        className="rule-set-actions__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          rulesActions.ruleSetSaved(name);
          setChosen(name.trim());
          setMessage(`Saved "${name.trim()}".`);
          setName('');
        }}
      >
        <label className="stacked-field">
          Rule set name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Q3 stricter MQL" />
        </label>
        <button type="submit" className="button button--small" disabled={!name.trim()}>
          Save draft as…
        </button>
      </form>
      {saved.length > 0 ? (
        <div className="rule-set-actions__row">
          <label className="stacked-field">
            Saved rule sets
            <select value={selected?.name ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {saved.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name} — saved {formatDate(s.savedAt)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              if (!selected) return;
              rulesActions.savedSetLoaded(selected);
              const edits = Object.keys(selected.stageCategories).length;
              setMessage(
                `Loaded "${selected.name}" as the draft, with ${edits > 0 ? 'its' : 'the default'} stage → forecast category map.`,
              );
            }}
          >
            Load as draft
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              if (!selected) return;
              rulesActions.ruleSetDeleted(selected.name);
              setMessage(`Deleted "${selected.name}".`);
            }}
          >
            Delete
          </button>
        </div>
      ) : (
        <p className="muted">No saved rule sets yet: name the draft and save it to compare later.</p>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
});
