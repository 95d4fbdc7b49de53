import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadMask } from '../../../src/engine/filters/filters';
import { cohortConversion } from '../../../src/engine/funnel/conversion';
import { groupsFor } from '../../../src/engine/funnel/groups';
import { funnelPeriods } from '../../../src/engine/funnel/periods';
import { computeReach, REACH_STAGES, STEP_STAGES, type FunnelMode } from '../../../src/engine/funnel/reach';
import { STAGE_PAIRS, tallyByGroup, tallyFunnel } from '../../../src/engine/funnel/tally';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { instant, recordSetArb } from '../../fixtures/record-arbitraries';

const mode = fc.constantFrom<FunnelMode>('inclusive', 'strict');
const setup = fc.tuple(recordSetArb(true), instant, mode).map(([rs, asOf, m]) => {
  const ds = buildDataset(rs);
  return { ds, reach: computeReach(ds, leadMask(ds, {}), asOf, m) };
});

describe('funnel properties', () => {
  it('inclusive counts never increase along the stages', () => {
    fc.assert(
      fc.property(recordSetArb(true), instant, (rs, asOf) => {
        const ds = buildDataset(rs);
        const { counts } = tallyFunnel(computeReach(ds, leadMask(ds, {}), asOf, 'inclusive'));
        for (let k = 1; k < STEP_STAGES.length; k++)
          expect(counts[STEP_STAGES[k]!]).toBeLessThanOrEqual(counts[STEP_STAGES[k - 1]!]);
        expect(counts.lost).toBeLessThanOrEqual(counts.sqo - counts.won);
      }),
      { numRuns: 300 },
    );
  });

  it('every rate is in [0, 1] or null, in both modes', () => {
    fc.assert(
      fc.property(setup, ({ ds, reach }) => {
        const check = (r: number | null) => expect(r === null || (r >= 0 && r <= 1)).toBe(true);
        const t = tallyFunnel(reach);
        for (const r of Object.values(t.rates)) check(r);
        const periods = funnelPeriods(reach, ds.meta.fiscalYearStartMonth);
        for (const pair of STAGE_PAIRS) {
          for (const cell of cohortConversion(reach, pair, { periods, windowDays: 30 }).cells[0]!) {
            check(cell.rate);
            check(cell.openShare);
            expect(cell.converted + cell.stillOpen).toBeLessThanOrEqual(cell.entered);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('breakdown counts, amounts and skips add up to the total', () => {
    fc.assert(
      fc.property(setup, fc.constantFrom('source', 'owner', 'segment', 'quarter', 'industry'), ({ ds, reach }, dim) => {
        const total = tallyFunnel(reach);
        const parts = tallyByGroup(reach, groupsFor(ds, dim)!).tallies;
        for (const s of REACH_STAGES) {
          expect(parts.reduce((sum, p) => sum + p.counts[s], 0)).toBe(total.counts[s]);
          expect(parts.reduce((sum, p) => sum + p.amountCents[s], 0)).toBe(total.amountCents[s]);
        }
        for (const s of ['mql', 'sal', 'sql', 'sqo'] as const)
          expect(parts.reduce((sum, p) => sum + p.skipped[s], 0)).toBe(total.skipped[s]);
      }),
      { numRuns: 200 },
    );
  });

  it('cohort cells by group add up to the ungrouped cohort', () => {
    fc.assert(
      fc.property(setup, ({ ds, reach }) => {
        const periods = funnelPeriods(reach, ds.meta.fiscalYearStartMonth);
        const pair = STAGE_PAIRS[4];
        const all = cohortConversion(reach, pair, { periods }).cells[0]!;
        const byGroup = cohortConversion(reach, pair, { periods, groups: groupsFor(ds, 'source')! }).cells;
        all.forEach((cell, p) => {
          expect(byGroup.reduce((s, g) => s + g[p]!.entered, 0)).toBe(cell.entered);
          expect(byGroup.reduce((s, g) => s + g[p]!.converted, 0)).toBe(cell.converted);
        });
      }),
      { numRuns: 150 },
    );
  });
});
