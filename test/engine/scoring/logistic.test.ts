import { describe, expect, it } from 'vitest';
import { fitLogistic, holdoutSplit } from '../../../src/engine/scoring/logistic';

/** Deterministic uniform numbers for synthetic data (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fitLogistic', () => {
  it('recovers known weights on synthetic data', () => {
    // y ~ Bernoulli(sigmoid(−0.5 + 1.5·x1 − 2·x2 + 0·x3)), x ~ N(0,1) by Box–Muller, 40,000 rows.
    const r = rng(42);
    const n = 40_000;
    const d = 3;
    const X = new Float64Array(n * d);
    const y = new Uint8Array(n);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) X[i * d + k] = gauss();
      const z = -0.5 + 1.5 * X[i * d]! - 2 * X[i * d + 1]!;
      y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const m = fitLogistic(X, d, y, rows, { l2: 0.01 });
    expect(m.bias).toBeCloseTo(-0.5, 1);
    expect(m.weights[0]).toBeCloseTo(1.5, 1);
    expect(m.weights[1]).toBeCloseTo(-2, 1);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.05);
  });

  it('shrinks weights toward zero as the L2 penalty grows', () => {
    const X = Float64Array.of(-2, -1, 0, 1, 2, 3);
    const y = Uint8Array.of(0, 0, 1, 0, 1, 1);
    const rows = Uint32Array.from({ length: 6 }, (_, i) => i);
    const w = [0.01, 1, 100].map((l2) => Math.abs(fitLogistic(X, 1, y, rows, { l2 }).weights[0]!));
    expect(w[0]).toBeGreaterThan(w[1]!);
    expect(w[1]).toBeGreaterThan(w[2]!);
  });
});

describe('holdoutSplit', () => {
  it('is seeded: same seed same split, about the requested share, another seed differs', () => {
    const a = holdoutSplit(10_000, 0.3, 1);
    expect(holdoutSplit(10_000, 0.3, 1)).toEqual(a);
    const share = a.reduce((s, v) => s + v, 0) / 10_000;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.32);
    expect(holdoutSplit(10_000, 0.3, 2)).not.toEqual(a);
  });
});

describe('fitLogistic from a warm start', () => {
  it('reaches the same weights as from zero, in fewer steps', () => {
    const r = rng(9);
    const n = 2000;
    const X = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      X[i * 2] = r() * 2 - 1;
      X[i * 2 + 1] = r() * 2 - 1;
      y[i] = r() < 1 / (1 + Math.exp(-(0.3 + 2 * X[i * 2]! - X[i * 2 + 1]!))) ? 1 : 0;
    }
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const cold = fitLogistic(X, 2, y, rows, { l2: 10 });
    const near = fitLogistic(X, 2, y, rows, { l2: 1 });
    const warm = fitLogistic(X, 2, y, rows, { l2: 10, init: near });
    expect(warm.bias).toBeCloseTo(cold.bias, 6);
    expect(warm.weights[0]).toBeCloseTo(cold.weights[0]!, 6);
    expect(warm.weights[1]).toBeCloseTo(cold.weights[1]!, 6);
    expect(warm.iterations).toBeLessThan(cold.iterations);
  });
});
