import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { singleWeightChange, singleWeightRecompute, type KernelState } from '../../../src/engine/kernel/incremental';
import { encodeFeatures } from '../../../src/engine/kernel/kernel-columns';
import { allocateScoreCache, fullRecompute, kernelTables, type KernelAggregates } from '../../../src/engine/kernel/recompute';
import { DEFAULT_KERNEL_THRESHOLDS, DEFAULT_KERNEL_WEIGHTS, FIT_COUNT, INTENT_COUNT, type KernelWeights } from '../../../src/engine/kernel/workload';
import { randomFeatures } from './random-features';

const plain = (a: KernelAggregates) => ({
  included: a.included,
  mql: a.mql,
  stageSource: Array.from(a.stageSource),
  tierSource: Array.from(a.tierSource),
  histogram: Array.from(a.histogram),
});

function fullState(k: ReturnType<typeof encodeFeatures>, weights: KernelWeights, thresholds = DEFAULT_KERNEL_THRESHOLDS): KernelState {
  const cache = allocateScoreCache(k.count);
  const counts = fullRecompute(k, weights, thresholds, cache);
  return { weights, thresholds, tables: kernelTables(k, weights), counts, cache };
}

/** One slider step: a fit rule's points, an intent kind's points, or its cap. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('fit' as const), index: fc.integer({ min: 0, max: FIT_COUNT - 1 }), value: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('points' as const), index: fc.integer({ min: 0, max: INTENT_COUNT - 1 }), value: fc.integer({ min: -30, max: 40 }) }),
  fc.record({ kind: fc.constant('cap' as const), index: fc.integer({ min: 0, max: INTENT_COUNT - 1 }), value: fc.integer({ min: 0, max: 60 }) }),
);

function apply(w: KernelWeights, s: { kind: 'fit' | 'points' | 'cap'; index: number; value: number }): KernelWeights {
  const fit = [...w.fit];
  const intent = [...w.intent];
  const caps = [...w.caps];
  if (s.kind === 'fit') fit[s.index] = s.value;
  else if (s.kind === 'points') intent[s.index] = s.value;
  else caps[s.index] = s.value;
  return { ...w, fit, intent, caps };
}

describe('single-weight recompute', () => {
  it('recognises exactly one changed weight', () => {
    const w = DEFAULT_KERNEL_WEIGHTS;
    expect(singleWeightChange(w, { ...w, fit: w.fit.map((p, j) => (j === 3 ? p + 1 : p)) })).toEqual({ kind: 'fit', index: 3 });
    expect(singleWeightChange(w, { ...w, caps: w.caps.map((c, j) => (j === 2 ? c + 1 : c)) })).toEqual({ kind: 'intent', index: 2 });
    expect(singleWeightChange(w, w)).toBeNull();
    expect(singleWeightChange(w, { ...w, halfLifeDays: 10 })).toBeNull();
    expect(singleWeightChange(w, { ...w, fit: w.fit.map((p) => p + 1) })).toBeNull();
  });

  it('equals a full recompute after every step of random slider sequences', () => {
    const k = encodeFeatures(randomFeatures(3000, 5));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let state = fullState(k, DEFAULT_KERNEL_WEIGHTS);
        for (const s of steps) {
          const next = apply(state.weights, s);
          const inc = singleWeightRecompute(k, state, next, DEFAULT_KERNEL_THRESHOLDS);
          const full = fullState(k, next);
          if (inc === null) {
            // Only a step that changes nothing is refused.
            expect(singleWeightChange(state.weights, next)).toBeNull();
            state = full;
            continue;
          }
          expect(plain(inc.counts)).toEqual(plain(full.counts));
          expect(Array.from(inc.cache.fit)).toEqual(Array.from(full.cache.fit));
          expect(Array.from(inc.cache.intent)).toEqual(Array.from(full.cache.intent));
          state = inc;
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('refuses a change of half-life or thresholds (a full recompute is needed)', () => {
    const k = encodeFeatures(randomFeatures(200, 3));
    const state = fullState(k, DEFAULT_KERNEL_WEIGHTS);
    const moved = { ...DEFAULT_KERNEL_WEIGHTS, fit: DEFAULT_KERNEL_WEIGHTS.fit.map((p, j) => (j === 0 ? p + 5 : p)) };
    expect(singleWeightRecompute(k, state, moved, { ...DEFAULT_KERNEL_THRESHOLDS, mqlMinFit: 41 })).toBeNull();
    expect(singleWeightRecompute(k, state, { ...moved, halfLifeDays: 12 }, DEFAULT_KERNEL_THRESHOLDS)).toBeNull();
  });
});
