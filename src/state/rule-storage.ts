/**
 * Saved rule sets in localStorage: one versioned entry holding the applied rule set and the named
 * ones, each named one with the stage → forecast category map it was saved with. Reading never throws: corrupt JSON, an entry of another version or an invalid rule set is
 * recovered as far as possible (see `recoverRuleSet`) and reported in `notices`; writing catches a
 * full or unavailable storage and says so.
 */
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import type { RuleSet } from '../engine/scoring/rules';
import { parseRuleSet, recoverRuleSet } from './rule-set-schema';
import { parseStageCategoryEdits, type StageCategoryEdits } from './stage-categories';

export const STORAGE_KEY = 'revlens.ruleSets';
/**
 * 3: a named set also keeps its stage → forecast category edits (`stageCategories`). Version 2
 * differs only in lacking them: its sets are read as they are, with the default map.
 */
export const STORAGE_VERSION = 3;
const READ_AS_IS: readonly unknown[] = [2, STORAGE_VERSION];

export interface SavedRuleSet {
  readonly name: string;
  /** ISO instant of the save. */
  readonly savedAt: string;
  readonly rules: RuleSet;
  /** The stage → forecast category edits over the default map in effect when saved; empty: the default map. */
  readonly stageCategories: StageCategoryEdits;
}

export interface StoredRules {
  readonly applied: RuleSet;
  readonly saved: readonly SavedRuleSet[];
  /** What had to be recovered or dropped, for the user. Empty when all was well. */
  readonly notices: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readRules(value: unknown, what: string, notices: string[]): RuleSet | null {
  const ok = parseRuleSet(value);
  if (ok) return ok;
  const recovered = recoverRuleSet(value);
  notices.push(
    recovered
      ? `${what} was partly invalid: the valid settings were kept and the rest reset to defaults.`
      : `${what} could not be read and was dropped.`,
  );
  return recovered;
}

/** Reads the stored rule sets from `storage` (localStorage in the app). */
export function loadStoredRules(storage: Pick<Storage, 'getItem'> | undefined): StoredRules {
  const notices: string[] = [];
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return {
      applied: DEFAULT_RULE_SET,
      saved: [],
      notices: ['Saved rule sets are unavailable in this browser (storage is blocked).'],
    };
  }
  if (raw === null) return { applied: DEFAULT_RULE_SET, saved: [], notices };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      applied: DEFAULT_RULE_SET,
      saved: [],
      notices: [
        'The saved rule sets were corrupt and could not be read; the default rules are in use. Save again to replace them.',
      ],
    };
  }
  if (!isRecord(data)) {
    return {
      applied: DEFAULT_RULE_SET,
      saved: [],
      notices: ['The saved rule sets were not in a readable form; the default rules are in use.'],
    };
  }
  const version = data.version;
  if (!READ_AS_IS.includes(version)) {
    notices.push(
      `The saved rule sets came from another version of RevLens (${String(version ?? 'unknown')}); they were converted where possible.`,
    );
  }
  // Version 1 kept named sets in an object by name; version 2 keeps a list.
  const list: unknown[] = Array.isArray(data.saved)
    ? data.saved
    : isRecord(data.sets)
      ? Object.entries(data.sets).map(([name, rules]) => ({ name, savedAt: new Date(0).toISOString(), rules }))
      : [];
  const saved: SavedRuleSet[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name.trim() === '') {
      notices.push('A saved rule set without a name was dropped.');
      continue;
    }
    const rules = readRules(entry.rules, `Saved rule set "${entry.name}"`, notices);
    if (!rules) continue;
    // A set saved before the map was kept has none: it restores the default map.
    const categories = parseStageCategoryEdits(entry.stageCategories);
    if (categories.dropped > 0)
      notices.push(
        `Saved rule set "${entry.name}": ${categories.dropped} stage → forecast category ${categories.dropped === 1 ? 'entry was' : 'entries were'} not readable and the default category is used instead.`,
      );
    saved.push({
      name: entry.name,
      savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : new Date(0).toISOString(),
      rules,
      stageCategories: categories.edits,
    });
  }
  const applied =
    data.applied === undefined
      ? DEFAULT_RULE_SET
      : (readRules(data.applied, 'The applied rule set', notices) ?? DEFAULT_RULE_SET);
  return { applied, saved, notices };
}

/** Writes the rule sets; returns an error message instead of throwing. */
export function saveStoredRules(
  storage: Pick<Storage, 'setItem'> | undefined,
  applied: RuleSet,
  saved: readonly SavedRuleSet[],
): string | null {
  try {
    if (!storage) return 'Rule sets cannot be saved in this browser (no storage).';
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, applied, saved }));
    return null;
  } catch (e) {
    return `The rule sets could not be saved: ${e instanceof Error ? e.message : String(e)}. Free some browser storage and try again.`;
  }
}
