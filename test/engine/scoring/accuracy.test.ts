import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibration, liftByDecile, rankOrder, rocAuc, tierOutcomes } from '../../../src/engine/scoring/accuracy';

describe('rocAuc', () => {
  it('matches a hand count on a tiny case', () => {
    // Positives score 0.9, 0.4; negatives 0.7, 0.4, 0.1.
    // Pairs (pos > neg): 0.9 beats all 3 → 3; 0.4 beats 0.1 → 1, ties 0.4 → ½; total 4.5 of 6.
    const auc = rocAuc(Float64Array.of(0.9, 0.7, 0.4, 0.4, 0.1), Uint8Array.of(1, 0, 1, 0, 0));
    expect(auc).toBeCloseTo(4.5 / 6, 12);
  });

  it('is null with one class only, and respects the mask', () => {
    expect(rocAuc(Float64Array.of(1, 2), Uint8Array.of(1, 1))).toBeNull();
    expect(rocAuc(Float64Array.of(), Uint8Array.of())).toBeNull();
    // Masking out the negative 0.7 leaves pairs: 0.9>0.4, 0.9>0.1, 0.4=0.4 (½), 0.4>0.1 → 3.5 of 4.
    expect(
      rocAuc(Float64Array.of(0.9, 0.7, 0.4, 0.4, 0.1), Uint8Array.of(1, 0, 1, 0, 0), Uint8Array.of(1, 0, 1, 1, 1)),
    ).toBeCloseTo(3.5 / 4);
  });

  it('equals the Mann–Whitney pair count on random data (with ties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 0, maxLength: 80 }),
        (rows) => {
          const s = Float64Array.from(rows, (r) => r[0]);
          const y = Uint8Array.from(rows, (r) => (r[1] ? 1 : 0));
          let wins = 0;
          let pos = 0;
          let neg = 0;
          for (const [a, ya] of rows) {
            if (ya) pos++;
            else neg++;
            if (!ya) continue;
            for (const [b, yb] of rows) if (!yb) wins += a > b ? 1 : a === b ? 0.5 : 0;
          }
          const expected = pos && neg ? wins / (pos * neg) : null;
          const got = rocAuc(s, y);
          if (expected === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(expected, 10);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('liftByDecile', () => {
  it('cuts twenty leads into tenths from the top and divides by the overall rate', () => {
    // Scores 20..1; the top four convert: overall 4/20 = 0.2. Decile 1 (20, 19): 2/2 → lift 5;
    // decile 2 (18, 17): 2/2 → 5; the rest 0.
    const s = Float64Array.from({ length: 20 }, (_, i) => 20 - i);
    const y = Uint8Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0));
    const l = liftByDecile(s, y);
    expect(l.map((d) => d.leads)).toEqual(Array(10).fill(2));
    expect(l[0]).toMatchObject({ decile: 1, converted: 2, rate: 1, lift: 5, minScore: 19, maxScore: 20 });
    expect(l[1]!.lift).toBe(5);
    expect(l[2]!.lift).toBe(0);
  });

  it('gives null lift when nothing converted, null rate for empty deciles', () => {
    const l = liftByDecile(Float64Array.of(3, 2, 1), Uint8Array.of(0, 0, 0));
    expect(l.every((d) => d.lift === null)).toBe(true);
    expect(l.filter((d) => d.leads === 0).every((d) => d.rate === null)).toBe(true);
  });
});

describe('calibration', () => {
  it('bins scores by 10 points and compares mean score ÷ 100 with the observed rate', () => {
    const c = calibration(Float64Array.of(5, 15, 95, 100, 91), Uint8Array.of(0, 1, 1, 1, 0));
    expect(c[0]).toEqual({ from: 0, leads: 1, predicted: 0.05, observed: 0 });
    expect(c[1]).toEqual({ from: 10, leads: 1, predicted: 0.15, observed: 1 });
    // 95, 100, 91 → mean 95.33 / 100; 2 of 3 converted.
    expect(c[9]!.leads).toBe(3);
    expect(c[9]!.predicted).toBeCloseTo((0.95 + 1 + 0.91) / 3);
    expect(c[9]!.observed).toBeCloseTo(2 / 3);
    expect(c[5]).toEqual({ from: 50, leads: 0, predicted: null, observed: null });
  });
});

describe('tierOutcomes', () => {
  it('counts conversion and won revenue per tier over the mask', () => {
    const t = tierOutcomes(
      Uint8Array.of(0, 0, 1, 2, 2),
      Uint8Array.of(1, 0, 1, 0, 1),
      Uint8Array.of(1, 0, 0, 0, 1),
      Float64Array.of(100, 0, 0, 0, 50),
      Uint8Array.of(1, 1, 1, 1, 0),
    );
    expect(t[0]).toMatchObject({ leads: 2, reachedSqo: 1, won: 1, wonCents: 100, sqoRate: 0.5, winRate: 0.5 });
    expect(t[1]).toMatchObject({ leads: 1, reachedSqo: 1, won: 0, wonCents: 0, sqoRate: 1, winRate: 0 });
    expect(t[2]).toMatchObject({ leads: 1, reachedSqo: 0, won: 0, wonCents: 0, sqoRate: 0, winRate: 0 });
    // Each rate with its sample and 95% Wilson interval: 1 of 2 → [0.0945, 0.9055] (see stats.test.ts); 1 of 1 → [0.2065, 1].
    expect(t[0].win).toMatchObject({
      rate: 0.5,
      n: 2,
      lo: expect.closeTo(0.0945, 4) as number,
      hi: expect.closeTo(0.9055, 4) as number,
    });
    expect(t[1].sqo).toMatchObject({ rate: 1, n: 1, lo: expect.closeTo(0.2065, 4) as number, hi: 1 });
  });
});

describe('rank order of float32 scores (radix sort)', () => {
  it('equals a stable comparison sort, and AUC and lift equal those over the same numbers as doubles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4096, max: 9000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom(3, 101, 100_000),
        (n, seed, levels) => {
          let s = seed >>> 0;
          const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
          // Few distinct values (many ties), whole points, or fine fractions; −0 and +0 both present.
          const score = Float32Array.from({ length: n }, (_, i) =>
            i % 997 === 0 ? -0 : (Math.floor(rnd() * levels) / levels) * 100 - (levels === 3 ? 50 : 0),
          );
          const label = Uint8Array.from({ length: n }, () => (rnd() < 0.3 ? 1 : 0));
          const mask = Uint8Array.from({ length: n }, () => (rnd() < 0.8 ? 1 : 0));
          const plain = Array.from(score);
          const expected = Uint32Array.from(plain.flatMap((_, i) => (mask[i] ? [i] : []))).sort(
            (a, b) => plain[a]! - plain[b]!,
          );
          expect(Array.from(rankOrder(score, mask))).toEqual(Array.from(expected));
          expect(rocAuc(score, label, mask)).toBe(rocAuc(plain, label, mask));
          expect(liftByDecile(score, label, mask)).toEqual(liftByDecile(plain, label, mask));
        },
      ),
      { numRuns: 12 },
    );
  });
});
