import { describe, expect, it } from 'vitest';
import { encodeFeatures } from '../../../src/engine/kernel/kernel-columns';
import { allocateFeatures } from '../../../src/engine/kernel/features';
import {
  allocateAggregates,
  allocateScoreCache,
  fullRecompute,
  kernelTables,
  mergeAggregates,
  scoreRange,
  type KernelAggregates,
} from '../../../src/engine/kernel/recompute';
import {
  DEFAULT_KERNEL_THRESHOLDS,
  DEFAULT_KERNEL_WEIGHTS,
  FEATURE_COUNT,
  FIT_COUNT,
  NO_ACTIVITY_AGE,
  type KernelThresholds,
  type KernelWeights,
} from '../../../src/engine/kernel/workload';
import { randomFeatures } from './random-features';

/** The same definition written the slow, obvious way: one object per lead, map/filter. */
function reference(f: ReturnType<typeof randomFeatures>, w: KernelWeights, t: KernelThresholds): KernelAggregates {
  const S = f.sourceNames.length;
  const out = allocateAggregates(S);
  const leads = Array.from({ length: f.count }, (_, i) => ({
    x: Array.from(f.matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT)),
    age: f.ageDays[i]!,
    src: f.source[i]!,
    stage: f.stage[i]!,
    include: f.include[i] === 1,
  }));
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  for (const l of leads.filter((l) => l.include)) {
    const fit = clamp(w.fit.reduce((s, p, k) => s + p * l.x[k]!, 0));
    const raw = w.intent.reduce((s, p, k) => s + Math.min(w.caps[k]!, p * l.x[FIT_COUNT + k]!), 0);
    const intent = l.age === NO_ACTIVITY_AGE ? 0 : clamp(raw * Math.pow(0.5, l.age / w.halfLifeDays));
    out.included++;
    if (fit >= t.mqlMinFit && intent >= t.midIntent) {
      out.mql++;
      out.stageSource[l.stage * S + l.src]!++;
    }
    const tier = intent >= t.highIntent ? 0 : intent >= t.midIntent ? 1 : 2;
    out.tierSource[tier * S + l.src]!++;
    out.histogram[Math.min(49, Math.floor(intent / 2))]!++;
  }
  return out;
}

const plain = (a: KernelAggregates) => ({
  included: a.included,
  mql: a.mql,
  stageSource: Array.from(a.stageSource),
  tierSource: Array.from(a.tierSource),
  histogram: Array.from(a.histogram),
});

describe('fullRecompute', () => {
  it('scores a hand-worked lead', () => {
    const f = allocateFeatures(2, ['webinar', '(none)']);
    // Lead 0: ICP industry (20) + ICP employees (15) + buyer persona (15) = 50 fit points.
    // Intent: 3 pricing views → min(cap 20, 10 × 3) = 20; 1 demo request → 20; 1 unsubscribe → −20;
    // raw 20; latest activity 30 days ago with a 30-day half-life → × 0.5 = 10 intent points.
    const row = new Uint8Array(FEATURE_COUNT);
    row[0] = 1;
    row[1] = 1;
    row[5] = 1;
    row[FIT_COUNT + 1] = 3;
    row[FIT_COUNT + 2] = 1;
    row[FIT_COUNT + 9] = 1;
    f.matrix.set(row, 0);
    f.ageDays[0] = 30;
    f.stage[0] = 1;
    f.include[0] = 1;
    // Lead 1: a student on free mail: 10 (business e-mail is 0) − 40 − 15 → clamped to 0; no activity.
    f.matrix[FEATURE_COUNT + 8] = 1;
    f.matrix[FEATURE_COUNT + 9] = 1;
    f.ageDays[1] = NO_ACTIVITY_AGE;
    f.include[1] = 1;
    const cache = allocateScoreCache(2);
    const out = fullRecompute(encodeFeatures({ ...f, maxAgeDays: 30 }), DEFAULT_KERNEL_WEIGHTS, { mqlMinFit: 40, midIntent: 10, highIntent: 60 }, cache);
    expect(Array.from(cache.fit)).toEqual([50, 0]);
    expect(cache.intent[0]).toBeCloseTo(10, 12);
    expect(cache.intent[1]).toBe(0);
    // Lead 0 passes fit ≥ 40 and intent ≥ 10: one MQL, at stage mql (1), source 0 of 2 (webinar, none).
    expect(out.mql).toBe(1);
    expect(out.stageSource[1 * 2 + 0]).toBe(1);
    // Tiers: lead 0 is Mid (10 ≥ 10, < 60), lead 1 Low.
    expect(Array.from(out.tierSource)).toEqual([0, 0, 1, 0, 1, 0]);
    // Histogram: intent 10 → bin 5; intent 0 → bin 0.
    expect(out.histogram[5]).toBe(1);
    expect(out.histogram[0]).toBe(1);
  });

  it('never lets a single pricing view make a lead High intent', () => {
    const f = allocateFeatures(1, ['web']);
    f.matrix[FIT_COUNT + 1] = 1;
    f.include[0] = 1;
    const cache = allocateScoreCache(1);
    const out = fullRecompute(encodeFeatures({ ...f, maxAgeDays: 0 }), DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS, cache);
    expect(cache.intent[0]).toBe(10);
    expect(out.tierSource[0]).toBe(0);
  });

  it('equals the object-per-lead reference on random data', () => {
    for (const seed of [1, 2, 3]) {
      const wide = randomFeatures(3000, seed);
      const f = encodeFeatures(wide);
      const w = { ...DEFAULT_KERNEL_WEIGHTS, halfLifeDays: 10 + seed * 17 };
      const t = { mqlMinFit: 20 + seed * 5, midIntent: 5 + seed, highIntent: 25 + seed * 3 };
      expect(plain(fullRecompute(f, w, t))).toEqual(plain(reference(wide, w, t)));
    }
  });

  it('gives the same counts when leads are split into ranges and merged (as the workers do)', () => {
    const f = encodeFeatures(randomFeatures(5000, 9));
    const tables = kernelTables(f, DEFAULT_KERNEL_WEIGHTS);
    const cache = allocateScoreCache(f.count);
    const a = allocateAggregates(f.sourceNames.length);
    const b = allocateAggregates(f.sourceNames.length);
    scoreRange(f, tables, DEFAULT_KERNEL_THRESHOLDS, cache, a, 0, 1234);
    scoreRange(f, tables, DEFAULT_KERNEL_THRESHOLDS, cache, b, 1234, f.count);
    mergeAggregates(a, b);
    expect(plain(a)).toEqual(plain(fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS)));
  });

  it('refuses malformed weights and a non-positive half-life', () => {
    const f = encodeFeatures(randomFeatures(10, 1));
    expect(() => fullRecompute(f, { ...DEFAULT_KERNEL_WEIGHTS, fit: [1] }, DEFAULT_KERNEL_THRESHOLDS)).toThrow(/fit/);
    expect(() => fullRecompute(f, { ...DEFAULT_KERNEL_WEIGHTS, halfLifeDays: 0 }, DEFAULT_KERNEL_THRESHOLDS)).toThrow(/Half-life/);
  });

  it('counts nothing for an empty feature set', () => {
    const out = fullRecompute(encodeFeatures(allocateFeatures(0, ['x'])), DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS);
    expect(out.included).toBe(0);
    expect(out.histogram.every((n) => n === 0)).toBe(true);
  });
});
