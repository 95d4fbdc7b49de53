import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HYGIENE_RULES } from '../../src/engine/hygiene/rules';
import { DEFAULT_FORECAST_SETTINGS } from '../../src/worker/handlers/forecast';
import { createEngineService } from '../../src/worker/service';

const engine = createEngineService();
const filters = {};

describe('forecast and hygiene handlers on the demo company', () => {
  beforeAll(async () => {
    await engine.loadDemo({ leads: 4000 });
  });

  it('returns a forecast view whose parts agree', async () => {
    const v = await engine.forecast({ filters, settings: DEFAULT_FORECAST_SETTINGS });
    expect(v.openCount).toBeGreaterThan(0);
    expect(v.weightedCents).toBeLessThanOrEqual(v.openCents);
    expect(v.stages.reduce((s, st) => s + st.openCents, 0)).toBe(v.openCents);
    expect(v.quarters.some((q) => q.tense === 'current')).toBe(true);
    expect(v.sqoLag.quarters.length).toBe(10);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('lists the opportunities behind each detector count', async () => {
    const h = await engine.hygiene({ filters, rules: DEFAULT_HYGIENE_RULES });
    expect(h.detectors.map((d) => d.key)).toEqual(['fastTrack', 'passThrough', 'restaged', 'marketing']);
    for (const d of h.detectors) expect(d.rows.length).toBe(d.count);
    const ft = h.detectors[0]!;
    expect(ft.rows.every((r) => r.reasons!.length > 0)).toBe(true);
  });

  it('gives the Overview panel the current and next quarters with quota', async () => {
    const p = await engine.pipelinePanel({ filters });
    expect(p.quarters.length).toBeGreaterThan(0);
    expect(p.quarters[0]!.tense).toBe('current');
  });
});
