import { describe, expect, it } from 'vitest';
import { breakdownCsv, comparisonRows, rateCell, winRateRows } from '../../../src/features/funnel/build-funnel-view';
import { parseFunnelParams, writeFunnelParams } from '../../../src/features/funnel/funnel-params';
import { writeCanonicalJson } from '../../../src/import/canonical/write';
import { createEngineService } from '../../../src/worker/service';
import { handRecords } from '../../engine/funnel/hand-fixture';

const webinarOnly = { rule: 'chosen' as const, chosen: ['webinar'] };

async function handView() {
  const engine = createEngineService();
  await engine.loadCanonical([{ name: 'hand.json', text: writeCanonicalJson(handRecords()) }]);
  return engine.funnelView({
    filters: {},
    mode: 'inclusive',
    asOf: '2026-06-30',
    basis: 'cohort',
    breakdown: 'source',
    windowDays: null,
  });
}

describe('the Funnel view-model builder', () => {
  it('writes each rate with its 95% interval and sample in the tooltip', async () => {
    const vm = await handView();
    const { rows, series } = comparisonRows(vm, 'mqlToSqo', 30, webinarOnly);
    const webinar = series.find((s) => s.name === 'webinar')!;
    // webinar's Q1 MQL cohort: 2 of 2 → Wilson [0.3424, 1].
    expect(rows[0]!.tooltips[webinar.key]).toContain('MQL→SQO 100.0% (95% CI 34.2–100.0%, n = 2)');
  });

  it('adds CI low, CI high and n columns after every rate in the CSVs', async () => {
    const vm = await handView();
    const csv = breakdownCsv(vm);
    const at = (name: string) => csv.header.indexOf(name);
    expect(csv.header.slice(at('win_rate'))).toEqual(['win_rate', 'win_rate_ci_low', 'win_rate_ci_high', 'win_rate_n']);
    const webinar = csv.rows.find((r) => r[0] === 'webinar')!;
    // webinar: L1 won, L2 lost → 1 of 2; Wilson centre 0.5, half 1.96·√(0.125 + 0.2401) / 2.9208 = 0.4055 → [0.0945, 0.9055].
    expect(webinar[at('win_rate')]).toBe(0.5);
    expect(webinar[at('win_rate_ci_low')]).toBeCloseTo(0.0945, 4);
    expect(webinar[at('win_rate_ci_high')]).toBeCloseTo(0.9055, 4);
    expect(webinar[at('win_rate_n')]).toBe(2);
    expect(winRateRows(vm, 30).csv.header).toContain('closed_win_rate_ci_low');
    expect(comparisonRows(vm, 'sqlToSqo', 30).csv.header).toEqual([
      'group',
      'quarter',
      'base',
      'hits',
      'rate',
      'rate_ci_low',
      'rate_ci_high',
      'rate_n',
      'immature',
    ]);
  });

  it('marks a rate over fewer trials than the threshold as a small sample, with its n', async () => {
    const vm = await handView();
    const at30 = comparisonRows(vm, 'mqlToSqo', 30, webinarOnly);
    const key = at30.series.find((s) => s.name === 'webinar')!.key;
    expect(at30.rows[0]!.small?.[key]).toBe('n = 2');
    expect(at30.rows[0]!.tooltips[key]).toContain('Small sample: 2 MQLs, under 30');
    // At a threshold of 2, two MQLs are enough.
    expect(comparisonRows(vm, 'mqlToSqo', 2, webinarOnly).rows[0]!.small?.[key]).toBeUndefined();
    expect(rateCell({ rate: 1, n: 2, lo: 0.3424, hi: 1 }, 30)).toEqual({
      text: '100.0%',
      sample: 'n = 2',
      full: '100.0% (95% CI 34.2–100.0%, n = 2)',
    });
    expect(rateCell({ rate: 0.3, n: 30, lo: 0.1667, hi: 0.4788 }, 30).sample).toBeNull();
    expect(rateCell({ rate: null, n: 0, lo: null, hi: null }, 30).sample).toBeNull();
  });

  it('keeps the sample threshold in the URL, 30 by default, ignoring malformed values', () => {
    expect(parseFunnelParams(new URLSearchParams('')).minSample).toBe(30);
    expect(parseFunnelParams(new URLSearchParams('minN=50')).minSample).toBe(50);
    for (const bad of ['0', '-3', '2.5', 'abc', '100000'])
      expect(parseFunnelParams(new URLSearchParams(`minN=${bad}`)).minSample).toBe(30);
    const p = new URLSearchParams('minN=50');
    writeFunnelParams(p, { minSample: 30 });
    expect(p.toString()).toBe('');
  });
});
