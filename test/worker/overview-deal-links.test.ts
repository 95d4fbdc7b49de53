import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { dealForecastView } from '../../src/worker/handlers/deal-forecast';
import { dealListView } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS, forecastView, pipelinePanelView } from '../../src/worker/handlers/forecast';
import { forecastAccuracyView } from '../../src/worker/handlers/forecast-accuracy';

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
    expect(weighted.totalCents).toBe(
      forecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }).weightedCents,
    );
    // The same deals as the open pipeline, each beside its amount × p.
    expect(weighted.rows.map((r) => r.id)).toEqual(list({ kind: 'open' }).rows.map((r) => r.id));
    expect(weighted.rows.every((r) => r.figureCents !== null && r.figureCents <= (r.amountCents ?? 0))).toBe(true);
  });

  it('a filtered Forecast keeps the list equal to its figure', () => {
    const filters = { sources: [ds.leads.source.values[0]!] };
    const v = forecastView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS });
    const l = dealListView(ds, {
      filters,
      settings: DEFAULT_FORECAST_SETTINGS,
      stageCategories: {},
      target: { kind: 'open', weighted: true },
    });
    expect(l.totalCents).toBe(v.weightedCents);
    expect(
      dealListView(ds, { filters, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: { kind: 'open' } })
        .totalCents,
    ).toBe(v.openCents);
  });

  it('every other Forecast figure of the demo: its list adds up to it (won, projected, stages, overdue, SQO-lag, accuracy)', () => {
    const v = forecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS });
    expect(list({ kind: 'expected', basis: 'winRate' }).totalCents).toBe(v.pipelineTimesWinRateCents);
    expect(list({ kind: 'expected', basis: 'weighted' }).totalCents).toBe(v.expectedBookingsCents);
    expect([
      list({ kind: 'lookback', won: false }).rows.length,
      list({ kind: 'lookback', won: true }).rows.length,
    ]).toEqual([v.won + v.lost, v.won]);
    for (const q of v.quarters) {
      expect([q.quarter, list({ kind: 'won', quarter: q.quarter }).totalCents]).toEqual([q.quarter, q.wonCents]);
      expect([q.quarter, list({ kind: 'due', quarter: q.quarter, weighted: false }).totalCents]).toEqual([
        q.quarter,
        q.openDueCents,
      ]);
      if (q.coverage)
        expect([q.quarter, list({ kind: 'projected', quarter: q.quarter }).totalCents]).toEqual([
          q.quarter,
          q.coverage.projectedCents,
        ]);
    }
    for (const s of v.stages) {
      expect([
        s.stage,
        list({ kind: 'stage', stage: s.stage, weighted: false }).totalCents,
        list({ kind: 'stage', stage: s.stage, weighted: true }).totalCents,
      ]).toEqual([s.stage, s.openCents, s.weightedCents]);
    }
    expect([list({ kind: 'overdue' }).totalCents, list({ kind: 'undated' }).totalCents]).toEqual([
      v.overdue.cents,
      v.undated.cents,
    ]);
    for (const q of v.sqoLag.quarters) {
      expect([q.quarter, list({ kind: 'sqoLag', quarter: q.quarter, series: 'forecast' }).totalCents]).toEqual([
        q.quarter,
        q.forecastCents,
      ]);
      if (q.sqosCreated !== null)
        expect([q.quarter, list({ kind: 'sqoLag', quarter: q.quarter, series: 'sqos' }).rows.length]).toEqual([
          q.quarter,
          q.sqosCreated,
        ]);
      if (q.forecastToDateCents !== null)
        expect(list({ kind: 'sqoLag', quarter: q.quarter, series: 'toDate' }).totalCents).toBe(q.forecastToDateCents);
      if (q.actualCents !== null) expect(list({ kind: 'won', quarter: q.quarter }).totalCents).toBe(q.actualCents);
    }
    expect(v.sqoLag.quarters.some((q) => q.forecastCents > 0)).toBe(true);
    const d = dealForecastView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {} });
    expect(d.stalled!.count).toBeGreaterThan(0);
    for (const st of d.stalled!.stages)
      expect([st.stage, list({ kind: 'stalled', stage: st.stage }).rows.length]).toEqual([st.stage, st.stalled]);
    const s = d.slippage!;
    expect([
      list({ kind: 'slipClosed', pushed: true }).rows.length,
      list({ kind: 'slipClosed', pushed: false }).rows.length,
    ]).toEqual([s.closedPushed, s.closedNeverPushed]);
    const a = forecastAccuracyView(ds, { filters: {}, settings: DEFAULT_FORECAST_SETTINGS });
    if (!a.measurable) throw new Error(a.reason);
    expect(list({ kind: 'accuracy', part: 'wonToDate' }).totalCents).toBe(a.current.actualToDateCents);
    for (const m of a.methods)
      if (m.projectionCents !== null)
        expect([m.method, list({ kind: 'accuracy', part: m.method }).totalCents]).toEqual([
          m.method,
          m.projectionCents,
        ]);
  });
});
