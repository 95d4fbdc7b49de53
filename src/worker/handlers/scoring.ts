/**
 * Scoring, qualification what-if, accuracy and suggested weights for the Intent and Rules views.
 * What-if contexts are cached by everything but the MQL thresholds, so a dragged threshold is
 * answered in O(1) from the threshold index; a dragged weight derives the next context from the
 * previous one, rescoring only the leads the weight touches (`updateWhatIf`). With a pool of
 * scoring workers (shared memory), the decayed activity sums a call needs are computed by the pool
 * first, bit-identical to computing them here; without one, everything runs on this thread.
 */
import { leadMask, type Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { sharedArray } from '../../engine/model/shared-memory';
import { listAttributes, type AttributeInfo } from '../../engine/scoring/attributes';
import { rulesReadNothing } from '../../engine/scoring/coverage';
import { explainLead, type LeadExplanation } from '../../engine/scoring/explain';
import { compileIntent } from '../../engine/scoring/intent';
import { historyCutoff, leadOutcomes } from '../../engine/scoring/outcomes';
import { hasSqlActivity } from '../../engine/scoring/qualification';
import { predictLeadsAt, type LeadPrediction, type PredictiveModel } from '../../engine/scoring/predictive';
import type { RuleSet } from '../../engine/scoring/rules';
import { clampRuleSet } from '../../engine/scoring/validate';
import { scoringSummary, type ScoringSummary } from '../../engine/scoring/summary';
import { suggestWeights, type SuggestOutcome, type SuggestResult } from '../../engine/scoring/suggest';
import {
  populationTotals,
  recordedFigures,
  whatIf,
  type PopulationTotals,
  type WhatIfContext,
  type WhatIfFigures,
} from '../../engine/scoring/what-if';
import {
  deriveWhatIf,
  prepareWhatIfBesidesSums,
  statusChanges,
  thresholdFreeKey,
  runWhatIfPass,
  whatIfPass,
  whatIfPassOfIntent,
  type StatusChange,
  type WhatIfPass,
} from '../../engine/scoring/what-if-prepare';
import { isoDate } from '../../engine/time';
import type { ScoringPool } from '../pool/scoring-pool';
import { requireDataset, type EngineState } from '../state';
import { ruleSetKeys } from './rule-keys';

export interface ScoringInput {
  readonly filters: Filters;
  readonly rules: RuleSet;
}

export interface IntentViewModel extends ScoringSummary {
  /** ISO date the current scores are measured at. */
  readonly asOf: string;
  readonly rules: RuleSet;
  /** Set when the rules read no column of the dataset (every lead scores the same). */
  readonly rulesNote: string | null;
}

/**
 * A rule set and the key of all of it but its thresholds (`thresholdFreeKey`), which the caller
 * computes once when those parts change: what-if contexts are cached by it, so a request for a moved
 * threshold is answered without re-keying the rule set.
 */
export interface KeyedRules {
  readonly rules: RuleSet;
  readonly key: string;
}

export interface WhatIfInput {
  readonly filters: Filters;
  readonly draft: RuleSet;
  readonly applied: RuleSet;
  /** `thresholdFreeKey` of `draft` and of `applied`, when the caller has them (else computed here). */
  readonly draftKey?: string;
  readonly appliedKey?: string;
}

export interface WhatIfViewModel {
  readonly asOf: string;
  /** Matured leads in scope: the population of every figure. */
  readonly matured: number;
  readonly totals: Omit<PopulationTotals, 'matured'>;
  readonly draft: WhatIfFigures;
  readonly applied: WhatIfFigures;
  readonly recorded: WhatIfFigures;
}

/** A listed lead, with its probability under the fitted model (null without a fit). */
export interface StatusChangeRow extends StatusChange {
  readonly probability: number | null;
  /** The top factors, e.g. "Persona = VP ↑, Activity: demo ↑, Bounces ↓" ("" without a fit). */
  readonly factors: string;
}

export interface StatusChangesViewModel {
  readonly total: number;
  readonly rows: readonly StatusChangeRow[];
  /** The outcome the probabilities are of; null without a fit. */
  readonly predictionOutcome: PredictiveModel['outcome'] | null;
}

export interface SuggestInput {
  readonly filters: Filters;
  readonly rules: RuleSet;
  readonly outcome: SuggestOutcome;
  readonly exclude: readonly string[];
  readonly seed: number;
}

/** A lead's probability under the fitted model, and which outcome it is the probability of. */
export interface LeadPredictionViewModel extends LeadPrediction {
  readonly outcome: PredictiveModel['outcome'];
}

export interface LeadExplanationViewModel extends LeadExplanation {
  /** null without a fitted model (the fit has not been run). */
  readonly prediction: LeadPredictionViewModel | null;
}

export interface ScoringCatalog {
  readonly attributes: readonly AttributeInfo[];
  readonly activityTypes: readonly string[];
}

export interface ScoringHandlers {
  intentOverview(input: ScoringInput): Promise<IntentViewModel>;
  whatIf(input: WhatIfInput): Promise<WhatIfViewModel>;
  statusChanges(
    input: ScoringInput & {
      readonly rulesKey?: string;
      readonly limit: number;
      readonly model?: PredictiveModel | null;
    },
  ): Promise<StatusChangesViewModel>;
  suggestWeights(input: SuggestInput): Promise<SuggestResult>;
  scoringCatalog(): Promise<ScoringCatalog>;
  explainLead(input: {
    readonly rules: RuleSet;
    readonly leadId: string;
    readonly model?: PredictiveModel | null;
  }): Promise<LeadExplanationViewModel | null>;
}

const MAX_CONTEXTS = 6;

/** Score arrays the pool's workers can write. */
const sharedScores = (n: number) => sharedArray(Float32Array, n);
const MAX_SCOPES = 4;

interface CachedContext {
  readonly filtersKey: string;
  /** The clamped rule set the context was built for. */
  readonly rules: RuleSet;
  readonly ctx: WhatIfContext;
}

export function scoringHandlers(state: EngineState, pool: ScoringPool | null = null): ScoringHandlers {
  const contexts = new Map<string, CachedContext>();
  const keyed = ruleSetKeys();
  const scopes = new Map<string, Uint8Array>();
  let contextsOf: Dataset | null = null;

  function forDataset(ds: Dataset): void {
    if (contextsOf !== ds) {
      contexts.clear();
      scopes.clear();
      contextsOf = ds;
    }
  }

  /** The filter's lead mask, the same array for the same filters (what-if populations key on it). */
  function scope(ds: Dataset, filtersKey: string, filters: Filters): Uint8Array {
    forDataset(ds);
    let mask = scopes.get(filtersKey);
    if (!mask) {
      mask = leadMask(ds, filters);
      if (scopes.size >= MAX_SCOPES) scopes.delete(scopes.keys().next().value!);
    } else scopes.delete(filtersKey);
    scopes.set(filtersKey, mask);
    return mask;
  }

  /**
   * The what-if context of a (clamped) rule set: cached by everything but the thresholds (`rulesKey`,
   * the caller's `thresholdFreeKey` if it has one); a rule set one weight away from a cached one (a
   * dragged weight slider) is derived from it incrementally.
   */
  function context(ds: Dataset, filters: Filters, rules: RuleSet, rulesKey = thresholdFreeKey(rules)): WhatIfContext {
    forDataset(ds);
    const filtersKey = JSON.stringify(filters);
    const key = filtersKey + rulesKey;
    const hit = contexts.get(key);
    if (hit) {
      contexts.delete(key);
      contexts.set(key, hit);
      return hit.ctx;
    }
    const derived = derivation(ds, filters, filtersKey, rules);
    const ctx = 'ctx' in derived ? derived.ctx : runWhatIfPass(derived.pass);
    keep(key, filtersKey, rules, ctx);
    return ctx;
  }

  /**
   * A rule set's context derived from a cached one of the same filters (one weight away: a dragged
   * slider), or else the pass over the leads that computes it; `alloc` makes the arrays a pass writes.
   */
  function derivation(
    ds: Dataset,
    filters: Filters,
    filtersKey: string,
    rules: RuleSet,
    alloc?: (n: number) => Float32Array,
  ): { readonly ctx: WhatIfContext } | { readonly pass: WhatIfPass } {
    const asOf = ds.meta.latestAt;
    for (const c of [...contexts.values()].reverse()) {
      if (c.filtersKey !== filtersKey) continue;
      const derived = deriveWhatIf(ds, c.ctx, c.rules, rules, asOf, alloc);
      if (derived) return derived;
    }
    return { pass: whatIfPass(ds, rules, scope(ds, filtersKey, filters), asOf, alloc) };
  }

  function keep(key: string, filtersKey: string, rules: RuleSet, ctx: WhatIfContext): void {
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, { filtersKey, rules, ctx });
  }

  /**
   * With a pool: computes and caches the context `context` would compute, its pass over the leads
   * split over the workers (a change touching few leads is derived on this thread, as `context`
   * does). On a pool failure `context` computes it on this thread.
   */
  async function pooledContext(
    ds: Dataset,
    filters: Filters,
    rules: RuleSet,
    rulesKey = thresholdFreeKey(rules),
  ): Promise<void> {
    if (!pool) return;
    forDataset(ds);
    const filtersKey = JSON.stringify(filters);
    const key = filtersKey + rulesKey;
    if (contexts.has(key)) return;
    const derived = derivation(ds, filters, filtersKey, rules, sharedScores);
    if ('ctx' in derived) return keep(key, filtersKey, rules, derived.ctx);
    const { pass } = derived;
    try {
      const counts = await pool.rescore(pass.task, pass.leads, pass.tally);
      // Kept unless the dataset changed meanwhile.
      if (contextsOf === ds && !contexts.has(key)) keep(key, filtersKey, rules, pass.finish(counts));
    } catch {
      // `context` computes it on this thread.
    }
  }

  /**
   * A moved half-life with a pool: the pool computes the (clamped) rule set's decayed sums, laid out
   * as cached ones of the same instants, and its what-if pass over the intent scores they give, in
   * one round (each worker runs the pass over its range once decayed); the context is cached. False,
   * with nothing done, when this does not apply (no pool, the sums cached or not laid out yet) or
   * the pool fails: the caller then goes the usual way.
   */
  async function pooledHalfLife(ds: Dataset, filters: Filters, rules: RuleSet, rulesKey: string): Promise<boolean> {
    if (!pool) return false;
    const asOf = ds.meta.latestAt;
    const cutoff = historyCutoff(ds, rules.scoringWindowDays);
    const filtersKey = JSON.stringify(filters);
    const key = filtersKey + rulesKey;
    const mask = scope(ds, filtersKey, filters);
    const intent = compileIntent(ds, rules.activities, rules.halfLifeDays);
    let pass: WhatIfPass | null = null;
    try {
      const counts = await pool.primeWithPass(ds, rules.halfLifeDays, asOf, cutoff, intent, (scores) => {
        pass = whatIfPassOfIntent(ds, rules, mask, asOf, scores, sharedScores);
        return pass;
      });
      if (!counts || !pass) return false;
      // Kept unless the dataset changed meanwhile.
      if (contextsOf === ds && !contexts.has(key)) keep(key, filtersKey, rules, (pass as WhatIfPass).finish(counts));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Has the pool compute the decayed sums of a (clamped) rule set unless they are cached: at the
   * leads' history instants, and as of today when `today`. On a pool failure the engine computes
   * them itself when it needs them.
   */
  async function sumsReady(ds: Dataset, r: RuleSet, today = false, sqlFlags = false): Promise<void> {
    if (!pool) return;
    const asOf = ds.meta.latestAt;
    // The leads' history instants alone (the outcomes' `cutoff`): the workers start on them while
    // this thread computes the rest of the outcomes.
    const cutoff = historyCutoff(ds, r.scoringWindowDays);
    try {
      // The history scores' intent is computed with its sums (the workers' share of the pass), and
      // with `sqlFlags` the SQL rule's activity flags too (read by the workers as they read the
      // activities), which the engine thread then does not compute.
      const intent = compileIntent(ds, r.activities, r.halfLifeDays);
      const sql = sqlFlags ? r.qualification.sqlActivity : undefined;
      await pool.prime(ds, r.halfLifeDays, asOf, cutoff, intent, sql);
      if (today) await pool.prime(ds, r.halfLifeDays, asOf);
    } catch {
      // The sums are computed on this thread by the call that needs them.
    }
  }

  return {
    async intentOverview({ filters, rules }) {
      const ds = requireDataset(state);
      const r = clampRuleSet(rules);
      await sumsReady(ds, r, true);
      const mask = scope(ds, JSON.stringify(filters), filters);
      return {
        ...scoringSummary(ds, r, mask, ds.meta.latestAt),
        asOf: isoDate(ds.meta.latestAt),
        rules: r,
        rulesNote: rulesReadNothing(ds, r),
      };
    },
    async whatIf({ filters, draft, applied, draftKey, appliedKey }) {
      const ds = requireDataset(state);
      // A moved threshold: clamped and keyed from the rule set it was moved from.
      const { rules: d, key: dKey } = keyed(draft, draftKey);
      const { rules: a, key: aKey } = keyed(applied, appliedKey);
      forDataset(ds);
      const filtersKey = JSON.stringify(filters);
      let dCached = contexts.has(filtersKey + dKey);
      const aCached = contexts.has(filtersKey + aKey);
      // A moved half-life (the applied context cached): the draft's sums and pass in one round.
      if (!dCached && aCached && (await pooledHalfLife(ds, filters, d, dKey))) dCached = true;
      if (!dCached || !aCached) {
        // Only the rule sets whose context is not cached need sums (the applied one usually is: a
        // dragged half-life would otherwise have the pool recompute the applied sums once they leave
        // the sums cache).
        const sums: Promise<void>[] = [];
        // The draft's sums come with the SQL activity flags of every context here when the pool
        // computes them (the rule sets' SQL activity types are the same, as they nearly always are)
        // and they are not known yet (a first what-if: not after a moved half-life).
        const sqlFlags =
          !dCached &&
          (aCached || a.qualification.sqlActivity === d.qualification.sqlActivity) &&
          !hasSqlActivity(ds, ds.meta.latestAt, d.qualification.sqlActivity);
        if (!dCached) sums.push(sumsReady(ds, d, false, sqlFlags));
        if (a.halfLifeDays !== d.halfLifeDays && !aCached) sums.push(sumsReady(ds, a));
        // While the pool computes the decayed sums, this thread does the rest of each context to be
        // built: its fit matches, outcomes, population (and flags, unless the pool reads them).
        if (pool) {
          const mask = () => scope(ds, filtersKey, filters);
          const flags = !sqlFlags;
          if (!dCached) prepareWhatIfBesidesSums(ds, d, mask(), ds.meta.latestAt, flags);
          if (!aCached) prepareWhatIfBesidesSums(ds, a, mask(), ds.meta.latestAt, flags);
        }
        await Promise.all(sums);
        if (!dCached) await pooledContext(ds, filters, d, dKey);
        if (!aCached) await pooledContext(ds, filters, a, aKey);
      }
      const dc = context(ds, filters, d, dKey);
      const ac = context(ds, filters, a, aKey);
      const { matured, ...totals } = populationTotals(dc);
      return {
        asOf: isoDate(ds.meta.latestAt),
        matured,
        totals,
        draft: whatIf(dc, d.qualification),
        applied: whatIf(ac, a.qualification),
        recorded: recordedFigures(dc),
      };
    },
    async statusChanges({ filters, rules, rulesKey, limit, model }) {
      const ds = requireDataset(state);
      const r = clampRuleSet(rules);
      await sumsReady(ds, r);
      await pooledContext(ds, filters, r, rulesKey);
      const changes = statusChanges(ds, context(ds, filters, r, rulesKey), r, limit);
      if (!model)
        return {
          total: changes.total,
          rows: changes.rows.map((c) => ({ ...c, probability: null, factors: '' })),
          predictionOutcome: null,
        };
      const index = new Map<string, number>();
      const wanted = new Set(changes.rows.map((c) => c.leadId));
      ds.leads.id.forEach((id, i) => {
        if (wanted.has(id)) index.set(id, i);
      });
      const p = predictLeadsAt(
        ds,
        model,
        ds.meta.latestAt,
        Uint32Array.from(changes.rows, (c) => index.get(c.leadId)!),
      );
      const rows = changes.rows.map((c, k) => ({
        ...c,
        probability: p[k]!.probability,
        factors: p[k]!.factors.map((f) => `${f.feature} ${f.direction === 'up' ? '↑' : '↓'}`).join(', '),
      }));
      return { total: changes.total, rows, predictionOutcome: model.outcome };
    },
    async suggestWeights({ filters, rules, outcome, exclude, seed }) {
      const ds = requireDataset(state);
      await sumsReady(ds, clampRuleSet(rules));
      return suggestWeights(ds, rules, { asOf: ds.meta.latestAt, outcome, exclude, seed, mask: leadMask(ds, filters) });
    },
    async scoringCatalog() {
      const ds = requireDataset(state);
      return { attributes: listAttributes(ds), activityTypes: [...ds.activities.typeNames] };
    },
    async explainLead({ rules, leadId, model }) {
      const ds = requireDataset(state);
      const i = ds.leads.id.indexOf(leadId);
      if (i < 0) return null;
      const r = clampRuleSet(rules);
      const out = leadOutcomes(ds, {
        asOf: ds.meta.latestAt,
        maturityDays: r.maturityDays,
        scoringWindowDays: r.scoringWindowDays,
      });
      const p = model ? predictLeadsAt(ds, model, ds.meta.latestAt, Uint32Array.of(i))[0]! : null;
      return {
        ...explainLead(ds, r, i, Math.min(ds.meta.latestAt, out.cutoff[i]!)),
        prediction: p ? { ...p, outcome: model!.outcome } : null,
      };
    },
  };
}
