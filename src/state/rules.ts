/**
 * The Qualification rules view's editable state: the draft rule set, the applied one and the saved
 * ones (persisted by ./rule-storage.ts). Thresholds are not here: they live in the URL
 * (./thresholds.ts) so a link reproduces them. Read with the selector hooks, change with `rulesActions`.
 */
import { create } from 'zustand';
import type { QualificationCriterion } from '../engine/model/stages';
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import { FRAMEWORK_CRITERIA } from '../engine/scoring/frameworks';
import type { ActivityRule, FitRule, Framework, RuleSet } from '../engine/scoring/rules';
import { clampRuleSet } from '../engine/scoring/validate';
import { writeRuleLink } from './rule-link';
import { loadStoredRules, saveStoredRules, type SavedRuleSet } from './rule-storage';
import { updateSearch } from './url';
import type { Thresholds } from './thresholds';

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

const editDraft = (f: (d: RuleSet) => RuleSet) => set((s) => ({ draft: clampRuleSet(f(s.draft)) }));

/** A rule set with the given thresholds written in. */
export function withThresholds(r: RuleSet, t: Thresholds): RuleSet {
  return {
    ...r,
    tiers: { icpTier1: t.icpTier1, icpTier2: t.icpTier2, intentHigh: t.intentHigh, intentMid: t.intentMid },
    qualification: { ...r.qualification, mqlMode: t.mqlMode, mqlMinFit: t.mqlMinFit, mqlMinIntent: t.mqlMinIntent, mqlMinCombined: t.mqlMinCombined },
  };
}

export const rulesActions = {
  halfLifeChanged: (days: number) => editDraft((d) => ({ ...d, halfLifeDays: days })),
  fitWeightChanged: (w: number) => editDraft((d) => ({ ...d, qualification: { ...d.qualification, fitWeight: w } })),
  activityChanged: (type: string, patch: Partial<Omit<ActivityRule, 'type'>>) =>
    editDraft((d) => {
      const exists = d.activities.some((a) => a.type === type);
      const activities = exists ? d.activities.map((a) => (a.type === type ? { ...a, ...patch } : a)) : [...d.activities, { type, points: 0, cap: 0, ...patch }];
      return { ...d, activities };
    }),
  fitRuleChanged: (id: string, patch: Partial<FitRule>) => editDraft((d) => ({ ...d, fitRules: d.fitRules.map((r) => (r.id === id ? ({ ...r, ...patch } as FitRule) : r)) })),
  fitRuleAdded: (rule: FitRule) => editDraft((d) => ({ ...d, fitRules: [...d.fitRules, rule] })),
  fitRuleRemoved: (id: string) => editDraft((d) => ({ ...d, fitRules: d.fitRules.filter((r) => r.id !== id) })),
  frameworkChosen: (framework: Framework) =>
    editDraft((d) => ({ ...d, qualification: { ...d.qualification, framework, requiredCriteria: [...FRAMEWORK_CRITERIA[framework]] } })),
  criterionToggled: (c: QualificationCriterion, required: boolean) =>
    editDraft((d) => {
      const rest = d.qualification.requiredCriteria.filter((x) => x !== c);
      return { ...d, qualification: { ...d.qualification, requiredCriteria: required ? [...rest, c] : rest } };
    }),
  sqlActivityChosen: (type: string) => editDraft((d) => ({ ...d, qualification: { ...d.qualification, sqlActivity: type } })),
  /** Makes the draft (with the current thresholds) the applied rule set, and stores it. */
  draftApplied: (t: Thresholds) => {
    const applied = clampRuleSet(withThresholds(get().draft, t));
    set({ applied, draft: applied });
    persist(applied, get().saved);
    // The link carries the rules now in use.
    updateSearch((p) => writeRuleLink(p, applied));
  },
  /** A rule set from elsewhere (a link) becomes the applied one and the draft; stored under `name` too when given. */
  rulesAdopted: (rules: RuleSet, name?: string) => {
    const applied = clampRuleSet(rules);
    const saved = name?.trim()
      ? [...get().saved.filter((s) => s.name !== name.trim()), { name: name.trim(), savedAt: new Date().toISOString(), rules: applied }].sort((a, b) => a.name.localeCompare(b.name))
      : get().saved;
    set({ applied, draft: applied, saved });
    persist(applied, saved);
  },
  draftReset: () => set({ draft: DEFAULT_RULE_SET }),
  draftReplaced: (rules: RuleSet) => set({ draft: clampRuleSet(rules) }),
  ruleSetSaved: (name: string, t: Thresholds) => {
    const entry: SavedRuleSet = { name: name.trim(), savedAt: new Date().toISOString(), rules: clampRuleSet(withThresholds(get().draft, t)) };
    const saved = [...get().saved.filter((s) => s.name !== entry.name), entry].sort((a, b) => a.name.localeCompare(b.name));
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
