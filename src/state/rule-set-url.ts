/**
 * The rules a link carries, read and written by one codec (version 2): the rule set in use (`rules`,
 * compact and checked: ./rule-link.ts) and the thresholds in effect, each under its own name in the
 * rule set (`mqlMinFit=55`, `intentHigh=70`, `mqlMode=single-score`).
 *
 * Version 1 links named the thresholds differently (`mqlFit`, `mqlIntent`, `mqlScore`, `high`, `mid`,
 * `tier1`, `tier2`, `mqlMode=two|single`); they are still read, and a threshold written again drops
 * its version 1 name. A threshold absent from the URL is the rules in use's. Values outside the
 * bounds are clamped, malformed ones ignored: the URL is where a link's input enters.
 */
import { BOUNDS, clampTo } from '../engine/scoring/bounds';
import type { MqlMode, QualificationRules, RuleSet, TierRules } from '../engine/scoring/rules';
import { RULES_PARAM, decodeRuleLink, sameRules } from './rule-link';

/** The version of the codec; version 1 (other threshold names) is still read. */
export const RULE_URL_VERSION = 2;

type TierName = keyof TierRules;
type MqlThresholdName = keyof Pick<QualificationRules, 'mqlMinFit' | 'mqlMinIntent' | 'mqlMinCombined'>;
/** A threshold of a rule set, by its name in the rule set (and in the URL). */
export type ThresholdName = MqlThresholdName | TierName;

/** Each threshold's version 1 URL parameter. */
const V1_PARAM: Readonly<Record<ThresholdName, string>> = {
  mqlMinFit: 'mqlFit',
  mqlMinIntent: 'mqlIntent',
  mqlMinCombined: 'mqlScore',
  intentHigh: 'high',
  intentMid: 'mid',
  icpTier1: 'tier1',
  icpTier2: 'tier2',
};
const V1_MODE: Readonly<Record<string, MqlMode>> = { two: 'two-score', single: 'single-score' };
const MODE_PARAM = 'mqlMode';

export const THRESHOLD_NAMES = Object.keys(V1_PARAM) as readonly ThresholdName[];

/** Every parameter the codec reads, of both versions. */
export const RULE_URL_PARAMS: readonly string[] = [
  RULES_PARAM,
  MODE_PARAM,
  ...THRESHOLD_NAMES,
  ...Object.values(V1_PARAM),
];

const isTier = (name: ThresholdName): name is TierName =>
  name === 'intentHigh' || name === 'intentMid' || name === 'icpTier1' || name === 'icpTier2';

export function thresholdOf(r: RuleSet, name: ThresholdName): number {
  return isTier(name) ? r.tiers[name] : r.qualification[name];
}

/** `r` with one threshold set (not clamped: callers pass values from a bounded input). */
export function withThreshold(r: RuleSet, name: ThresholdName, value: number): RuleSet {
  if (thresholdOf(r, name) === value) return r;
  return isTier(name)
    ? { ...r, tiers: { ...r.tiers, [name]: value } }
    : { ...r, qualification: { ...r.qualification, [name]: value } };
}

export function withMqlMode(r: RuleSet, mode: MqlMode): RuleSet {
  return r.qualification.mqlMode === mode ? r : { ...r, qualification: { ...r.qualification, mqlMode: mode } };
}

function numberParam(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}

function modeParam(raw: string | null): MqlMode | null {
  if (raw === 'two-score' || raw === 'single-score') return raw;
  return (raw !== null && V1_MODE[raw]) || null;
}

/** `base` with the thresholds the URL sets (version 2 names first, then version 1), clamped. The same object when the URL sets none that differ. */
export function readThresholds(params: URLSearchParams, base: RuleSet): RuleSet {
  let r = base;
  for (const name of THRESHOLD_NAMES) {
    const v = numberParam(params.get(name)) ?? numberParam(params.get(V1_PARAM[name]));
    if (v !== null) r = withThreshold(r, name, clampTo(BOUNDS.threshold, v));
  }
  const mode = modeParam(params.get(MODE_PARAM));
  return mode ? withMqlMode(r, mode) : r;
}

/** Writes one threshold under its version 2 name (and drops its version 1 name). */
export function writeThreshold(params: URLSearchParams, name: ThresholdName, value: number): void {
  params.delete(V1_PARAM[name]);
  params.set(name, String(value));
}

export function writeMqlMode(params: URLSearchParams, mode: MqlMode): void {
  params.set(MODE_PARAM, mode);
}

/** Writes every threshold of `r`, and its MQL mode. */
export function writeThresholds(params: URLSearchParams, r: RuleSet): void {
  for (const name of THRESHOLD_NAMES) writeThreshold(params, name, thresholdOf(r, name));
  writeMqlMode(params, r.qualification.mqlMode);
}

/** Which rule set scores: the one a link carries (`rules`) when it differs from this browser's applied one, else the applied one. */
export interface RulesInUse {
  /** The rule set, with the thresholds it was applied (or linked) with. */
  readonly rules: RuleSet;
  readonly source: 'applied' | 'linked';
  /** The name the link's rules were saved under, if any. */
  readonly name: string | null;
  /** Why a link's rules were refused (tampered, damaged, another version), for the user. */
  readonly notice: string | null;
}

/** The rules in use for a `rules` parameter (null: none) and this browser's applied rules. */
export function resolveRulesInUse(param: string | null, applied: RuleSet): RulesInUse {
  if (param === null) return { rules: applied, source: 'applied', name: null, notice: null };
  const r = decodeRuleLink(param);
  if (!r.ok) return { rules: applied, source: 'applied', name: null, notice: r.notice };
  if (sameRules(r.linked.rules, applied))
    return { rules: applied, source: 'applied', name: r.linked.name, notice: null };
  return { rules: r.linked.rules, source: 'linked', name: r.linked.name, notice: null };
}

/** The rule sets a URL and this browser's rules give: see `RuleSets` in ./rules.ts. */
export interface RuleSetsRead {
  readonly inUse: RulesInUse;
  /** The rules in use with the thresholds in effect. */
  readonly scoring: RuleSet;
  /** The draft with the thresholds in effect. */
  readonly draft: RuleSet;
}

/** Reads the rule sets from search params, this browser's applied rules and its draft (whose own thresholds give way to those in effect). */
export function readRuleSets(
  params: URLSearchParams,
  applied: RuleSet,
  draft: RuleSet,
  inUse = resolveRulesInUse(params.get(RULES_PARAM), applied),
): RuleSetsRead {
  const scoring = readThresholds(params, inUse.rules);
  return { inUse, scoring, draft: withThresholdsOf(draft, scoring) };
}

/** `r` with the thresholds and MQL mode of `from`. */
function withThresholdsOf(r: RuleSet, from: RuleSet): RuleSet {
  let out = withMqlMode(r, from.qualification.mqlMode);
  for (const name of THRESHOLD_NAMES) out = withThreshold(out, name, thresholdOf(from, name));
  return out;
}
