/**
 * Which rule set scores: the one a link carries (`rules` parameter) when it differs from the
 * browser's applied rule set, else the applied one. A link's rules are used, not adopted: they
 * become the applied rules only when the user keeps or saves them.
 */
import { useMemo } from 'react';
import type { RuleSet } from '../engine/scoring/rules';
import { RULES_PARAM, decodeRuleLink, sameRules, writeRuleLink } from './rule-link';
import { rulesActions, useAppliedRules } from './rules';
import { updateSearch, useSearchSlice } from './url';

/** Where the rules that score come from: applied in this browser, the draft being edited, or a link. */
export type RulesSource = 'applied' | 'draft' | 'linked';

export interface RulesInUse {
  readonly rules: RuleSet;
  readonly source: 'applied' | 'linked';
  /** The name the link's rules were saved under, if any. */
  readonly name: string | null;
  /** Why a link's rules were refused (tampered, damaged, another version), for the user. */
  readonly notice: string | null;
}

const RULE_KEYS: readonly string[] = [RULES_PARAM];

/** The rules that score, and where they come from. */
export function resolveRulesInUse(param: string | null, applied: RuleSet): RulesInUse {
  if (param === null) return { rules: applied, source: 'applied', name: null, notice: null };
  const r = decodeRuleLink(param);
  if (!r.ok) return { rules: applied, source: 'applied', name: null, notice: r.notice };
  if (sameRules(r.linked.rules, applied)) return { rules: applied, source: 'applied', name: r.linked.name, notice: null };
  return { rules: r.linked.rules, source: 'linked', name: r.linked.name, notice: null };
}

/** The rules that score; the same object until the link's rules or the applied rules change. */
export function useRulesInUse(): RulesInUse {
  const applied = useAppliedRules();
  const param = useSearchSlice(RULE_KEYS).get(RULES_PARAM);
  return useMemo(() => resolveRulesInUse(param, applied), [param, applied]);
}

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
