/**
 * The rule sets: the draft being edited, the applied one and the saved ones (persisted by
 * ./rule-storage.ts) in a store; the rules a link carries and the thresholds in effect in the URL
 * (./rule-set-url.ts), so a link reproduces them. `useRuleSets` gives all of them as one object;
 * `rulesActions` changes them, each action named for the event, clamping what the user typed.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { QualificationCriterion } from '../engine/model/stages';
import { BOUNDS, clampTo } from '../engine/scoring/bounds';
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import { FRAMEWORK_CRITERIA } from '../engine/scoring/frameworks';
import type { ActivityRule, FitRule, Framework, MqlMode, RuleSet } from '../engine/scoring/rules';
import { clampRuleSet } from '../engine/scoring/validate';
import { thresholdFreeKey } from '../engine/scoring/what-if-prepare';
import { RULES_PARAM, writeRuleLink } from './rule-link';
import {
  RULE_URL_PARAMS,
  readRuleSets,
  resolveRulesInUse,
  writeMqlMode,
  writeThreshold,
  writeThresholds,
  type RuleSetsRead,
  type RulesInUse,
  type ThresholdName,
} from './rule-set-url';
import { loadStoredRules, saveStoredRules, type SavedRuleSet } from './rule-storage';
import { readStageCategories, writeStageCategories } from './stage-categories';
import { currentSearch, updateSearch, useSearchSlice } from './url';

interface RulesState {
  readonly draft: RuleSet;
  readonly applied: RuleSet;
  readonly saved: readonly SavedRuleSet[];
  /** Messages for the user about storage (recovered entries, failed saves). */
  readonly notices: readonly string[];
}

const storage = (): Storage | undefined => (typeof window === 'undefined' ? undefined : window.localStorage);

function initial(): RulesState {
  const stored = loadStoredRules(storage());
  return { draft: stored.applied, applied: stored.applied, saved: stored.saved, notices: stored.notices };
}

const useRulesStore = create<RulesState>(() => initial());
const set = useRulesStore.setState;
const get = useRulesStore.getState;

export const useDraftRules = () => useRulesStore((s) => s.draft);
export const useAppliedRules = () => useRulesStore((s) => s.applied);
export const useSavedRuleSets = () => useRulesStore((s) => s.saved);
export const useRulesNotices = () => useRulesStore((s) => s.notices);

function persist(applied: RuleSet, saved: readonly SavedRuleSet[]): void {
  const error = saveStoredRules(storage(), applied, saved);
  if (error) set((s) => ({ notices: [...s.notices, error] }));
}

/** The rule sets the app scores with, as one object. */
export interface RuleSets extends RuleSetsRead {
  /**
   * Keys of every part but the thresholds of `draft` and of `inUse.rules` (`thresholdFreeKey`),
   * computed when those parts change: the engine caches what-if contexts by them, so a moved
   * threshold reaches it with its key already made.
   */
  readonly draftKey: string;
  readonly inUseKey: string;
}

const RULES_KEYS: readonly string[] = [RULES_PARAM];

/** Only which rules are in use (the app shell's banner): unlike `useRuleSets`, a moved threshold does not re-render its reader. */
export function useRulesInUse(): RulesInUse {
  const applied = useAppliedRules();
  const param = useSearchSlice(RULES_KEYS).get(RULES_PARAM);
  return useMemo(() => resolveRulesInUse(param, applied), [param, applied]);
}

/** The rule sets; each part keeps its identity until its inputs change. */
export function useRuleSets(): RuleSets {
  const applied = useAppliedRules();
  const stored = useDraftRules();
  const slice = useSearchSlice(RULE_URL_PARAMS).toString();
  const inUse = useRulesInUse();
  const read = useMemo(
    () => readRuleSets(new URLSearchParams(slice), applied, stored, inUse),
    [slice, applied, stored, inUse],
  );
  const draftKey = useMemo(() => thresholdFreeKey(stored), [stored]);
  const inUseKey = useMemo(() => thresholdFreeKey(inUse.rules), [inUse.rules]);
  return useMemo(() => ({ ...read, draftKey, inUseKey }), [read, draftKey, inUseKey]);
}

/** The rule sets as they stand now, for actions. */
const current = (): RuleSetsRead => readRuleSets(new URLSearchParams(currentSearch()), get().applied, get().draft);

/** A named entry of `rules` with the stage → forecast category edits now in effect (the URL's). */
const entryOf = (name: string, rules: RuleSet): SavedRuleSet => ({
  name,
  savedAt: new Date().toISOString(),
  rules,
  stageCategories: readStageCategories(new URLSearchParams(currentSearch())),
});

/** `saved` with `entry` in place of any set of its name, sorted by name. */
const withEntry = (saved: readonly SavedRuleSet[], entry: SavedRuleSet): SavedRuleSet[] =>
  [...saved.filter((s) => s.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));

const editDraft = (f: (d: RuleSet) => RuleSet) => set((s) => ({ draft: clampRuleSet(f(s.draft)) }));

export const rulesActions = {
  /** A threshold slider or box moved: a live URL update (one history entry once it settles). */
  thresholdChanged: (name: ThresholdName, value: number) =>
    updateSearch((p) => writeThreshold(p, name, clampTo(BOUNDS.threshold, value)), 'live'),
  mqlModeChosen: (mode: MqlMode) => updateSearch((p) => writeMqlMode(p, mode)),
  halfLifeChanged: (days: number) => editDraft((d) => ({ ...d, halfLifeDays: days })),
  fitWeightChanged: (w: number) => editDraft((d) => ({ ...d, qualification: { ...d.qualification, fitWeight: w } })),
  activityChanged: (type: string, patch: Partial<Omit<ActivityRule, 'type'>>) =>
    editDraft((d) => {
      const exists = d.activities.some((a) => a.type === type);
      const activities = exists
        ? d.activities.map((a) => (a.type === type ? { ...a, ...patch } : a))
        : [...d.activities, { type, points: 0, cap: 0, ...patch }];
      return { ...d, activities };
    }),
  fitRuleChanged: (id: string, patch: Partial<FitRule>) =>
    editDraft((d) => ({ ...d, fitRules: d.fitRules.map((r) => (r.id === id ? ({ ...r, ...patch } as FitRule) : r)) })),
  fitRuleAdded: (rule: FitRule) => editDraft((d) => ({ ...d, fitRules: [...d.fitRules, rule] })),
  fitRuleRemoved: (id: string) => editDraft((d) => ({ ...d, fitRules: d.fitRules.filter((r) => r.id !== id) })),
  frameworkChosen: (framework: Framework) =>
    editDraft((d) => ({
      ...d,
      qualification: { ...d.qualification, framework, requiredCriteria: [...FRAMEWORK_CRITERIA[framework]] },
    })),
  criterionToggled: (c: QualificationCriterion, required: boolean) =>
    editDraft((d) => {
      const rest = d.qualification.requiredCriteria.filter((x) => x !== c);
      return { ...d, qualification: { ...d.qualification, requiredCriteria: required ? [...rest, c] : rest } };
    }),
  sqlActivityChosen: (type: string) =>
    editDraft((d) => ({ ...d, qualification: { ...d.qualification, sqlActivity: type } })),
  /** Makes the draft (with the thresholds in effect) the applied rule set, and stores it. */
  draftApplied: () => {
    const applied = current().draft;
    set({ applied, draft: applied });
    persist(applied, get().saved);
    // The link carries the rules now in use.
    updateSearch((p) => writeRuleLink(p, applied));
  },
  /** A rule set from elsewhere (a link) becomes the applied one and the draft; stored under `name` too when given. */
  rulesAdopted: (applied: RuleSet, name?: string) => {
    const saved = name?.trim() ? withEntry(get().saved, entryOf(name.trim(), applied)) : get().saved;
    set({ applied, draft: applied, saved });
    persist(applied, saved);
  },
  /** The draft and the thresholds in effect become the defaults (not applied yet). */
  draftReset: () => rulesActions.draftReplaced(DEFAULT_RULE_SET),
  /** A rule set from elsewhere (a saved one, a suggestion) becomes the draft, its thresholds those in effect. */
  draftReplaced: (rules: RuleSet) => {
    const draft = clampRuleSet(rules);
    set({ draft });
    updateSearch((p) => writeThresholds(p, draft));
  },
  /** A saved set becomes the draft, its thresholds those in effect and its stage → forecast category map the one in use. */
  savedSetLoaded: (entry: SavedRuleSet) => {
    const draft = clampRuleSet(entry.rules);
    set({ draft });
    updateSearch((p) => {
      writeThresholds(p, draft);
      writeStageCategories(p, entry.stageCategories);
    });
  },
  /** The draft (with the thresholds in effect) is saved under `name`, with the stage → forecast category map in use. */
  ruleSetSaved: (name: string) => {
    const saved = withEntry(get().saved, entryOf(name.trim(), current().draft));
    set({ saved });
    persist(get().applied, saved);
  },
  ruleSetDeleted: (name: string) => {
    const saved = get().saved.filter((s) => s.name !== name);
    set({ saved });
    persist(get().applied, saved);
  },
  noticesDismissed: () => set({ notices: [] }),
  /** Re-reads storage (another tab saved, or a test changed it). */
  storageReloaded: () => set(initial()),
};
