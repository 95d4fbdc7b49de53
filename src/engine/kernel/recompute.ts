/**
 * The fused recompute: one pass over the feature matrix scores every lead (fit and intent), caches
 * the scores, and counts every aggregate the scoring views need — MQL-rule leads by stage × source,
 * intent tier × source, and the 50-bin intent histogram. Typed arrays only; the loop is unrolled
 * over the 20 features because this is the hottest path of the app.
 */
import type { ScoringFeatures } from './features';
import {
  FEATURE_COUNT,
  FIT_COUNT,
  HISTOGRAM_BINS,
  INTENT_COUNT,
  INTENT_TIERS,
  KERNEL_STAGES,
  NO_ACTIVITY_AGE,
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
}

/**
 * Scores leads `lo .. hi - 1` into `cache` and adds their counts to `out` (which may hold the counts
 * of other ranges: workers each run one range). `decay` comes from `decayTable`.
 */
export function scoreRange(
  f: ScoringFeatures,
  w: KernelWeights,
  t: KernelThresholds,
  decay: Float64Array,
  cache: ScoreCache,
  out: KernelAggregates,
  lo: number,
  hi: number,
): void {
  checkWeights(w);
  const m = f.matrix;
  const { ageDays, source, stage, include } = f;
  const { fit: fitOut, intent: intentOut } = cache;
  const S = f.sourceNames.length;
  const { stageSource, tierSource, histogram } = out;
  const [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9] = w.fit as [number, number, number, number, number, number, number, number, number, number];
  const [p0, p1, p2, p3, p4, p5, p6, p7, p8, p9] = w.intent as [number, number, number, number, number, number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9] = w.caps as [number, number, number, number, number, number, number, number, number, number];
  const { mqlMinFit, midIntent, highIntent } = t;
  let included = 0;
  let mql = 0;
  for (let i = lo; i < hi; i++) {
    if (include[i] === 0) continue;
    const b = i * FEATURE_COUNT;
    let fit =
      f0 * m[b]! + f1 * m[b + 1]! + f2 * m[b + 2]! + f3 * m[b + 3]! + f4 * m[b + 4]! +
      f5 * m[b + 5]! + f6 * m[b + 6]! + f7 * m[b + 7]! + f8 * m[b + 8]! + f9 * m[b + 9]!;
    fit = fit < 0 ? 0 : fit > 100 ? 100 : fit;
    const age = ageDays[i]!;
    let intent = 0;
    if (age !== NO_ACTIVITY_AGE) {
      const raw =
        Math.min(c0, p0 * m[b + 10]!) + Math.min(c1, p1 * m[b + 11]!) + Math.min(c2, p2 * m[b + 12]!) +
        Math.min(c3, p3 * m[b + 13]!) + Math.min(c4, p4 * m[b + 14]!) + Math.min(c5, p5 * m[b + 15]!) +
        Math.min(c6, p6 * m[b + 16]!) + Math.min(c7, p7 * m[b + 17]!) + Math.min(c8, p8 * m[b + 18]!) +
        Math.min(c9, p9 * m[b + 19]!);
      intent = raw * decay[age]!;
      intent = intent < 0 ? 0 : intent > 100 ? 100 : intent;
    }
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
  f: ScoringFeatures,
  w: KernelWeights,
  t: KernelThresholds,
  cache: ScoreCache = allocateScoreCache(f.count),
): KernelAggregates {
  const out = allocateAggregates(f.sourceNames.length);
  scoreRange(f, w, t, decayTable(w.halfLifeDays, f.maxAgeDays), cache, out, 0, f.count);
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
