import { describe, expect, it } from 'vitest';
import {
  DemoCancelled,
  generateDemoCompany,
  generateDemoCompanyInSlices,
  generateDemoCompanyStepwise,
  type DemoSlice,
} from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';

describe('the demo generator in slices', () => {
  it('hands out the same records, plan and manifest as the whole generator, whatever the slice size', () => {
    const whole = generateDemoCompany({ seed: 11, leads: 3_000 });
    for (const size of [1, 97, 1_000, 3_000, 10_000]) {
      const slices: DemoSlice[] = [];
      const tail = generateDemoCompanyInSlices({ seed: 11, leads: 3_000 }, size, (s, k) => {
        expect(k).toBe(slices.length);
        slices.push(s);
      });
      expect(slices).toHaveLength(Math.ceil(3_000 / size));
      const records = {
        name: tail.name,
        plan: tail.plan,
        accounts: [...tail.accounts],
        leads: slices.flatMap((s) => s.leads),
        activities: slices.flatMap((s) => s.activities),
        opportunities: slices.flatMap((s) => s.opportunities),
        touches: slices.flatMap((s) => s.touches),
      };
      expect(JSON.stringify(records)).toBe(JSON.stringify(whole.records));
      expect(JSON.stringify(tail.manifest)).toBe(JSON.stringify(whole.manifest));
      expect(tail.totals).toEqual({
        leads: 3_000,
        activities: whole.records.activities.length,
        opportunities: whole.records.opportunities.length,
        touches: whole.records.touches.length,
      });
    }
  });

  it('step by step (with pauses, progress and a way to stop) gives the same company', async () => {
    const whole = generateDemoCompany({ seed: 11, leads: 3_000 });
    const progress: number[] = [];
    const stepwise = await generateDemoCompanyStepwise(
      { seed: 11, leads: 3_000 },
      { sliceLeads: 700, onProgress: (p) => progress.push(p.leadsDone) },
    );
    expect(JSON.stringify(stepwise)).toBe(JSON.stringify(whole));
    expect(progress).toEqual([0, 700, 1_400, 2_100, 2_800, 3_000]);
    let asked = 0;
    await expect(
      generateDemoCompanyStepwise({ seed: 11, leads: 3_000 }, { sliceLeads: 700, cancelled: () => ++asked === 2 }),
    ).rejects.toBeInstanceOf(DemoCancelled);
    expect(asked).toBe(2);
  });

  it('keeps every row with the slice of its lead, so slices write as one CSV folder', () => {
    const leadsOf = new Set<string>();
    generateDemoCompanyInSlices({ seed: 5, leads: 1_500 }, 200, (s) => {
      leadsOf.clear();
      for (const l of s.leads) leadsOf.add(l.id);
      for (const a of s.activities) expect(leadsOf.has(a.leadId)).toBe(true);
      for (const o of s.opportunities) expect(o.leadId === undefined || leadsOf.has(o.leadId)).toBe(true);
      const opps = new Set(s.opportunities.map((o) => o.id));
      for (const t of s.touches)
        expect(
          (t.leadId !== undefined && leadsOf.has(t.leadId)) ||
            (t.opportunityId !== undefined && opps.has(t.opportunityId)),
        ).toBe(true);
      const text = writeCanonicalCsv({
        name: '',
        plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
        accounts: [],
        activities: [...s.activities],
        leads: [...s.leads],
        opportunities: [...s.opportunities],
        touches: [...s.touches],
      });
      expect(text['leads.csv']!.split('\n')[0]).toContain('mql_at');
    });
  });

  it('hands out one empty slice for an empty company', () => {
    const slices: DemoSlice[] = [];
    const tail = generateDemoCompanyInSlices({ leads: 0 }, 100, (s) => slices.push(s));
    expect(slices).toHaveLength(1);
    expect(slices[0]!.leads).toHaveLength(0);
    expect(tail.manifest.leads).toBe(0);
  });
});
