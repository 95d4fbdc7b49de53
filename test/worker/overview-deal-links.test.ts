import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { dealListView } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS, forecastView, pipelinePanelView } from '../../src/worker/handlers/forecast';

describe('the Overview and Forecast pipeline figures open lists of the same deals', () => {
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

  it('weighted pipeline: the weighted list of every open deal adds up to the Overview and Forecast figures', () => {
    const weighted = list({ kind: 'open', weighted: true });
    expect(weighted.totalCents).toBe(panel.weightedCents);
    expect(weighted.totalCents).toBe(forecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }).weightedCents);
    // The same deals as the open pipeline, each beside its amount × p.
    expect(weighted.rows.map((r) => r.id)).toEqual(list({ kind: 'open' }).rows.map((r) => r.id));
    expect(weighted.rows.every((r) => r.figureCents !== null && r.figureCents <= (r.amountCents ?? 0))).toBe(true);
  });

  it('a filtered Forecast keeps the list equal to its figure', () => {
    const filters = { sources: [ds.leads.source.values[0]!] };
    const v = forecastView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS });
    const l = dealListView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: { kind: 'open', weighted: true } });
    expect(l.totalCents).toBe(v.weightedCents);
    expect(dealListView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: { kind: 'open' } }).totalCents).toBe(v.openCents);
  });
});
