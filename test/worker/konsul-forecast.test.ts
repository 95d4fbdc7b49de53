import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { importFiles } from '../../src/import/pipeline';
import { dealForecastView } from '../../src/worker/handlers/deal-forecast';
import { dealListView, type DealTarget } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../src/worker/handlers/forecast';

/** The konsul org's own export (Opportunity + OpportunityHistory), read as a user would drop it. */
const DIR = fileURLToPath(new URL('../../../shared/data/salesforce-konsul-org/', import.meta.url));
if (!existsSync(DIR))
  throw new Error(`shared data not found at ${DIR}: the shared data folder must sit beside the project`);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(`${DIR}${f}`)) }));
const records = importFiles(files).records;
const ds = buildDataset(records);
const input = { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {} };
const list = (target: DealTarget) => dealListView(ds, { ...input, target });

describe('an imported Salesforce org with history: the forecast figures and the deals behind them', () => {
  const v = dealForecastView(ds, input);
  const f = forecastView(ds, input);

  it('the history is there: the waterfall and slippage are measured, not "not measurable"', () => {
    expect(ds.opportunities.count).toBe(31);
    expect([v.notMeasurable.waterfall, v.notMeasurable.slippage]).toEqual([undefined, undefined]);
    expect(v.waterfall).not.toBeNull();
    expect(v.slippage).not.toBeNull();
  });

  it('every waterfall step of every quarter offered lists deals that total the step, and start + changes = end', () => {
    for (const quarter of v.waterfall!.quarters) {
      const w = dealForecastView(ds, { ...input, quarter }).waterfall!;
      expect([quarter, w.identityHolds]).toEqual([quarter, true]);
      for (const s of w.steps)
        expect([quarter, s.key, list({ kind: 'waterfall', quarter, step: s.key }).totalCents]).toEqual([
          quarter,
          s.key,
          s.cents,
        ]);
    }
  });

  it('13 deals pushed: the open deals whose recorded close date moved later (the closed ones moved theirs after closing); each listed', () => {
    const later = (o: (typeof records.opportunities)[number]) =>
      (o.changes ?? []).some(
        (c, k, all) =>
          k > 0 &&
          c.closeDate !== undefined &&
          all[k - 1]!.closeDate !== undefined &&
          c.closeDate > all[k - 1]!.closeDate!,
      );
    const pushed = records.opportunities.filter((o) => o.status === 'open' && later(o));
    expect(records.opportunities.filter(later)).toHaveLength(31);
    expect([v.slippage!.pushedDeals, pushed.length]).toEqual([13, 13]);
    expect(list({ kind: 'pushed', twice: false }).rows.length).toBe(v.slippage!.pushedDeals);
    expect(list({ kind: 'pushed', twice: true }).rows.length).toBe(v.slippage!.pushedTwiceDeals);
  });

  it('each category bar and the open, weighted and expected figures list deals that total them', () => {
    for (const q of v.categories.quarters) {
      for (const c of ['closed', 'commit', 'best_case', 'pipeline'] as const) {
        expect([q.quarter, c, list({ kind: 'category', quarter: q.quarter, category: c }).totalCents]).toEqual([
          q.quarter,
          c,
          q.cents[c],
        ]);
      }
      expect(list({ kind: 'due', quarter: q.quarter, weighted: true }).totalCents).toBe(q.weightedCents);
    }
    expect([list({ kind: 'open' }).totalCents, list({ kind: 'expected', basis: 'weighted' }).totalCents]).toEqual([
      f.openCents,
      f.expectedBookingsCents,
    ]);
    expect(f.openCents).toBeGreaterThan(0);
  });
});
