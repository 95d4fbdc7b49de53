import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import {
  computeIntentSums,
  computeIntentSumsRange,
  joinIntentSums,
  placeIntentSums,
} from '../../../src/engine/scoring/intent-sums';
import { DAY_MS } from '../../../src/engine/time';

const ds = buildDataset(generateDemoCompany({ leads: 300, seed: 11 }).records);
const plain = (s: { start: Int32Array; type: Uint8Array; sum: Float64Array; leadsOfType: Int32Array }) => ({
  start: Array.from(s.start),
  type: Array.from(s.type),
  sum: Array.from(s.sum),
  leadsOfType: Array.from(s.leadsOfType),
});

describe('decayed sums computed over lead ranges', () => {
  it('joined in lead order, equal the sums computed in one pass, bit for bit, for any split', () => {
    const n = ds.leads.count;
    const asOf = ds.meta.latestAt;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        (cuts, halfLife, withCutoff) => {
          const cutoff = withCutoff
            ? Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? asOf - (i % 90) * DAY_MS : Number.NaN))
            : undefined;
          const bounds = [0, ...cuts.sort((a, b) => a - b), n];
          const parts = bounds
            .slice(1)
            .map((hi, k) => computeIntentSumsRange(ds.activities, bounds[k]!, hi, halfLife, asOf, cutoff));
          const joined = joinIntentSums(parts, halfLife, ds.activities.typeNames.length);
          const whole = computeIntentSums(ds, halfLife, asOf, cutoff);
          expect(plain(joined)).toEqual(plain(whole));
          expect(joined.start.length).toBe(n + 1);
          // Each part placed at its running totals, the last range first (as workers finishing in
          // any order place theirs), gives the same arrays.
          const entries = parts.reduce((s, p) => s + p.type.length, 0);
          const placed = {
            start: new Int32Array(n + 1),
            type: new Uint8Array(entries),
            sum: new Float64Array(entries),
            leadsOfType: whole.leadsOfType,
          };
          const at = parts.map((_, k) => parts.slice(0, k).reduce((s, p) => s + p.type.length, 0));
          for (let k = parts.length - 1; k >= 0; k--)
            placeIntentSums(parts[k]!, placed.start, placed.type, placed.sum, bounds[k]!, at[k]!);
          expect(plain(placed)).toEqual(plain(whole));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a range of no leads has no entries', () => {
    const part = computeIntentSumsRange(ds.activities, 7, 7, 30, ds.meta.latestAt);
    expect(Array.from(part.start)).toEqual([0]);
    expect(part.type.length).toBe(0);
  });
});
