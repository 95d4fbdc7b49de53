/** Seeded random kernel inputs for property tests (no Math.random: a small LCG). */
import { allocateFeatures, type ScoringFeatures } from '../../../src/engine/kernel/features';
import { FEATURE_COUNT, FIT_COUNT, KERNEL_STAGES, NO_ACTIVITY_AGE } from '../../../src/engine/kernel/workload';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function randomFeatures(count: number, seed: number, sources = 4): ScoringFeatures {
  const rnd = lcg(seed);
  const names = Array.from({ length: sources }, (_, k) => `s${k}`);
  const f = allocateFeatures(count, names);
  let maxAgeDays = 0;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < FEATURE_COUNT; k++) {
      f.matrix[i * FEATURE_COUNT + k] = k < FIT_COUNT ? (rnd() < 0.4 ? 1 : 0) : rnd() < 0.5 ? 0 : Math.floor(rnd() * 5);
    }
    const age = rnd() < 0.1 ? NO_ACTIVITY_AGE : Math.floor(rnd() * 400);
    f.ageDays[i] = age;
    if (age !== NO_ACTIVITY_AGE) maxAgeDays = Math.max(maxAgeDays, age);
    f.source[i] = Math.floor(rnd() * sources);
    f.stage[i] = Math.floor(rnd() * KERNEL_STAGES.length);
    f.include[i] = rnd() < 0.95 ? 1 : 0;
  }
  return { ...f, maxAgeDays };
}
