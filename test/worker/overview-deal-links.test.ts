import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { dealListView } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS, pipelinePanelView } from '../../src/worker/handlers/forecast';

describe('the Overview pipeline figures open lists of the same deals', () => {
  const ds = buildDataset(generateDemoCompany({ leads: 4_000 }).records);
  const panel = pipelinePanelView(ds, {});
  const list = (target: Parameters<typeof dealListView>[1]['target']) =>
    dealListView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target });

  it('open pipeline: the list of open deals adds up to the figure', () => {
    expect(panel.openCents).toBeGreaterThan(0);
    expect(list({ kind: 'open' }).totalCents).toBe(panel.openCents);
  });

  it("this quarter's weighted open due: the weighted list adds up to the figure", () => {
    const now = panel.quarters[0]!;
    expect(now.weightedDueCents).toBeGreaterThan(0);
    expect(list({ kind: 'due', quarter: now.quarter, weighted: true }).totalCents).toBe(now.weightedDueCents);
  });
});
