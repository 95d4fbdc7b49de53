/**
 * Clamped rule sets and their what-if keys (`thresholdFreeKey`), remembered for the last few rule
 * sets by value: a rule set equal to a remembered one in everything but its MQL thresholds (a
 * dragged threshold) is clamped and keyed without clamping every weight again or serialising it.
 */
import type { RuleSet } from '../../engine/scoring/rules';
import { clampRuleSet, clampMqlThresholds } from '../../engine/scoring/validate';
import { thresholdFreeKey } from '../../engine/scoring/what-if-prepare';

/** A rule set after clamping, and the key of all of it but its thresholds. */
export interface KeyedRuleSet {
  readonly rules: RuleSet;
  readonly key: string;
}

interface Remembered extends KeyedRuleSet {
  /** The rule set as given (the handler's own copy of a message: never changed afterwards). */
  readonly given: RuleSet;
}

const REMEMBERED = 8;

/** Equal plain values (JSON-like: numbers compared with Object.is, so NaN and -0 are never confused). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (!same(a[k], b[k])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !same(x[k], y[k])) return false;
  return true;
}

const THRESHOLDS = new Set(['mqlMode', 'mqlMinFit', 'mqlMinIntent', 'mqlMinCombined']);

/** Whether two rule sets are equal but for their MQL thresholds and mode. */
function sameBesidesThresholds(a: RuleSet, b: RuleSet): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(y, k)) return false;
    if (k !== 'qualification') {
      if (!same(x[k], y[k])) return false;
      continue;
    }
    const p = a.qualification as unknown as Record<string, unknown>;
    const q = b.qualification as unknown as Record<string, unknown>;
    if (typeof p !== 'object' || typeof q !== 'object' || p === null || q === null) return false;
    const pk = Object.keys(p);
    if (pk.length !== Object.keys(q).length) return false;
    for (const j of pk) if (!Object.hasOwn(q, j) || (!THRESHOLDS.has(j) && !same(p[j], q[j]))) return false;
  }
  return true;
}

/**
 * `keyed(rules, key?)`: `clampRuleSet(rules)` and `key ?? thresholdFreeKey(clampRuleSet(rules))`,
 * remembered for the last few rule sets given (most recent first).
 */
export function ruleSetKeys(): (rules: RuleSet, key?: string) => KeyedRuleSet {
  const remembered: Remembered[] = [];
  return (given, key) => {
    for (let k = 0; k < remembered.length; k++) {
      const m = remembered[k]!;
      if (!sameBesidesThresholds(given, m.given)) continue;
      const rules = { ...m.rules, qualification: clampMqlThresholds(m.rules.qualification, given.qualification) };
      if (k > 0) remembered.unshift(...remembered.splice(k, 1));
      return { rules, key: key ?? m.key };
    }
    const rules = clampRuleSet(given);
    const out = { rules, key: key ?? thresholdFreeKey(rules) };
    remembered.unshift({ ...out, given });
    if (remembered.length > REMEMBERED) remembered.pop();
    return out;
  };
}
