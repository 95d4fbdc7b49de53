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
  /** The rule set as given, without its thresholds (`withoutThresholds`). */
  readonly bare: unknown;
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

/** A rule set without its MQL thresholds and mode (its tiers kept: stricter than `thresholdFreeKey`). */
function withoutThresholds(r: RuleSet): unknown {
  const {
    mqlMode: _mode,
    mqlMinFit: _fit,
    mqlMinIntent: _intent,
    mqlMinCombined: _combined,
    ...rest
  } = r.qualification;
  return { ...r, qualification: rest };
}

/**
 * `keyed(rules, key?)`: `clampRuleSet(rules)` and `key ?? thresholdFreeKey(clampRuleSet(rules))`,
 * remembered for the last few rule sets given (most recent first).
 */
export function ruleSetKeys(): (rules: RuleSet, key?: string) => KeyedRuleSet {
  const remembered: Remembered[] = [];
  return (given, key) => {
    const bare = withoutThresholds(given);
    for (let k = 0; k < remembered.length; k++) {
      const m = remembered[k]!;
      if (!same(bare, m.bare)) continue;
      const rules = { ...m.rules, qualification: clampMqlThresholds(m.rules.qualification, given.qualification) };
      if (k > 0) remembered.unshift(...remembered.splice(k, 1));
      return { rules, key: key ?? m.key };
    }
    const rules = clampRuleSet(given);
    const out = { rules, key: key ?? thresholdFreeKey(rules) };
    remembered.unshift({ ...out, bare });
    if (remembered.length > REMEMBERED) remembered.pop();
    return out;
  };
}
