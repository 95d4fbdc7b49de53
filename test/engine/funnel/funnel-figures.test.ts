import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { leadMask, NO_SOURCE, type Filters } from '../../../src/engine/filters/filters';
import { funnelFigures, reachFigures, type FigureOptions } from '../../../src/engine/funnel/funnel-figures';
import { groupsFor } from '../../../src/engine/funnel/groups';
import { computeReach, type FunnelMode } from '../../../src/engine/funnel/reach';
import { sortedOrder } from '../../../src/engine/model/sorted-order';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { SEGMENTS } from '../../../src/engine/segments';
import { quarterIndexOf, quarterNumber, quarterStartOf } from '../../../src/engine/time';
import { instant, recordSetArb } from '../../fixtures/record-arbitraries';

const DAY = 86_400_000;
const DIMENSIONS = ['source', 'segment', 'quarter', 'owner', 'industry', 'campaign'];

/** A filter over the dataset's own sources and owners (some unknown), segments and creation dates. */
function filtersArb(ds: Dataset): fc.Arbitrary<Filters> {
  const span = fc
    .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) })
    .map((t) => Math.floor(t / DAY) * DAY);
  return fc.record(
    {
      sources: fc.subarray([...ds.leads.source.values, NO_SOURCE, 'no such source']),
      segments: fc.subarray([...SEGMENTS]),
      owners: fc.subarray([...ds.leads.owner.values, ...ds.opportunities.owner.values].slice(0, 6)),
      from: fc.oneof(span, instant),
      to: fc.oneof(span, instant),
    },
    { requiredKeys: [] },
  );
}

const optionsArb = fc.record({
  mode: fc.constantFrom<FunnelMode>('inclusive', 'strict'),
  basis: fc.constantFrom('cohort' as const, 'period' as const),
  windowDays: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 400 })),
  dimension: fc.constantFrom(...DIMENSIONS),
});

/** The figures the per-lead definitions give: a stage reach of the filtered leads, then tally, conversion… */
function reference(ds: Dataset, f: Filters, asOf: number, mode: FunnelMode, opts: FigureOptions) {
  return reachFigures(ds, computeReach(ds, leadMask(ds, f), asOf, mode), opts);
}

describe('funnel figures from the lead facts', () => {
  it('equal the per-lead figures on random demo companies, filters, as-of dates, modes and breakdowns', () => {
    const companies = new Map<number, Dataset>();
    const company = (seed: number) => {
      let ds = companies.get(seed);
      if (!ds) companies.set(seed, (ds = buildDataset(generateDemoCompany({ leads: 400, seed }).records)));
      return ds;
    };
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 700 }))
          .chain(([seed, daysBack]) => filtersArb(company(seed)).map((f) => [seed, daysBack, f] as const)),
        optionsArb,
        ([seed, daysBack, f], o) => {
          const ds = company(seed);
          const asOf = ds.meta.latestAt - daysBack * DAY;
          const opts = { basis: o.basis, windowDays: o.windowDays, groups: groupsFor(ds, o.dimension)! };
          expect(funnelFigures(ds, f, asOf, o.mode, opts)).toEqual(reference(ds, f, asOf, o.mode, opts));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('equal the per-lead figures on random record sets (any history, dates out of order, unknown times)', () => {
    fc.assert(
      fc.property(
        recordSetArb(true).chain((rs) => {
          const ds = buildDataset(rs);
          return fc.tuple(fc.constant(ds), filtersArb(ds));
        }),
        instant,
        optionsArb,
        ([ds, f], asOf, o) => {
          const opts = { basis: o.basis, windowDays: o.windowDays, groups: groupsFor(ds, o.dimension)! };
          expect(funnelFigures(ds, f, asOf, o.mode, opts)).toEqual(reference(ds, f, asOf, o.mode, opts));
          // A second filter on the same dataset and as-of reuses the facts kept for the first.
          expect(funnelFigures(ds, {}, asOf, o.mode, opts)).toEqual(reference(ds, {}, asOf, o.mode, opts));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('keep one filter independent of the filters asked before it', () => {
    const ds = buildDataset(generateDemoCompany({ leads: 300, seed: 9 }).records);
    const opts: FigureOptions = { basis: 'cohort', windowDays: null, groups: groupsFor(ds, 'source')! };
    const asOf = ds.meta.latestAt;
    const sources = ds.leads.source.values;
    const first = funnelFigures(ds, { sources: [sources[0]!] }, asOf, 'inclusive', opts);
    funnelFigures(ds, { sources: [sources[1]!] }, asOf, 'inclusive', opts);
    funnelFigures(ds, {}, asOf - 90 * DAY, 'strict', opts);
    expect(funnelFigures(ds, { sources: [sources[0]!] }, asOf, 'inclusive', opts)).toEqual(first);
    expect(first.total.counts.lead).toBeGreaterThan(0);
    expect(first.total.counts.lead).toBeLessThan(funnelFigures(ds, {}, asOf, 'inclusive', opts).total.counts.lead);
  });
});

describe('quarterStartOf', () => {
  it('is where quarterNumber moves to the quarter: its first millisecond is in it, the one before is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4 * 270_000, max: 4 * 275_000 }), fc.integer({ min: 1, max: 12 }), (q, fy) => {
        const start = quarterStartOf(q, fy);
        expect(quarterNumber(start, fy)).toBe(q);
        expect(quarterNumber(start - 1, fy)).toBe(q - 1);
      }),
      { numRuns: 2000 },
    );
    expect(quarterNumber(quarterStartOf(50 * 4 + 1), 1)).toBe(50 * 4 + 1); // year 50, not 1950
  });
});

describe('quarterNumber', () => {
  it('is the fiscal quarter number of quarterIndexOf, without a Date', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
          instant,
        ),
        fc.integer({ min: 1, max: 12 }),
        (ms, fy) => {
          expect(quarterNumber(ms, fy)).toBe(quarterIndexOf(ms, fy));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is NaN where a Date is invalid', () => {
    expect(quarterNumber(NaN)).toBeNaN();
    expect(quarterNumber(Infinity)).toBeNaN();
    expect(quarterNumber(8.64e15 + 1)).toBeNaN();
  });
});

describe('sortedOrder', () => {
  it('orders numbers as Float64Array sort does, equal values in input order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }),
            fc.integer({ min: -5, max: 5 }),
            fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -5e-324),
          ),
          { maxLength: 300 },
        ),
        (values) => {
          const keys = Float64Array.from(values);
          const order = Array.from(sortedOrder(keys));
          expect(Float64Array.from(order, (i) => keys[i]!)).toEqual(Float64Array.from(values).sort());
          for (let k = 1; k < order.length; k++)
            if (Object.is(keys[order[k]!], keys[order[k - 1]!])) expect(order[k]!).toBeGreaterThan(order[k - 1]!);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sorts a list: [3, -1, 2, -1, 0] → indices 1, 3, 4, 2, 0', () => {
    expect(Array.from(sortedOrder(Float64Array.of(3, -1, 2, -1, 0)))).toEqual([1, 3, 4, 2, 0]);
  });
});
