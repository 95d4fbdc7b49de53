/**
 * The fused recompute: one pass over the encoded feature columns (./kernel-columns.ts) scores every
 * lead (fit and intent), caches the scores, and counts every aggregate the scoring views need —
 * MQL-rule leads by stage × source, intent tier × source, and the 50-bin intent histogram. Typed
 * arrays only: per lead, a fit-table lookup, a raw-intent lookup times a decay factor, and the
 * counts; the per-weights work is done once per table (1,024 fit codes, one row per intent pattern).
 */
import type { KernelColumns } from './kernel-columns';
import {
  FIT_COUNT,
  HISTOGRAM_BINS,
  INTENT_COUNT,
  INTENT_TIERS,
  KERNEL_STAGES,
  type KernelThresholds,
  type KernelWeights,
} from './workload';

/** Counts of one recompute. Index conventions are in each field's comment. */
export interface KernelAggregates {
  /** Leads counted (include = 1). */
  included: number;
  /** Leads passing the MQL rule. */
  mql: number;
  /** MQL-rule leads by recorded furthest stage × source: `stage * sources + source`. */
  readonly stageSource: Int32Array;
  /** Leads by intent tier × source: `tier * sources + source`, tiers High, Mid, Low. */
  readonly tierSource: Int32Array;
  /** Intent histogram: bin b counts 2b ≤ intent < 2b + 2 (the last bin includes 100). */
  readonly histogram: Int32Array;
}

/** Cached scores of every lead (fit and intent, 0–100), valid for one set of weights. */
export interface ScoreCache {
  readonly fit: Float64Array;
  readonly intent: Float64Array;
}

export function allocateAggregates(sources: number): KernelAggregates {
  return {
    included: 0,
    mql: 0,
    stageSource: new Int32Array(KERNEL_STAGES.length * sources),
    tierSource: new Int32Array(INTENT_TIERS.length * sources),
    histogram: new Int32Array(HISTOGRAM_BINS),
  };
}

export function allocateScoreCache(count: number, alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b)): ScoreCache {
  return { fit: new Float64Array(alloc(count * 8)), intent: new Float64Array(alloc(count * 8)) };
}

/** 0.5^(d / halfLifeDays) for d = 0 .. maxAgeDays. */
export function decayTable(halfLifeDays: number, maxAgeDays: number): Float64Array {
  if (!(halfLifeDays > 0)) throw new Error(`Half-life must be positive, got ${halfLifeDays}`);
  const table = new Float64Array(maxAgeDays + 1);
  for (let d = 0; d <= maxAgeDays; d++) table[d] = Math.pow(0.5, d / halfLifeDays);
  return table;
}

function checkWeights(w: KernelWeights): void {
  if (w.fit.length !== FIT_COUNT || w.intent.length !== INTENT_COUNT || w.caps.length !== INTENT_COUNT) {
    throw new Error(`Weights must have ${FIT_COUNT} fit, ${INTENT_COUNT} intent points and ${INTENT_COUNT} caps`);
  }
  if (w.caps.some((c) => !(c >= 0))) throw new Error('Caps must be 0 or more');
}

/** Per-weights lookup tables of the kernel: fit score per fit code, raw intent per pattern, decay per age. */
export interface KernelTables {
  /** Clamped fit score of each of the 1,024 fit codes. */
  readonly fit: Float64Array;
  /** Σ min(cap, points × count) of each intent pattern, before decay. */
  readonly rawIntent: Float64Array;
  /** 0.5^(d / halfLifeDays) for d = 0 .. maxAgeDays. */
  readonly decay: Float64Array;
}

/**
 * The lookup tables for one set of weights: 1,024 fit sums and one capped intent sum per pattern,
 * each added term by term in feature order, exactly as the definition does. `decay` may be passed
 * when the half-life has not changed.
 */
export function kernelTables(k: KernelColumns, w: KernelWeights, decay?: Float64Array): KernelTables {
  checkWeights(w);
  const fit = new Float64Array(1 << FIT_COUNT);
  for (let code = 0; code < fit.length; code++) {
    let s = 0;
    for (let j = 0; j < FIT_COUNT; j++) s += w.fit[j]! * ((code >> j) & 1);
    fit[code] = s < 0 ? 0 : s > 100 ? 100 : s;
  }
  // Each kind's capped points for every count 0–255, then one sum of ten lookups per pattern: the
  // same terms, added in the definition's order from 0 (Math.min per term is several times slower).
  const term = new Float64Array(INTENT_COUNT * 256);
  for (let j = 0; j < INTENT_COUNT; j++) {
    for (let n = 0; n < 256; n++) term[j * 256 + n] = Math.min(w.caps[j]!, w.intent[j]! * n);
  }
  const { patterns: m, patternCount } = k;
  const rawIntent = new Float64Array(patternCount);
  for (let id = 0, b = 0; id < patternCount; id++, b += INTENT_COUNT) {
    rawIntent[id] =
      0 +
      term[m[b]!]! + term[256 + m[b + 1]!]! + term[512 + m[b + 2]!]! + term[768 + m[b + 3]!]! + term[1024 + m[b + 4]!]! +
      term[1280 + m[b + 5]!]! + term[1536 + m[b + 6]!]! + term[1792 + m[b + 7]!]! + term[2048 + m[b + 8]!]! + term[2304 + m[b + 9]!]!;
  }
  return { fit, rawIntent, decay: decay ?? decayTable(w.halfLifeDays, k.maxAgeDays) };
}

/**
 * Scores leads `lo .. hi - 1` into `cache` and adds their counts to `out` (which may hold the counts
 * of other ranges: workers each run one range). `tables` come from `kernelTables`.
 */
export function scoreRange(
  k: KernelColumns,
  tables: KernelTables,
  t: KernelThresholds,
  cache: ScoreCache,
  out: KernelAggregates,
  lo: number,
  hi: number,
): void {
  const { fitCode, pattern, ageDays, source, stage, include } = k;
  const { fit: fitTable, rawIntent, decay } = tables;
  const { fit: fitOut, intent: intentOut } = cache;
  const S = k.sourceNames.length;
  const { stageSource, tierSource, histogram } = out;
  const { mqlMinFit, midIntent, highIntent } = t;
  let included = 0;
  let mql = 0;
  for (let i = lo; i < hi; i++) {
    if (include[i] === 0) continue;
    const fit = fitTable[fitCode[i]!]!;
    let intent = rawIntent[pattern[i]!]! * decay[ageDays[i]!]!;
    intent = intent < 0 ? 0 : intent > 100 ? 100 : intent;
    fitOut[i] = fit;
    intentOut[i] = intent;
    included++;
    const src = source[i]!;
    if (fit >= mqlMinFit && intent >= midIntent) {
      mql++;
      stageSource[stage[i]! * S + src]!++;
    }
    const tier = intent >= highIntent ? 0 : intent >= midIntent ? 1 : 2;
    tierSource[tier * S + src]!++;
    const bin = intent >= 100 ? HISTOGRAM_BINS - 1 : (intent * 0.5) | 0;
    histogram[bin]!++;
  }
  out.included += included;
  out.mql += mql;
}

/** Full recompute on one thread: scores every lead into `cache` and returns all counts. */
export function fullRecompute(
  k: KernelColumns,
  w: KernelWeights,
  t: KernelThresholds,
  cache: ScoreCache = allocateScoreCache(k.count),
): KernelAggregates {
  const out = allocateAggregates(k.sourceNames.length);
  scoreRange(k, kernelTables(k, w), t, cache, out, 0, k.count);
  return out;
}

/** Adds the counts of `b` into `a`. */
export function mergeAggregates(a: KernelAggregates, b: KernelAggregates): void {
  a.included += b.included;
  a.mql += b.mql;
  for (let i = 0; i < a.stageSource.length; i++) a.stageSource[i]! += b.stageSource[i]!;
  for (let i = 0; i < a.tierSource.length; i++) a.tierSource[i]! += b.tierSource[i]!;
  for (let i = 0; i < a.histogram.length; i++) a.histogram[i]! += b.histogram[i]!;
}
