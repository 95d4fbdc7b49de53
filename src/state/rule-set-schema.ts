/**
 * Validation of rule sets read back from storage or files (zod). Unknown keys are dropped; values
 * are then clamped into the engine's bounds by `clampRuleSet`.
 */
import { z } from 'zod';
import { QUALIFICATION_CRITERIA } from '../engine/model/stages';
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import { FRAMEWORKS, type RuleSet } from '../engine/scoring/rules';
import { clampRuleSet } from '../engine/scoring/validate';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const base = { id: z.string(), label: z.string(), attribute: z.string(), points: finite };

const fitRule = z.discriminatedUnion('op', [
  z.object({ ...base, op: z.literal('equals'), value: z.string() }),
  z.object({ ...base, op: z.literal('in'), values: z.array(z.string()) }),
  z.object({ ...base, op: z.literal('range'), min: finite.optional(), max: finite.optional() }),
  z.object({ ...base, op: z.literal('contains'), value: z.string() }),
  z.object({ ...base, op: z.literal('empty') }),
  z.object({ ...base, op: z.literal('always') }),
]);

export const ruleSetSchema = z.object({
  fitRules: z.array(fitRule),
  activities: z.array(z.object({ type: z.string(), points: finite, cap: finite })),
  halfLifeDays: finite,
  tiers: z.object({ icpTier1: finite, icpTier2: finite, intentHigh: finite, intentMid: finite }),
  qualification: z.object({
    mqlMode: z.enum(['two-score', 'single-score']),
    mqlMinFit: finite,
    mqlMinIntent: finite,
    mqlMinCombined: finite,
    fitWeight: finite,
    sqlActivity: z.string(),
    framework: z.enum(FRAMEWORKS),
    requiredCriteria: z.array(z.enum(QUALIFICATION_CRITERIA)),
  }),
  maturityDays: finite,
  scoringWindowDays: finite,
});

/** A valid rule set, clamped, or null. */
export function parseRuleSet(value: unknown): RuleSet | null {
  const r = ruleSetSchema.safeParse(value);
  return r.success ? clampRuleSet(r.data as RuleSet) : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Recovers what it can of a rule set that fails validation (an older shape, a hand-edited file):
 * each top-level part and each qualification field that is valid is kept, the rest is the default.
 * Returns null when nothing usable is left.
 */
export function recoverRuleSet(value: unknown): RuleSet | null {
  if (!isRecord(value)) return null;
  const shape = ruleSetSchema.shape;
  const out: Record<string, unknown> = { ...DEFAULT_RULE_SET };
  let kept = 0;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (key === 'qualification') continue;
    const r = shape[key].safeParse(value[key]);
    if (r.success) {
      out[key] = r.data;
      kept++;
    }
  }
  if (isRecord(value.qualification)) {
    const q: Record<string, unknown> = { ...DEFAULT_RULE_SET.qualification };
    const qs = shape.qualification.shape;
    for (const key of Object.keys(qs) as (keyof typeof qs)[]) {
      const r = qs[key].safeParse(value.qualification[key]);
      if (r.success) {
        q[key] = r.data;
        kept++;
      }
    }
    out.qualification = q;
  }
  return kept > 0 ? parseRuleSet(out) : null;
}
