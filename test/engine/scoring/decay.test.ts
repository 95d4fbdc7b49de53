import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decayFactor, decayRatePerMs, expDecay } from '../../../src/engine/scoring/decay';
import { DAY_MS } from '../../../src/engine/time';

/** The bound the module states against `Math.exp` where the result is normal: one unit in the last place. */
const BOUND = 2 ** -52;
const MIN_NORMAL = 2.2250738585072014e-308;
const YEAR_MS = 365.25 * DAY_MS;

const relativeError = (y: number) => Math.abs(expDecay(y) - Math.exp(y)) / Math.exp(y);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The double `steps` places away from zero from a negative y (towards zero when negative). */
function ulpsFrom(y: number, steps: number): number {
  f64[0] = y;
  const lo = u32[0]! + steps;
  u32[1] = u32[1]! + Math.floor(lo / 2 ** 32);
  u32[0] = lo >>> 0;
  return f64[0];
}

describe('the decay exponential', () => {
  it('is 1 exactly at age 0', () => {
    expect(expDecay(0)).toBe(1);
    expect(expDecay(-0)).toBe(1);
    expect(decayFactor(0, decayRatePerMs(30))).toBe(1);
  });

  it('halves at each half-life', () => {
    for (const h of [1, 7, 30, 365])
      for (const n of [1, 2, 3, 10]) expect(decayFactor(n * h * DAY_MS, decayRatePerMs(h))).toBeCloseTo(0.5 ** n, 15);
  });

  it('is within the bound of Math.exp, and 0.5^(age / half-life), for ages up to 20 years and half-lives of 1 to 3650 days', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20 * YEAR_MS, noNaN: true }),
        fc.double({ min: 1, max: 3650, noNaN: true }),
        (ageMs, halfLifeDays) => {
          const f = decayFactor(ageMs, decayRatePerMs(halfLifeDays));
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
          const y = ageMs * decayRatePerMs(halfLifeDays);
          const spec = 0.5 ** (ageMs / DAY_MS / halfLifeDays);
          if (Math.exp(y) >= MIN_NORMAL) {
            expect(relativeError(y)).toBeLessThanOrEqual(BOUND);
            // The SPEC's formula rounds its argument differently: a few units of y's last place.
            expect(Math.abs(f - spec) / spec).toBeLessThanOrEqual(1e-15 * (1 + Math.abs(y)));
          } else expect(f).toBeLessThan(MIN_NORMAL * 1.0001);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('is within the bound of Math.exp over the whole normal range, small arguments included', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 0, noNaN: true }), (y) => {
        expect(relativeError(y)).toBeLessThanOrEqual(BOUND);
      }),
      { numRuns: 20_000 },
    );
    for (let k = 0; k <= 2_100_000; k += 997) {
      const y = -k / 2954.639443740597;
      if (y >= -708) expect(relativeError(y)).toBeLessThanOrEqual(BOUND);
    }
  });

  it('never decreases as the argument grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -750, max: 0, noNaN: true }),
        fc.double({ min: -750, max: 0, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(expDecay(lo)).toBeLessThanOrEqual(expDecay(hi));
        },
      ),
      { numRuns: 20_000 },
    );
    // Across the table's steps, where one interval's polynomial meets the next: the 64 doubles on
    // each side of the midpoints (k + 1/2)·ln 2/N, every 101st k down to the least subnormal.
    for (let k = 0; k < 2_200_000; k += 101) {
      let y = ulpsFrom(-(k + 0.5) / 2954.639443740597, 64);
      let prev = expDecay(y);
      for (let s = 0; s < 128; s++) {
        y = ulpsFrom(y, -1);
        const v = expDecay(y);
        if (v < prev) expect.fail(`decreases at y = ${y}: ${prev} then ${v}`);
        prev = v;
      }
    }
  });

  it('is 0 far below the least subnormal, and for arguments it does not take', () => {
    expect(expDecay(-746)).toBe(0);
    expect(expDecay(-1e10)).toBe(0);
    expect(expDecay(-Infinity)).toBe(0);
    expect(expDecay(Number.NaN)).toBe(0);
    expect(decayFactor(8.64e15 * 2, decayRatePerMs(1))).toBe(0);
  });
});
