import { useEffect, useState } from 'react';
import { RULES_PARAM, sameRules } from '../state/rule-link';
import { ruleLinkActions } from '../state/rules-in-use';
import { useAppliedRules, useRulesInUse } from '../state/rules';
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import { useSearchSlice } from '../state/url';

const KEYS: readonly string[] = [RULES_PARAM];

/**
 * Shown when a link carries rules that differ from this browser's: "This link uses rules: <name or
 * custom>", with Keep / Save as rule set / Use mine. Also keeps the URL carrying the applied rules
 * (when they are not the defaults), so a copied link reproduces the figures.
 */
export function RulesLinkBanner() {
  const inUse = useRulesInUse();
  const applied = useAppliedRules();
  const hasParam = useSearchSlice(KEYS).has(RULES_PARAM);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  useEffect(() => {
    if (!hasParam && !sameRules(applied, DEFAULT_RULE_SET)) ruleLinkActions.linkSynced(applied);
  }, [hasParam, applied]);

  if (inUse.notice) {
    return (
      <div className="state rules-link-banner" role="alert">
        <p className="state__message">{inUse.notice}</p>
        <button type="button" className="button button--small" onClick={() => ruleLinkActions.mineUsed(applied)}>
          Dismiss
        </button>
      </div>
    );
  }
  if (inUse.source !== 'linked') return null;
  const label = inUse.name ?? 'custom';
  return (
    <section className="state rules-link-banner" aria-label="Rules of this link" role="region">
      <p className="state__message" data-testid="rules-link-banner">
        This link uses rules: <strong>{label}</strong> — the figures are scored with them, not with your applied rules.
      </p>
      <div className="rules-link-banner__actions">
        <button type="button" className="button button--small" onClick={() => ruleLinkActions.linkedKept(inUse.rules)}>
          Keep
        </button>
        {naming ? (
          <form
            className="rules-link-banner__save"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) ruleLinkActions.linkedSaved(inUse.rules, name);
              setNaming(false);
            }}
          >
            <label>
              Name <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </label>
            <button type="submit" className="button button--small" disabled={!name.trim()}>
              Save
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setName(inUse.name ?? 'Rules from a link');
              setNaming(true);
            }}
          >
            Save as rule set
          </button>
        )}
        <button type="button" className="button button--small" onClick={() => ruleLinkActions.mineUsed(applied)}>
          Use mine
        </button>
      </div>
    </section>
  );
}
