import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach } from '../../../src/engine/funnel/reach';
import { tallyFunnel } from '../../../src/engine/funnel/tally';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { stepRate, topRank } from '../../demo/funnel';

describe('funnel on the demo company', () => {
  const { records, manifest } = generateDemoCompany({ leads: 3000 });
  const ds = buildDataset(records);
  const reach = computeReach(ds, leadMask(ds, {}), ds.meta.latestAt, 'inclusive');
  const t = tallyFunnel(reach);
  const humans = records.leads.filter((l) => !l.isBot);

  it('counts the skipped stages the generator planted', () => {
    expect(t.skipped).toEqual(manifest.skippedStages);
  });

  it('agrees with counts worked out straight from the records', () => {
    // Inclusive reach by top rank (lost ranks with won); won and lost split by the opportunity status.
    expect(t.counts.lead).toBe(humans.length);
    expect(t.counts.mql).toBe(humans.filter((l) => topRank(l) >= 1).length);
    expect(t.counts.sqo).toBe(humans.filter((l) => topRank(l) >= 4).length);
    expect(t.rates.leadToMql).toBeCloseTo(stepRate(humans, 0, 1), 12);
    expect(t.rates.mqlToSqo).toBeCloseTo(stepRate(humans, 1, 4), 12);
    const wonLeads = new Set(records.opportunities.filter((o) => o.status === 'won').map((o) => o.leadId));
    expect(t.counts.won).toBe(
      humans.filter((l) => wonLeads.has(l.id) || l.stageHistory.some((e) => e.stage === 'won')).length,
    );
  });
});
