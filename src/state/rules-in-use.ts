/**
 * A link's rules are used, not adopted: they become the applied rules only when the user keeps or
 * saves them. Which rules are in use is read with the other rule sets (`useRuleSets` in ./rules.ts).
 */
import type { RuleSet } from '../engine/scoring/rules';
import { sameRules, writeRuleLink } from './rule-link';
import type { RulesInUse } from './rule-set-url';
import { rulesActions } from './rules';
import { updateSearch } from './url';

export type { RulesInUse } from './rule-set-url';

/** Where the rules that score come from: applied in this browser, the draft being edited, or a link. */
export type RulesSource = 'applied' | 'draft' | 'linked';

/** The source of the rules a part of the Rules view scores with: the draft unless it is the rules in use. */
export function draftSource(draft: RuleSet, inUse: RulesInUse): RulesSource {
  return sameRules(draft, inUse.rules) ? inUse.source : 'draft';
}

export const ruleLinkActions = {
  /** "Keep": the link's rules become this browser's applied rules. */
  linkedKept: (linked: RuleSet) => rulesActions.rulesAdopted(linked),
  /** "Save as rule set": stored under a name, and applied. */
  linkedSaved: (linked: RuleSet, name: string) => {
    rulesActions.rulesAdopted(linked, name);
    updateSearch((p) => writeRuleLink(p, linked, name.trim()), 'replace');
  },
  /** "Use mine": the link is rewritten with this browser's applied rules. */
  mineUsed: (applied: RuleSet) => updateSearch((p) => writeRuleLink(p, applied)),
  /** Puts the applied rules in the URL when it carries none, so a copied link reproduces them. */
  linkSynced: (applied: RuleSet) => updateSearch((p) => writeRuleLink(p, applied), 'replace'),
};
