/**
 * The scoring engine's entry points. Compile a rule set against a dataset once, then score every
 * lead into typed arrays (Float32Array, 0–100, one slot per lead row). Nothing on this path
 * allocates per lead. What does not depend on points and caps is cached per dataset: the fit rules'
 * matches (./fit-matches.ts) and the decayed activity sums (./intent-sums.ts), so a weight change
 * is a gather and one pass over the sums. Threshold changes do not need a rescore: see
 * ./threshold-index.ts.
 *
 *   const compiled = compileRules(ds, rules);            // clamps into BOUNDS
 *   const now = scoreLeads(ds, compiled, { asOf });      // scores as of asOf
 *   const hist = scoreLeads(ds, compiled, { asOf, cutoff: outcomes.cutoff }); // scored before outcomes
 */
import type { Dataset } from '../model/columns';
import { comboFit, fitFromMatches, fitMatches, type FitMatches } from './fit-matches';
import { compileIntent, readyIntentScores, scoreIntent, type CompiledIntent } from './intent';
import type { RuleSet } from './rules';
import { clampRuleSet } from './validate';

/** Fit rules compiled against a dataset: the cached rule matches and each combo's score. */
export interface CompiledFitScores {
  readonly matches: FitMatches;
  /** Fit score per combo of matched rules (see ./fit-matches.ts). */
  readonly byCombo: Float32Array;
  /** Rules whose attribute the dataset lacks: they score nothing and the UI says so. */
  readonly missingAttributes: readonly string[];
}

export interface CompiledRules {
  /** The rule set after clamping into BOUNDS. */
  readonly rules: RuleSet;
  readonly fit: CompiledFitScores;
  readonly intent: CompiledIntent;
}

/** Per-lead scores, 0–100, indexed by lead row. */
export interface LeadScores {
  readonly fit: Float32Array;
  readonly intent: Float32Array;
}

export interface ScoreOptions {
  /** Epoch ms: decay ages are measured here, later activities ignored. */
  readonly asOf: number;
  /** Per-lead earlier scoring instants (epoch ms); see outcomes.ts for the history cut-off. */
  readonly cutoff?: Float64Array;
  /** Arrays to reuse (length = leads), to avoid allocation on repeated scoring. */
  readonly into?: LeadScores;
}

export function compileRules(ds: Dataset, rules: RuleSet): CompiledRules {
  const clamped = clampRuleSet(rules);
  const matches = fitMatches(ds, clamped.fitRules);
  return {
    rules: clamped,
    fit: {
      matches,
      byCombo: comboFit(matches, clamped.fitRules),
      missingAttributes: scoringMissing(matches.missingAttributes, clamped.fitRules),
    },
    intent: compileIntent(ds, clamped.activities, clamped.halfLifeDays),
  };
}

/**
 * Scores every lead. Without `into`, the intent scores may be the array cached with the decayed sums
 * (computed with them by the scoring pool, see `readyIntentScores`), not a copy: the arrays returned
 * are read, never written.
 */
export function scoreLeads(ds: Dataset, compiled: CompiledRules, o: ScoreOptions): LeadScores {
  const n = ds.leads.count;
  const fit = o.into?.fit ?? new Float32Array(n);
  fitFromMatches(compiled.fit.matches, compiled.fit.byCombo, fit);
  const ready = o.into ? undefined : readyIntentScores(ds, compiled.intent, o.asOf, o.cutoff);
  const intent = ready ?? scoreIntent(ds, compiled.intent, o.asOf, o.into?.intent ?? new Float32Array(n), o.cutoff);
  return { fit, intent };
}

/** Combined score of single-score mode: fitWeight × fit + (1 − fitWeight) × intent. */
export const combinedScore = (fit: number, intent: number, fitWeight: number): number =>
  fitWeight * fit + (1 - fitWeight) * intent;

/** Missing attributes of the rules that score (a 0-point rule matching nothing changes nothing). */
function scoringMissing(missing: readonly string[], rules: RuleSet['fitRules']): string[] {
  return missing.filter((ref) => rules.some((r) => r.attribute === ref && r.points !== 0));
}
