import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach } from '../../../src/engine/funnel/reach';
import { DATED_REACH_STAGES, RunningReach, type LeadStageDates } from '../../../src/engine/funnel/running-reach';
import { tallyFunnel } from '../../../src/engine/funnel/tally';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import type { RecordSet } from '../../../src/engine/model/records';
import { instant, recordSetArb } from '../../fixtures/record-arbitraries';

/** The leads only: the running count reads the lead's own stage dates. */
const leadsOnly = (rs: RecordSet, upTo = rs.leads.length): RecordSet => ({
  ...rs,
  leads: rs.leads.slice(0, upTo),
  activities: [],
  opportunities: [],
  touches: [],
});

const datesOf = (ds: Dataset, i: number): LeadStageDates => DATED_REACH_STAGES.map((s) => ds.leads.stageAt[s][i]!);

/** Dates by stage name, NaN for the others. */
const dates = (byStage: Partial<Record<(typeof DATED_REACH_STAGES)[number], number>>): LeadStageDates =>
  DATED_REACH_STAGES.map((s) => byStage[s] ?? Number.NaN);

const engineCounts = (rs: RecordSet, asOf: number) => {
  const ds = buildDataset(rs);
  return tallyFunnel(computeReach(ds, leadMask(ds, {}), asOf, 'inclusive')).counts;
};

describe('stage reach counted as leads arrive', () => {
  it('after every chunk, equals the funnel engine over the leads read so far; at the end, the whole funnel', () => {
    fc.assert(
      fc.property(
        recordSetArb(true),
        fc.oneof(instant, fc.constant(Infinity)),
        fc.array(fc.nat(6), { minLength: 1, maxLength: 8 }),
        (rs, asOf, steps) => {
          const all = buildDataset(leadsOnly(rs));
          const running = new RunningReach(asOf);
          // The engine's asOf is an instant; Infinity stands for "every date", which the latest instant gives.
          const engineAsOf = Number.isFinite(asOf) ? asOf : all.meta.latestAt;
          let read = 0;
          for (const step of [...steps, all.leads.count]) {
            const upTo = Math.min(all.leads.count, read + step);
            for (; read < upTo; read++)
              running.add(all.leads.createdAt[read]!, all.leads.isBot[read] === 1, datesOf(all, read));
            expect(running.leadsSeen).toBe(read);
            expect(running.counts()).toEqual(engineCounts(leadsOnly(rs, read), engineAsOf));
          }
          expect(running.counts()).toEqual(engineCounts(leadsOnly(rs), engineAsOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a lead that skipped stages at every earlier stage, and a won lead never as lost', () => {
    const r = new RunningReach();
    r.add(0, false, dates({ sqo: 10, lost: 20 }));
    r.add(0, false, dates({ mql: 5, won: 30, lost: 20 }));
    r.add(0, true, dates({ mql: 5 }));
    r.add(Number.NaN, false, dates({ mql: 5 }));
    expect(r.counts()).toEqual({ lead: 2, mql: 2, sal: 2, sql: 2, sqo: 2, won: 1, lost: 1, disqualified: 0 });
    expect(r.leadsSeen).toBe(4);
  });
});
