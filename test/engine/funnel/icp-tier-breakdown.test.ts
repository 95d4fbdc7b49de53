import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { icpTierGroups } from '../../../src/worker/handlers/tier-dimensions';
import { createEngineService } from '../../../src/worker/service';
import { generateDemoCompany } from '../../../src/demo/generate';

describe('the ICP tier breakdown of the funnel', () => {
  it('puts every lead in exactly one tier', () => {
    const ds = buildDataset(generateDemoCompany({ seed: 11, leads: 1500 }).records);
    const g = icpTierGroups(ds);
    expect(g.labels).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    expect(g.codes.length).toBe(ds.leads.count);
    expect(Array.from(g.codes).every((c) => c >= 0 && c <= 2)).toBe(true);
  });

  it('is offered by the funnel and its groups add up to the total', async () => {
    const engine = createEngineService();
    await engine.loadDemo({ seed: 11, leads: 1500 });
    const model = await engine.funnelView({ filters: {}, basis: 'cohort', breakdown: 'tier:icp', windowDays: null });
    expect(model.dimensions.map((d) => d.id)).toContain('tier:icp');
    expect(model.breakdown.dimension.id).toBe('tier:icp');
    const leads = model.breakdown.rows.reduce((s, r) => s + r.counts.lead, 0);
    expect(leads).toBe(model.stages[0]!.leads);
    expect(model.breakdown.rows.map((r) => r.label).sort()).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
  });
});
