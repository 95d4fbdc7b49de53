/**
 * The single-weight path: when one weight moves (a fit rule's points, or one intent kind's points or
 * cap) and the half-life and thresholds stay, only the leads that have that feature can change
 * score. They are found with one read of a 2-byte fit code or a 4-byte pattern id per lead; each
 * changed lead moves its counts out of its old cells and into its new ones, and its cached scores
 * are overwritten. Scores come from the same lookup tables as a full recompute, so the cache and
 * every count stay exactly equal to a full recompute (tests check this on random data).
 */
import type { KernelColumns } from './kernel-columns';
import { kernelTables, type KernelAggregates, type KernelTables, type ScoreCache } from './recompute';
import { FIT_COUNT, HISTOGRAM_BINS, INTENT_COUNT, type KernelThresholds, type KernelWeights } from './workload';

/** The state a full recompute leaves: its weights, thresholds, tables, counts and cached scores. */
export interface KernelState {
  readonly weights: KernelWeights;
  readonly thresholds: KernelThresholds;
  readonly tables: KernelTables;
  readonly counts: KernelAggregates;
  readonly cache: ScoreCache;
}

/** The one weight that differs between two weight sets, or null when none or several do. */
export type WeightChange = { readonly kind: 'fit'; readonly index: number } | { readonly kind: 'intent'; readonly index: number } | null;

export function singleWeightChange(a: KernelWeights, b: KernelWeights): WeightChange {
  if (a.halfLifeDays !== b.halfLifeDays) return null;
  let change: WeightChange = null;
  let changes = 0;
  for (let j = 0; j < FIT_COUNT; j++) {
    if (a.fit[j] !== b.fit[j]) {
      change = { kind: 'fit', index: j };
      changes++;
    }
  }
  for (let j = 0; j < INTENT_COUNT; j++) {
    if (a.intent[j] !== b.intent[j] || a.caps[j] !== b.caps[j]) {
      change = { kind: 'intent', index: j };
      changes++;
    }
  }
  return changes === 1 ? change : null;
}

const sameThresholds = (a: KernelThresholds, b: KernelThresholds) =>
  a.mqlMinFit === b.mqlMinFit && a.midIntent === b.midIntent && a.highIntent === b.highIntent;

function cloneCounts(c: KernelAggregates): KernelAggregates {
  return { included: c.included, mql: c.mql, stageSource: c.stageSource.slice(), tierSource: c.tierSource.slice(), histogram: c.histogram.slice() };
}

/**
 * Applies `weights` to `prev` when they differ from `prev.weights` in exactly one weight (same
 * half-life, same thresholds): updates `prev.cache` in place and returns the new state. Returns null
 * when the change is not a single weight; then run a full recompute.
 */
export function singleWeightRecompute(k: KernelColumns, prev: KernelState, weights: KernelWeights, thresholds: KernelThresholds): KernelState | null {
  const change = singleWeightChange(prev.weights, weights);
  if (change === null || !sameThresholds(prev.thresholds, thresholds)) return null;
  const tables = kernelTables(k, weights, prev.tables.decay);
  const counts = cloneCounts(prev.counts);
  const { fit: fitTable, rawIntent, decay } = tables;
  const { fitCode, pattern, ageDays, source, stage, include } = k;
  const { fit: fitCache, intent: intentCache } = prev.cache;
  const S = k.sourceNames.length;
  const { stageSource, tierSource, histogram } = counts;
  const { mqlMinFit, midIntent, highIntent } = thresholds;

  // Which leads can move: a fit bit, or the patterns whose raw intent changed.
  const bit = change.kind === 'fit' ? 1 << change.index : 0;
  const changedPattern = new Uint8Array(change.kind === 'intent' ? k.patternCount : 0);
  if (change.kind === 'intent') {
    for (let p = 0; p < k.patternCount; p++) changedPattern[p] = rawIntent[p] !== prev.tables.rawIntent[p] ? 1 : 0;
  }

  for (let i = 0; i < k.count; i++) {
    if (bit !== 0 ? (fitCode[i]! & bit) === 0 : changedPattern[pattern[i]!] === 0) continue;
    if (include[i] === 0) continue;
    const fit = fitTable[fitCode[i]!]!;
    let intent = rawIntent[pattern[i]!]! * decay[ageDays[i]!]!;
    intent = intent < 0 ? 0 : intent > 100 ? 100 : intent;
    const oldFit = fitCache[i]!;
    const oldIntent = intentCache[i]!;
    if (fit === oldFit && intent === oldIntent) continue;
    const src = source[i]!;
    const g = stage[i]! * S + src;
    if (oldFit >= mqlMinFit && oldIntent >= midIntent) {
      counts.mql--;
      stageSource[g]!--;
    }
    if (fit >= mqlMinFit && intent >= midIntent) {
      counts.mql++;
      stageSource[g]!++;
    }
    if (intent !== oldIntent) {
      tierSource[(oldIntent >= highIntent ? 0 : oldIntent >= midIntent ? 1 : 2) * S + src]!--;
      tierSource[(intent >= highIntent ? 0 : intent >= midIntent ? 1 : 2) * S + src]!++;
      histogram[oldIntent >= 100 ? HISTOGRAM_BINS - 1 : (oldIntent * 0.5) | 0]!--;
      histogram[intent >= 100 ? HISTOGRAM_BINS - 1 : (intent * 0.5) | 0]!++;
    }
    fitCache[i] = fit;
    intentCache[i] = intent;
  }
  return { weights, thresholds, tables, counts, cache: prev.cache };
}
