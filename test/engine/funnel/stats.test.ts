import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateEstimate, wilsonInterval } from '../../../src/engine/funnel/stats';

describe('wilsonInterval', () => {
  it('bounds 3 of 10 at 10.8%–60.3%', () => {
    // p = 0.3, z² = 3.8416, z²/n = 0.38416, denominator = 1.38416
    // centre = (0.3 + 3.8416/20) / 1.38416 = 0.49208 / 1.38416 = 0.355508
    // half = 1.96 · √(0.21/10 + 3.8416/400) / 1.38416 = 1.96 · √0.030604 / 1.38416 = 1.96 · 0.174940 / 1.38416 = 0.247719
    // → [0.355508 − 0.247719, 0.355508 + 0.247719] = [0.107789, 0.603227]
    const ci = wilsonInterval(3, 10)!;
    expect(ci.lo).toBeCloseTo(0.1078, 4);
    expect(ci.hi).toBeCloseTo(0.6032, 4);
  });

  it('bounds 0 of 5 at 0%–43.4%', () => {
    // p = 0, z²/n = 0.76832, denominator = 1.76832
    // centre = (3.8416/10) / 1.76832 = 0.38416 / 1.76832 = 0.217246
    // half = 1.96 · √(3.8416/100) / 1.76832 = 1.96 · 0.196 / 1.76832 = 0.217246 → lo = 0, hi = 0.434491
    expect(wilsonInterval(0, 5)).toEqual({ lo: 0, hi: expect.closeTo(0.4345, 4) as number });
  });

  it('bounds 5 of 5 at 56.6%–100%: a perfect record on five is not a certain 100%', () => {
    // mirror of 0 of 5: lo = 1 − 0.434491 = 0.565509, hi = 1
    expect(wilsonInterval(5, 5)).toEqual({ lo: expect.closeTo(0.5655, 4) as number, hi: 1 });
  });

  it('bounds 1 of 1 at 20.7%–100%', () => {
    // p = 1, z²/n = 3.8416, denominator = 4.8416
    // centre = (1 + 1.9208) / 4.8416 = 0.603272; half = 1.96 · √(3.8416/4) / 4.8416 = 1.96 · 0.98 / 4.8416 = 0.396728
    // → [0.206543, 1]
    expect(wilsonInterval(1, 1)).toEqual({ lo: expect.closeTo(0.2065, 4) as number, hi: 1 });
  });

  it('bounds 15 of 40 (37.5%) at 24.2%–53.0%', () => {
    // p = 0.375, z²/n = 0.09604, denominator = 1.09604
    // centre = (0.375 + 0.04802) / 1.09604 = 0.385953
    // half = 1.96 · √(0.234375/40 + 3.8416/6400) / 1.09604 = 1.96 · √0.0064597 / 1.09604 = 1.96 · 0.080372 / 1.09604 = 0.143726
    // → [0.242227, 0.529679]
    const ci = wilsonInterval(15, 40)!;
    expect(ci.lo).toBeCloseTo(0.2422, 4);
    expect(ci.hi).toBeCloseTo(0.5297, 4);
  });

  it('is null with no trials, and for counts that are not a proportion', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(6, 5)).toBeNull();
    expect(wilsonInterval(-1, 5)).toBeNull();
  });

  it('narrows as the sample grows at the same rate', () => {
    const small = wilsonInterval(3, 10)!;
    const large = wilsonInterval(300, 1000)!;
    expect(large.hi - large.lo).toBeLessThan(small.hi - small.lo);
  });

  it('contains the rate and lies in [0, 1] for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const successes = Math.round(share * n);
        const ci = wilsonInterval(successes, n)!;
        const p = successes / n;
        expect(ci.lo).toBeGreaterThanOrEqual(0);
        expect(ci.hi).toBeLessThanOrEqual(1);
        expect(ci.lo).toBeLessThanOrEqual(p + 1e-12);
        expect(ci.hi).toBeGreaterThanOrEqual(p - 1e-12);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rateEstimate', () => {
  it('carries the rate, its denominator and its interval', () => {
    expect(rateEstimate(2, 2)).toEqual({ rate: 1, n: 2, lo: expect.closeTo(0.3424, 4) as number, hi: 1 });
  });

  it('says nothing about a rate without a denominator', () => {
    expect(rateEstimate(0, 0)).toEqual({ rate: null, n: 0, lo: null, hi: null });
  });
});
