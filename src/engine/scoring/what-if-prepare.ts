/**
 * Builds what-if contexts from a dataset and a rule set, and lists the leads whose status a rule set
 * changes. A context depends on everything but the MQL thresholds (see `thresholdFreeKey`), so a
 * cache keyed by that key serves a dragged threshold slider in O(1).
 */
import type { Dataset } from '../model/columns';
import { LEAD_STAGES } from '../model/stages';
import { intentSums, leadIntent, leadsByType } from './intent-sums';
import { readyIntentScores } from './intent';
import { leadOutcomes, type LeadOutcomes } from './outcomes';
import { cachedQualificationFlags, modelStages } from './qualification';
import type { RuleSet } from './rules';
import { rescoreCents, rescoreRange, type RescoreTask } from './rescore';
import { compileRules } from './score';
import { clampRuleSet } from './validate';
import {
  buildThresholdIndex,
  leadClasses,
  moveInThresholdIndex,
  prepareThresholdIndex,
  tallyLength,
  thresholdIndexOfTally,
  wonLeads,
} from './threshold-index';
import {
  recordedProcessSums,
  whatIfContextOf,
  whatIfPopulation,
  type WhatIfContext,
  type WhatIfPopulation,
} from './what-if';
import { conditionKey, type FitMatches } from './fit-matches';

/** The parts of a rule set a what-if context depends on: all but the MQL thresholds and tiers. */
export function thresholdFreeKey(r: RuleSet): string {
  const { mqlMinFit: _f, mqlMinIntent: _i, mqlMinCombined: _c, mqlMode: _m, ...q } = r.qualification;
  return JSON.stringify({ ...r, tiers: null, qualification: q });
}

const populations = new WeakMap<Uint8Array, WeakMap<LeadOutcomes, WhatIfPopulation>>();

/** Matured leads of the scope and their SDRs and weeks, cached per (scope array, outcomes). */
function population(ds: Dataset, scope: Uint8Array, out: LeadOutcomes): WhatIfPopulation {
  let byOutcomes = populations.get(scope);
  if (!byOutcomes) populations.set(scope, (byOutcomes = new WeakMap()));
  let hit = byOutcomes.get(out);
  if (!hit) {
    const mask = new Uint8Array(ds.leads.count);
    for (let i = 0; i < mask.length; i++) mask[i] = scope[i]! & out.matured[i]!;
    hit = whatIfPopulation(ds, mask);
    byOutcomes.set(out, hit);
  }
  return hit;
}

/**
 * The what-if context of a rule set over the leads in `scope` (a 0/1 mask). Outcomes, qualification
 * flags, the population, the fit rules' matches and the decayed activity sums are cached, so after
 * the first call a weight change is one pass over the leads (`whatIfPass`). Pass the same scope array
 * again to reuse the population.
 */
export function prepareWhatIf(ds: Dataset, rules: RuleSet, scope: Uint8Array, asOf: number): WhatIfContext {
  return runWhatIfPass(whatIfPass(ds, rules, scope, asOf));
}

/**
 * A full pass over the leads (./rescore.ts) computing a rule set's what-if context: what the pass
 * reads and writes (`task`), the length of its tally, and the context from the tally of every lead
 * (the counts of all ranges added up).
 */
export interface WhatIfPass {
  readonly task: RescoreTask;
  readonly leads: number;
  readonly tally: number;
  finish(counts: Int32Array): WhatIfContext;
}

/**
 * The pass of `prepareWhatIf(ds, rules, scope, asOf)`; `alloc` makes the arrays the scores are
 * written into (shared memory, for a pass split over threads).
 */
export function whatIfPass(
  ds: Dataset,
  rules: RuleSet,
  scope: Uint8Array,
  asOf: number,
  alloc: (n: number) => Float32Array = (n) => new Float32Array(n),
): WhatIfPass {
  const r = clampRuleSet(rules);
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  return passOver(ds, r, population(ds, scope, out), asOf, alloc);
}

/** `known`: scores of the leads that the rules do not change (as computed for them). */
function passOver(
  ds: Dataset,
  rules: RuleSet,
  pop: WhatIfPopulation,
  asOf: number,
  alloc: (n: number) => Float32Array,
  known: { readonly fit?: Float32Array; readonly intent?: Float32Array } = {},
): WhatIfPass {
  const compiled = compileRules(ds, rules);
  const r = compiled.rules;
  const n = ds.leads.count;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  const flags = cachedQualificationFlags(ds, r.qualification, out.opportunity, asOf);
  const classes = leadClasses(flags, out, n);
  // With the intent scores known the pass reads no sums (none is computed for it).
  const sums = known.intent ? NO_SUMS : intentSums(ds, r.halfLifeDays, asOf, out.cutoff);
  const { points, caps } = compiled.intent;
  // Computed with the sums (by the scoring pool) under the same points and caps: the same values.
  const intentIn = known.intent ?? readyIntentScores(ds, compiled.intent, asOf, out.cutoff) ?? null;
  const fitIn = known.fit ?? null;
  const task: RescoreTask = {
    combo: compiled.fit.matches.combo,
    byCombo: compiled.fit.byCombo,
    fitIn,
    sumStart: sums.start,
    sumType: sums.type,
    sumValue: sums.sum,
    points,
    caps,
    intentIn,
    mask: pop.mask,
    cls: classes.id,
    classes: classes.bits.length,
    fitWeight: r.qualification.fitWeight,
    fit: fitIn ?? alloc(n),
    intent: intentIn ?? alloc(n),
  };
  return {
    task,
    leads: n,
    tally: tallyLength(classes),
    finish(counts) {
      const { cents2, cents1 } = rescoreCents(task, wonLeads(classes), out.wonCents);
      const index = thresholdIndexOfTally(counts, cents2, cents1, classes, task.fitWeight);
      return whatIfContextOf(task.fit, task.intent, pop, flags, out, index);
    },
  };
}

const NO_SUMS = { start: new Int32Array(1), type: new Uint8Array(0), sum: new Float64Array(0) };

/**
 * The pass of `whatIfPass(ds, rules, scope, asOf, alloc)` reading the leads' intent scores from
 * `intent` instead of computing them from the decayed sums: for a caller that has the scores
 * computed with the sums under the rules' points and caps (`leadIntent` of each lead's entries,
 * as `readyIntentScores` gives them), written before the pass reads a lead's score.
 */
export function whatIfPassOfIntent(
  ds: Dataset,
  rules: RuleSet,
  scope: Uint8Array,
  asOf: number,
  intent: Float32Array,
  alloc: (n: number) => Float32Array = (n) => new Float32Array(n),
): WhatIfPass {
  const r = clampRuleSet(rules);
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  return passOver(ds, r, population(ds, scope, out), asOf, alloc, { intent });
}

/** Runs a pass on this thread. */
export function runWhatIfPass(pass: WhatIfPass): WhatIfContext {
  const counts = new Int32Array(pass.tally);
  rescoreRange(pass.task, 0, pass.leads, counts, 0);
  return pass.finish(counts);
}

/**
 * Computes and caches all `prepareWhatIf(ds, rules, scope, asOf)` reads besides the decayed activity
 * sums: the fit rules' matches, the outcomes, the population (and the recorded process's figures
 * over it), and with `flags` the qualification flags and the leads' classes in the threshold index
 * (without, when the SQL activity flags are computed elsewhere too). A caller whose sums are
 * computed elsewhere (a pool of workers) calls it while they are; `prepareWhatIf` then finds these
 * cached.
 */
export function prepareWhatIfBesidesSums(
  ds: Dataset,
  rules: RuleSet,
  scope: Uint8Array,
  asOf: number,
  flags = true,
): void {
  const compiled = compileRules(ds, rules);
  const r = compiled.rules;
  const out = leadOutcomes(ds, { asOf, maturityDays: r.maturityDays, scoringWindowDays: r.scoringWindowDays });
  recordedProcessSums(population(ds, scope, out).mask, out);
  if (!flags) return;
  const f = cachedQualificationFlags(ds, r.qualification, out.opportunity, asOf);
  prepareThresholdIndex(f, out, ds.leads.count);
}

/** A rule set with its weights blanked: two rule sets with equal skeletons differ only in weights. */
function skeleton(r: RuleSet): string {
  const { mqlMinFit: _f, mqlMinIntent: _i, mqlMinCombined: _c, mqlMode: _m, fitWeight: _w, ...q } = r.qualification;
  return JSON.stringify([
    r.fitRules.map(conditionKey),
    r.activities.map((a) => a.type),
    r.halfLifeDays,
    r.maturityDays,
    r.scoringWindowDays,
    q,
  ]);
}

/** Indexes where `a` and `b` (or `c` and `d`) differ. */
function differing(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: ArrayLike<number> = a,
  d: ArrayLike<number> = b,
): number[] {
  const out: number[] = [];
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k] || c[k] !== d[k]) out.push(k);
  return out;
}

/**
 * The context of `rules` derived from `base`, the context of `baseRules` over the same scope and
 * asOf, when the two differ only in weights: one activity type's points or cap (only leads with
 * activity of that type are rescored), fit rule points (only leads of the combos whose fit changed),
 * or the fit weight alone (scores reused, index rebuilt). Only leads whose score changed move in the
 * threshold index. The result equals `prepareWhatIf(ds, rules, …)` exactly (the same per-lead
 * arithmetic; the index sums integers). Returns null when the change is of another kind.
 */
export function updateWhatIf(
  ds: Dataset,
  base: WhatIfContext,
  baseRules: RuleSet,
  rules: RuleSet,
  asOf: number,
): WhatIfContext | null {
  const d = deriveWhatIf(ds, base, baseRules, rules, asOf);
  return d === null || 'ctx' in d ? (d?.ctx ?? null) : runWhatIfPass(d.pass);
}

/**
 * `updateWhatIf`, but a change that rescores most leads (a weight of an activity type most leads
 * have, fit points of combos holding most leads) is handed back as the full pass that computes it
 * (cheaper than lead by lead), for the caller to run on this thread or split over threads.
 */
export function deriveWhatIf(
  ds: Dataset,
  base: WhatIfContext,
  baseRules: RuleSet,
  rules: RuleSet,
  asOf: number,
  alloc: (n: number) => Float32Array = (n) => new Float32Array(n),
): { readonly ctx: WhatIfContext } | { readonly pass: WhatIfPass } | null {
  // Compare the clamped rule sets before compiling: compiling matches every fit rule over the leads.
  if (skeleton(clampRuleSet(baseRules)) !== skeleton(clampRuleSet(rules))) return null;
  const a = compileRules(ds, baseRules);
  const b = compileRules(ds, rules);
  const out = base.outcomes;
  const types = differing(a.intent.points, b.intent.points, a.intent.caps, b.intent.caps);
  // Same conditions, so the same matches: combo c of `a` is combo c of `b`.
  const combos = differing(a.fit.byCombo, b.fit.byCombo);
  const sameWeight = a.rules.qualification.fitWeight === b.rules.qualification.fitWeight;
  const pop: WhatIfPopulation = { mask: base.mask, sdrs: base.sdrs, weeks: base.weeks };
  if (types.length === 0 && combos.length === 0) {
    if (sameWeight) return { ctx: base };
    const index = buildThresholdIndex(
      base.fit,
      base.intent,
      base.mask,
      base.flags,
      out,
      b.rules.qualification.fitWeight,
    );
    return { ctx: whatIfContextOf(base.fit, base.intent, pop, base.flags, out, index) };
  }
  if (!sameWeight || (types.length > 0 && combos.length > 0) || types.length > 1) return null;
  const n = base.fit.length;
  let moved: Int32Array;
  let count = 0;
  let fit = base.fit;
  let intent = base.intent;
  if (types.length === 1) {
    const sums = intentSums(ds, b.intent.halfLifeDays, asOf, out.cutoff);
    const t = types[0]!;
    const { points, caps } = b.intent;
    // Most leads have the type: one pass over all of them is cheaper than lead by lead.
    if (sums.leadsOfType[t]! * 4 > n) return { pass: passOver(ds, b.rules, pop, asOf, alloc, { fit: base.fit }) };
    const byType = leadsByType(sums);
    const from = byType.typeStart[t]!;
    const to = byType.typeStart[t + 1]!;
    intent = base.intent.slice();
    moved = new Int32Array(to - from);
    for (let k = from; k < to; k++) {
      const i = byType.leads[k]!;
      const v = Math.fround(leadIntent(sums, i, points, caps));
      if (v === intent[i]) continue;
      intent[i] = v;
      if (base.mask[i]) moved[count++] = i;
    }
  } else {
    const { combo } = b.fit.matches;
    const sizes = comboSizes(b.fit.matches);
    let touched = 0;
    for (const c of combos) touched += sizes[c]!;
    if (touched * 4 > n) return { pass: passOver(ds, b.rules, pop, asOf, alloc, { intent: base.intent }) };
    fit = base.fit.slice();
    moved = new Int32Array(touched);
    const isChanged = new Uint8Array(b.fit.byCombo.length);
    for (const c of combos) isChanged[c] = 1;
    const byCombo = b.fit.byCombo;
    for (let i = 0; i < n; i++) {
      const c = combo[i]!;
      if (!isChanged[c]) continue;
      const v = byCombo[c]!;
      if (v === fit[i]) continue;
      fit[i] = v;
      if (base.mask[i]) moved[count++] = i;
    }
  }
  // Moving a lead costs about twice adding it and more in scattered reads: past a quarter, rebuild.
  const index =
    count * 4 > n
      ? buildThresholdIndex(fit, intent, base.mask, base.flags, out, base.index.fitWeight)
      : moveInThresholdIndex(base.index, moved, count, base.fit, base.intent, fit, intent, base.flags, out);
  return { ctx: whatIfContextOf(fit, intent, pop, base.flags, out, index) };
}

const sizesCache = new WeakMap<FitMatches, Int32Array>();

/** Leads per combo (cached per matches). */
function comboSizes(m: FitMatches): Int32Array {
  let hit = sizesCache.get(m);
  if (!hit) {
    hit = new Int32Array(m.combos);
    const { combo } = m;
    for (let i = 0; i < combo.length; i++) hit[combo[i]!]!++;
    sizesCache.set(m, hit);
  }
  return hit;
}

/** A lead whose model stage differs from its recorded stage. */
export interface StatusChange {
  readonly leadId: string;
  readonly recordedStage: string;
  readonly modelStage: string;
  readonly fit: number;
  readonly intent: number;
  /** `newly qualified`, `dropped`, or `other stage`. */
  readonly change: string;
}

const STAGE_NAME = (code: number) => LEAD_STAGES[code] ?? 'lead';

/** Matured leads whose model MQL status differs from the recorded one (first `limit` by score). */
export function statusChanges(
  ds: Dataset,
  ctx: WhatIfContext,
  rules: RuleSet,
  limit: number,
): { readonly total: number; readonly rows: readonly StatusChange[] } {
  const stages = modelStages(ctx.fit, ctx.intent, rules.qualification, ctx.flags);
  const picked: number[] = [];
  let total = 0;
  for (let i = 0; i < stages.length; i++) {
    if (!ctx.mask[i]) continue;
    const modelQualified = stages[i]! >= 1;
    if (modelQualified === (ctx.outcomes.recordedMql[i] === 1)) continue;
    total++;
    picked.push(i);
  }
  const rows = topByScore(ctx, picked, limit).map((i) => {
    const model = stages[i]!;
    return {
      leadId: ds.leads.id[i] ?? '',
      recordedStage: STAGE_NAME(ctx.outcomes.recordedStage[i]!),
      modelStage: STAGE_NAME(model),
      fit: ctx.fit[i]!,
      intent: ctx.intent[i]!,
      change: model >= 1 ? 'newly qualified' : 'dropped',
    };
  });
  return { total, rows };
}

/**
 * The first `limit` of `leads` (ascending row order) sorted by fit + intent, highest first, ties in
 * row order: the same as sorting them all, but only the leads whose whole-point score bucket reaches
 * the limit are sorted.
 */
function topByScore(ctx: WhatIfContext, leads: readonly number[], limit: number): number[] {
  const key = (i: number) => ctx.fit[i]! + ctx.intent[i]!;
  const bucket = (i: number) => Math.min(200, Math.max(0, Math.floor(key(i))));
  const counts = new Int32Array(201);
  for (const i of leads) counts[bucket(i)]!++;
  let from = 200;
  for (let seen = counts[200]!; from > 0 && seen < limit;) seen += counts[--from]!;
  const candidates = leads.filter((i) => bucket(i) >= from);
  candidates.sort((a, b) => key(b) - key(a));
  return candidates.slice(0, Math.max(0, limit));
}
