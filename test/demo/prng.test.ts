import { describe, expect, it } from 'vitest';
import { Rng, weightedTable } from '../../src/demo/prng';

describe('the seeded PRNG', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(sa);
  });

  it('works from seed 0', () => {
    const r = new Rng(0);
    const values = new Set(Array.from({ length: 100 }, () => r.u32()));
    expect(values.size).toBe(100);
  });

  it('keeps uniform draws in [0, 1) and integers within their inclusive bounds', () => {
    const r = new Rng(1);
    let lo = 1;
    let hi = 0;
    const ints = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const u = r.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      ints.add(r.int(3, 6));
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws normals with mean 0 and standard deviation 1, and log-normals around their median', () => {
    const r = new Rng(2);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
      if (r.lognormal(40, 0.5) < 40) below++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sq / n) - 1)).toBeLessThan(0.02);
    expect(Math.abs(below / n - 0.5)).toBeLessThan(0.01);
  });

  it('picks weighted items in proportion to their weights', () => {
    const r = new Rng(3);
    const t = weightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    let b = 0;
    for (let i = 0; i < 40_000; i++) if (r.weighted(t) === 'b') b++;
    expect(Math.abs(b / 40_000 - 0.75)).toBeLessThan(0.01);
  });

  it('draws Poisson counts with the asked mean', () => {
    const r = new Rng(4);
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += r.poisson(6);
    expect(Math.abs(sum / 50_000 - 6)).toBeLessThan(0.05);
  });
});
