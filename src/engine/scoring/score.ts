/**
 * The scoring kernel's entry points. Compile a rule set against a dataset once, then score every
 * lead into typed arrays (Float32Array, 0–100, one slot per lead row). Nothing on this path
 * allocates per lead. Threshold changes do not need a rescore: see ./threshold-index.ts.
 *
 *   const compiled = compileRules(ds, rules);            // clamps into BOUNDS
 *   const now = scoreLeads(ds, compiled, { asOf });      // scores as of asOf
 *   const hist = scoreLeads(ds, compiled, { asOf, cutoff: outcomes.cutoff }); // scored before outcomes
 */
import type { Dataset } from '../model/columns';
import { compileFit, scoreFit, type CompiledFit } from './fit';
import { compileIntent, scoreIntent, type CompiledIntent } from './intent';
import type { RuleSet } from './rules';
import { clampRuleSet } from './validate';

export interface CompiledRules {
  /** The rule set after clamping into BOUNDS. */
  readonly rules: RuleSet;
  readonly fit: CompiledFit;
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
  return {
    rules: clamped,
    fit: compileFit(ds, clamped.fitRules),
    intent: compileIntent(ds, clamped.activities, clamped.halfLifeDays),
  };
}

export function scoreLeads(ds: Dataset, compiled: CompiledRules, o: ScoreOptions): LeadScores {
  const n = ds.leads.count;
  const fit = o.into?.fit ?? new Float32Array(n);
  const intent = o.into?.intent ?? new Float32Array(n);
  scoreFit(compiled.fit, fit);
  scoreIntent(ds, compiled.intent, o.asOf, intent, o.cutoff);
  return { fit, intent };
}

/** Combined score of single-score mode: fitWeight × fit + (1 − fitWeight) × intent. */
export const combinedScore = (fit: number, intent: number, fitWeight: number): number => fitWeight * fit + (1 - fitWeight) * intent;
