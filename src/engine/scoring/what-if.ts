/**
 * What-if of a rule set against the recorded process (SPEC §4 "What-if on thresholds"), over matured
 * leads (outcome known: see outcomes.ts), each scored as of its history cut-off.
 *
 * - Volume per stage: leads the model would make MQL, SQL, SQO.
 * - SDR workload: MQLs ÷ (SDRs × weeks), where SDRs are the distinct lead owners of the matured leads
 *   in scope (the team that would work them) and weeks the span of their creation dates (≥ 1).
 * - Precision: share of qualified leads that reached SQO (or won). Recall: share of all leads that
 *   reached SQO (or won) which the rule qualified. Rates are null when the denominator is 0.
 * - Won revenue captured: won amount (cents) of the qualified leads, and its share of all won amount.
 * - Status changes: leads the rule qualifies that the recorded process never made MQL, and the reverse.
 */
import type { Dataset } from '../model/columns';
import { DAY_MS } from '../time';
import type { LeadOutcomes } from './outcomes';
import { passesMql, type QualificationFlags } from './qualification';
import type { QualificationRules } from './rules';
import { NQ, Q, buildThresholdIndex, queryThresholds, type ThresholdIndex } from './threshold-index';

/** One column of the what-if comparison. Counts are leads; money integer cents; rates 0–1 or null. */
export interface WhatIfFigures {
  readonly mql: number;
  readonly sql: number;
  readonly sqo: number;
  /** New MQLs per SDR per week; null without SDRs. */
  readonly mqlPerSdrWeek: number | null;
  readonly precisionSqo: number | null;
  readonly recallSqo: number | null;
  readonly precisionWon: number | null;
  readonly recallWon: number | null;
  readonly wonCentsCaptured: number;
  readonly wonShareCaptured: number | null;
  /** Qualified by this rule but never MQL in the recorded process. */
  readonly newlyQualified: number;
  /** Recorded MQL (or later) but not qualified by this rule. */
  readonly dropped: number;
}

/** Everything the what-if needs that does not change with thresholds. */
export interface WhatIfContext {
  readonly fit: Float32Array;
  readonly intent: Float32Array;
  /** Matured leads in scope. */
  readonly mask: Uint8Array;
  readonly flags: QualificationFlags;
  readonly outcomes: LeadOutcomes;
  readonly index: ThresholdIndex;
  /** Totals over the mask: [n, _, _, reachedSqo, won, wonCents, recordedMql]. */
  readonly totals: Float64Array;
  readonly sdrs: number;
  readonly weeks: number;
}

const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The population of a what-if: matured leads in scope, and the SDR team and weeks they span. */
export interface WhatIfPopulation {
  readonly mask: Uint8Array;
  readonly sdrs: number;
  readonly weeks: number;
}

export function whatIfPopulation(ds: Dataset, mask: Uint8Array): WhatIfPopulation {
  const codes = ds.leads.owner.codes;
  const createdAt = ds.leads.createdAt;
  // One flag per owner code counts the distinct owners.
  let seen = new Uint8Array(256);
  let sdrs = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const o = codes[i]!;
    if (o >= seen.length) {
      const grown = new Uint8Array(Math.max(o + 1, seen.length * 2));
      grown.set(seen);
      seen = grown;
    }
    if (o >= 0 && !seen[o]) {
      seen[o] = 1;
      sdrs++;
    }
    const t = createdAt[i]!;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const weeks = hi >= lo ? Math.max(1, (hi - lo) / (7 * DAY_MS)) : 1;
  return { mask, sdrs, weeks };
}

/** A context from its parts (the index built over `population.mask`). */
export function whatIfContextOf(
  fit: Float32Array,
  intent: Float32Array,
  population: WhatIfPopulation,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
  index: ThresholdIndex,
): WhatIfContext {
  const totals = queryThresholds(index, 'two-score', 0, 0, 0);
  return {
    fit,
    intent,
    mask: population.mask,
    flags,
    outcomes,
    index,
    totals,
    sdrs: population.sdrs,
    weeks: population.weeks,
  };
}

export function buildWhatIfContext(
  ds: Dataset,
  fit: Float32Array,
  intent: Float32Array,
  mask: Uint8Array,
  flags: QualificationFlags,
  outcomes: LeadOutcomes,
  fitWeight: number,
): WhatIfContext {
  const index = buildThresholdIndex(fit, intent, mask, flags, outcomes, fitWeight);
  return whatIfContextOf(fit, intent, whatIfPopulation(ds, mask), flags, outcomes, index);
}

/** The totals of a what-if's population by name (counts of leads; won amounts in integer cents). */
export interface PopulationTotals {
  /** Matured leads in scope. */
  readonly matured: number;
  readonly reachedSqo: number;
  readonly won: number;
  readonly wonCents: number;
}

export function populationTotals(ctx: WhatIfContext): PopulationTotals {
  const t = ctx.totals;
  return { matured: t[Q.n]!, reachedSqo: t[Q.reachedSqo]!, won: t[Q.won]!, wonCents: t[Q.wonCents]! };
}

/** Figures from sums over the qualified leads (see Q); `sums` as queryThresholds returns. */
export function figuresFromSums(ctx: WhatIfContext, sums: Float64Array): WhatIfFigures {
  const t = ctx.totals;
  const mql = sums[Q.n]!;
  const both = sums[Q.recordedMql]!;
  return {
    mql,
    sql: sums[Q.sql]!,
    sqo: sums[Q.sqo]!,
    mqlPerSdrWeek: ctx.sdrs > 0 ? mql / (ctx.sdrs * ctx.weeks) : null,
    precisionSqo: rate(sums[Q.reachedSqo]!, mql),
    recallSqo: rate(sums[Q.reachedSqo]!, t[Q.reachedSqo]!),
    precisionWon: rate(sums[Q.won]!, mql),
    recallWon: rate(sums[Q.won]!, t[Q.won]!),
    wonCentsCaptured: sums[Q.wonCents]!,
    wonShareCaptured: rate(sums[Q.wonCents]!, t[Q.wonCents]!),
    newlyQualified: mql - both,
    dropped: t[Q.recordedMql]! - both,
  };
}

/** The what-if of MQL thresholds in O(1) from the index (exact for whole-point thresholds). */
export function whatIf(ctx: WhatIfContext, q: QualificationRules): WhatIfFigures {
  if (q.mqlMode === 'single-score' && q.fitWeight !== ctx.index.fitWeight) {
    throw new Error('The what-if index was built for another fit weight: rebuild the context.');
  }
  return figuresFromSums(ctx, queryThresholds(ctx.index, q.mqlMode, q.mqlMinFit, q.mqlMinIntent, q.mqlMinCombined));
}

/** The same figures by a full pass over the leads (the reference the index must equal). */
export function whatIfFull(ctx: WhatIfContext, q: QualificationRules): WhatIfFigures {
  const sums = new Float64Array(NQ);
  const { reachedSqo, won, wonCents, recordedMql } = ctx.outcomes;
  for (let i = 0; i < ctx.mask.length; i++) {
    if (!ctx.mask[i] || !passesMql(ctx.fit[i]!, ctx.intent[i]!, q)) continue;
    const sql = ctx.flags.sqlActivity[i]!;
    sums[Q.n]! += 1;
    sums[Q.sql]! += sql;
    sums[Q.sqo]! += sql & ctx.flags.criteriaMet[i]!;
    sums[Q.reachedSqo]! += reachedSqo[i]!;
    sums[Q.won]! += won[i]!;
    sums[Q.wonCents]! += won[i] ? wonCents[i]! : 0;
    sums[Q.recordedMql]! += recordedMql[i]!;
  }
  return figuresFromSums(ctx, sums);
}

const recordedSums = new WeakMap<Uint8Array, WeakMap<LeadOutcomes, Float64Array>>();

/**
 * The recorded process's figures over the same leads: MQL, SQL, SQO as the CRM recorded them. They
 * depend on the population and outcomes only, so the sums are cached per (mask, outcomes).
 */
export function recordedFigures(ctx: WhatIfContext): WhatIfFigures {
  return figuresFromSums(ctx, recordedProcessSums(ctx.mask, ctx.outcomes));
}

/**
 * The sums `recordedFigures` reads (see Q) over the leads of `mask`, cached per (mask, outcomes): a
 * caller waiting on other work computes them ahead.
 */
export function recordedProcessSums(mask: Uint8Array, outcomes: LeadOutcomes): Float64Array {
  let byOutcomes = recordedSums.get(mask);
  if (!byOutcomes) recordedSums.set(mask, (byOutcomes = new WeakMap()));
  let sums = byOutcomes.get(outcomes);
  if (!sums) {
    const { recordedStage, reachedSqo, won, wonCents, recordedMql } = outcomes;
    sums = new Float64Array(NQ);
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i] || !recordedMql[i]) continue;
      sums[Q.n]! += 1;
      sums[Q.sql]! += recordedStage[i]! >= 3 ? 1 : 0;
      sums[Q.sqo]! += reachedSqo[i]!;
      sums[Q.reachedSqo]! += reachedSqo[i]!;
      sums[Q.won]! += won[i]!;
      sums[Q.wonCents]! += won[i] ? wonCents[i]! : 0;
      sums[Q.recordedMql]! += 1;
    }
    byOutcomes.set(outcomes, sums);
  }
  return sums;
}
