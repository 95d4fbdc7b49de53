import { describe, expect, it } from 'vitest';
import { encodeFeatures } from '../../../src/engine/kernel/kernel-columns';
import { allocateScoreCache, fullRecompute, type KernelAggregates } from '../../../src/engine/kernel/recompute';
import { buildThresholdIndex, isIndexable, recountFromCache, thresholdRecompute } from '../../../src/engine/kernel/threshold';
import { DEFAULT_KERNEL_WEIGHTS, type KernelThresholds } from '../../../src/engine/kernel/workload';
import { lcg, randomFeatures } from './random-features';

const plain = (a: KernelAggregates | null) =>
  a && { included: a.included, mql: a.mql, stageSource: Array.from(a.stageSource), tierSource: Array.from(a.tierSource), histogram: Array.from(a.histogram) };

describe('threshold-only recompute', () => {
  it('equals a full recompute for random whole-number thresholds, edges and out-of-range values included', () => {
    const f = encodeFeatures(randomFeatures(4000, 42));
    const w = { ...DEFAULT_KERNEL_WEIGHTS, halfLifeDays: 45 };
    const cache = allocateScoreCache(f.count);
    const base = fullRecompute(f, w, { mqlMinFit: 40, midIntent: 30, highIntent: 60 }, cache);
    const index = buildThresholdIndex(f, cache, base.histogram);
    const rnd = lcg(7);
    const pick = () => [-5, 0, 1, 99, 100, 101, 250][Math.floor(rnd() * 7)]!;
    const cases: KernelThresholds[] = [];
    for (let i = 0; i < 200; i++) {
      const edge = rnd() < 0.2;
      cases.push({
        mqlMinFit: edge ? pick() : Math.floor(rnd() * 101),
        midIntent: edge ? pick() : Math.floor(rnd() * 101),
        highIntent: Math.floor(rnd() * 101),
      });
    }
    for (const t of cases) {
      // Scores do not depend on thresholds: a full recompute with t is the ground truth.
      expect(plain(thresholdRecompute(index, t)), JSON.stringify(t)).toEqual(plain(fullRecompute(f, w, t)));
    }
  });

  it('refuses fractional thresholds, which the exact recount over cached scores handles', () => {
    const f = encodeFeatures(randomFeatures(2000, 5));
    const cache = allocateScoreCache(f.count);
    const base = fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, { mqlMinFit: 40, midIntent: 30, highIntent: 60 }, cache);
    const t = { mqlMinFit: 33.5, midIntent: 12.25, highIntent: 20.75 };
    expect(isIndexable(t)).toBe(false);
    expect(thresholdRecompute(buildThresholdIndex(f, cache, base.histogram), t)).toBeNull();
    expect(plain(recountFromCache(f, cache, t, base.histogram))).toEqual(plain(fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, t)));
  });

  it('handles a Mid threshold above the High one like the full pass (High wins, Mid is empty)', () => {
    const f = encodeFeatures(randomFeatures(1000, 11));
    const cache = allocateScoreCache(f.count);
    const base = fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, { mqlMinFit: 0, midIntent: 30, highIntent: 60 }, cache);
    const t = { mqlMinFit: 10, midIntent: 20, highIntent: 5 };
    const fast = thresholdRecompute(buildThresholdIndex(f, cache, base.histogram), t);
    expect(plain(fast)).toEqual(plain(fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, t)));
    expect(fast!.tierSource.subarray(f.sourceNames.length, 2 * f.sourceNames.length).every((n) => n === 0)).toBe(true);
  });
});
