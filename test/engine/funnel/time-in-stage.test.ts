import { describe, expect, it } from 'vitest';
import { timeInStage } from '../../../src/engine/funnel/time-in-stage';
import { lead, recordSet } from '../../fixtures/records';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { computeReach } from '../../../src/engine/funnel/reach';
import { leadMask } from '../../../src/engine/filters/filters';
import { AS_OF, handReach } from './hand-fixture';

describe('time in stage', () => {
  it('gives median and p75 days between recorded entries of consecutive stages', () => {
    const [leadMql, mqlSal, salSql, sqlSqo, sqoWon] = timeInStage(handReach().reach);
    // lead→mql: L1 5, L2 2, L3 4, L5 1 → sorted [1, 2, 4, 5]: median 3; p75 at rank 2.25 → 4 + 0.25 × 1.
    expect(leadMql).toMatchObject({ from: 'lead', to: 'mql', leads: 4, medianDays: 3, p75Days: 4.25 });
    // mql→sal: L1 5, L5 33 (first mql Apr 2 → sal May 5): median 19, p75 5 + 0.75 × 28 = 26.
    expect(mqlSal).toMatchObject({ leads: 2, medianDays: 19, p75Days: 26 });
    expect(salSql).toMatchObject({ leads: 1, medianDays: 5 });
    // sql→sqo: L1 12, L2 21. sqo→won: L1 28 (L4's sqo is inferred, so it is left out).
    expect(sqlSqo).toMatchObject({ leads: 2, medianDays: 16.5 });
    expect(sqoWon).toMatchObject({ leads: 1, medianDays: 28, p75Days: 28 });
  });

  it('bins the distribution; bins add up to the leads', () => {
    const [leadMql] = timeInStage(handReach().reach);
    expect(leadMql!.bins.slice(0, 3)).toEqual([
      { lowDays: 0, highDays: 1, leads: 0 },
      { lowDays: 1, highDays: 3, leads: 2 },
      { lowDays: 3, highDays: 7, leads: 2 },
    ]);
    expect(leadMql!.bins.reduce((s, b) => s + b.leads, 0)).toBe(4);
  });

  it('returns null figures when no lead has both entries, and counts entries out of order apart', () => {
    const rs = recordSet({ leads: [lead('A', '2026-02-01', { mql: '2026-03-01', sal: '2026-02-20' })] });
    const ds = buildDataset(rs);
    const [, mqlSal, salSql] = timeInStage(computeReach(ds, leadMask(ds, {}), AS_OF));
    expect(mqlSal).toMatchObject({ leads: 0, medianDays: null, p75Days: null, outOfOrder: 1 });
    expect(salSql).toMatchObject({ leads: 0, medianDays: null });
  });
});
