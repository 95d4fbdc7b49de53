import { describe, expect, it } from 'vitest';
import { funnelJson } from '../../src/cli/sections/funnel';
import { writeCanonicalJson } from '../../src/import/canonical/write';
import { createEngineService } from '../../src/worker/service';
import { handRecords } from '../engine/funnel/hand-fixture';

async function handEngine() {
  const engine = createEngineService();
  // JSON keeps the full stage history (L5's second MQL entry); leads.csv holds one date per stage.
  await engine.loadCanonical([{ name: 'hand.json', text: writeCanonicalJson(handRecords()) }]);
  return engine;
}

const scope = { filters: {}, mode: 'inclusive' as const, asOf: '2026-06-30' };

describe('funnel handlers', () => {
  it('builds the funnel view-model with step and cumulative rates and skips', async () => {
    const engine = await handEngine();
    const vm = await engine.funnelView({ ...scope, basis: 'cohort', breakdown: 'source', windowDays: null });
    expect(vm.stages.map((s) => [s.stage, s.leads, s.skipped])).toEqual([
      ['lead', 6, null],
      ['mql', 5, 1],
      ['sal', 4, 2],
      ['sql', 3, 1],
      ['sqo', 3, 1],
      ['won', 2, null],
    ]);
    expect(vm.stages[2]).toMatchObject({ stepRate: 4 / 5, cumulativeRate: 4 / 6 });
    expect(vm.stages[1]!.reentered).toBe(1);
    expect(vm.quarters).toEqual(['2026-Q1', '2026-Q2']);
    const mqlToSqo = vm.conversions.find((c) => c.key === 'mqlToSqo')!;
    expect(mqlToSqo.points.map((p) => [p.base, p.hits, p.immature])).toEqual([
      [4, 3, false],
      [1, 0, true],
    ]);
    expect(vm.breakdown.rows.map((r) => r.label)).toEqual(['webinar', 'paid', '(none)']);
    expect(vm.breakdown.comparison[0]!.mqlToSqo[0]).toMatchObject({ base: 2, hits: 2 });
    const period = await engine.funnelView({ ...scope, basis: 'period', breakdown: 'source', windowDays: null });
    expect(period.conversions.find((c) => c.key === 'mqlToSqo')!.points[0]).toMatchObject({
      base: 4,
      hits: 3,
      openShare: null,
    });
  });

  it('gives every rate its sample size and 95% Wilson interval', async () => {
    const engine = await handEngine();
    const vm = await engine.funnelView({ ...scope, basis: 'cohort', breakdown: 'source', windowDays: null });
    // SAL step: 4 of 5 MQLs. Wilson: centre (0.8 + 3.8416/10) / 1.76832 = 0.66965,
    // half 1.96·√(0.16/5 + 3.8416/100) / 1.76832 = 0.29412 → [0.3755, 0.9638].
    const sal = vm.stages[2]!.step!;
    expect(sal.n).toBe(5);
    expect(sal.lo).toBeCloseTo(0.3755, 4);
    expect(sal.hi).toBeCloseTo(0.9638, 4);
    expect(vm.stages[0]!.step).toBeNull();
    // webinar's Q1 MQL cohort: 2 of 2 reached SQO → 100%, but only [0.3424, 1] at 95%.
    const webinar = vm.breakdown.comparison.find((g) => g.label === 'webinar')!.mqlToSqo[0]!;
    expect(webinar).toMatchObject({ base: 2, hits: 2, rate: 1, n: 2, hi: 1 });
    expect(webinar.lo).toBeCloseTo(0.3424, 4);
    // A quarter with no MQL carries no interval.
    const empty = vm.breakdown.comparison.flatMap((g) => g.mqlToSqo).find((p) => p.base === 0);
    if (empty) expect(empty).toMatchObject({ rate: null, n: 0, lo: null, hi: null });
    // Closed-in-quarter win rate: n = won + lost.
    for (const w of vm.closedWinRates) expect(w.n).toBe(w.won + w.lost);
    // Breakdown rows: win rate over won + lost deals of the group.
    for (const r of vm.breakdown.rows) expect(r.estimates.winRate.n).toBe(r.counts.won + r.counts.lost);
    // The Overview's win rate: L1 and L4 won, L2 lost → 2 of 3. Wilson: centre (0.6667 + 0.6403) / 2.2805 = 0.57308,
    // half 1.96·√(0.2222/3 + 3.8416/36) / 2.2805 = 0.36543 → [0.2077, 0.9385].
    const o = await engine.overview(scope);
    expect(o.funnel.win).toMatchObject({
      rate: 2 / 3,
      n: 3,
      lo: expect.closeTo(0.2077, 4) as number,
      hi: expect.closeTo(0.9385, 4) as number,
    });
  });

  it('lists the leads behind a bar', async () => {
    const engine = await handEngine();
    const d = await engine.funnelDrill({ ...scope, target: { kind: 'stage', stage: 'won' } });
    expect(d.rows.map((r) => r[0])).toEqual(['L1', 'L4']);
    // Each cell is named by the column at its place.
    expect(d.columns).toEqual([
      'id',
      'createdAt',
      'source',
      'campaign',
      'owner',
      'segment',
      'furthestStage',
      'mqlAt',
      'sqlAt',
      'sqoAt',
      'outcome',
      'amountCents',
    ]);
    expect(d.rows[0]).toEqual([
      'L1',
      '2026-01-05',
      'webinar',
      null,
      null,
      'Unknown',
      'won',
      '2026-01-10',
      '2026-01-20',
      '2026-02-01',
      'won',
      1_000_000,
    ]);
    const g = await engine.funnelDrill({
      ...scope,
      target: { kind: 'stage', stage: 'mql' },
      group: { dimension: 'source', label: 'paid' },
    });
    expect(g.rows.map((r) => r[0])).toEqual(['L3', 'L5']);
  });

  it('gives the Overview headline for the quarter to date against the same days of the previous quarter', async () => {
    const engine = await handEngine();
    const o = await engine.overview(scope);
    expect(o.current).toEqual({ quarter: '2026-Q2', clipped: false, from: '2026-04-01', to: '2026-06-30' });
    // Q2 to Jun 30 is 91 days; Q1 has 90, so the same days are all of Q1.
    expect(o.previous).toEqual({ quarter: '2026-Q1', clipped: false, from: '2026-01-01', to: '2026-03-31' });
    const h = Object.fromEntries(o.headline.map((f) => [f.key, f]));
    // Q2 to date: lead L5, MQL L5, L2 lost Apr 1. Q1: leads L1 L2 L3 L4 L8; MQLs L1 L2 L3 L4; SQOs L1 L2 L4; won L1 L4.
    expect(h.leads).toMatchObject({ current: 1, previous: 5, change: (1 - 5) / 5 });
    expect(h.mqls).toMatchObject({ current: 1, previous: 4 });
    expect(h.sqos).toMatchObject({ current: 0, previous: 3, change: -1 });
    expect(h.won).toMatchObject({ current: 0, previous: 2 });
    // Keys and numbers only: the Overview names and defines each figure.
    expect(h.wonAmount).toEqual({ key: 'wonAmount', kind: 'money', current: 0, previous: 1_000_000, change: -1 });
    expect(h.winRate).toMatchObject({ current: 0, previous: 1, change: -1 });
    expect(h.mqlToSqo).toMatchObject({ current: 0, previous: 3 / 4, change: -3 / 4 });
  });

  it('shows the same figures as the report for the demo company', async () => {
    const engine = createEngineService();
    await engine.loadDemo({ leads: 2000 });
    const vm = await engine.funnelView({
      filters: {},
      mode: 'inclusive',
      basis: 'cohort',
      breakdown: 'source',
      windowDays: null,
    });
    const { generateDemoCompany } = await import('../../src/demo/generate');
    const { buildDataset } = await import('../../src/engine/model/build-dataset');
    const records = generateDemoCompany({ leads: 2000 }).records;
    const dataset = buildDataset(records);
    const report = funnelJson({
      records,
      dataset,
      report: null as never,
      asOf: dataset.meta.latestAt,
      options: { json: true, flags: {} },
    });
    const counts = report.stageCounts as Record<string, number>;
    for (const s of vm.stages) expect(s.leads).toBe(counts[s.stage]);
    expect(vm.rates).toEqual(report.rates);
  });
});

describe('extra breakdown dimensions', () => {
  it('plugs a tier computed elsewhere in as group codes', async () => {
    const { createState } = await import('../../src/worker/state');
    const { dataHandlers } = await import('../../src/worker/handlers/data');
    const { funnelHandlers } = await import('../../src/worker/handlers/funnel');
    const state = createState();
    await dataHandlers(state).loadCanonical([{ name: 'hand.json', text: writeCanonicalJson(handRecords()) }]);
    // A made-up tier: Tier 1 for L1 and L2, Tier 2 for everyone else but L8 (no tier).
    const tier = {
      dimension: { id: 'icpTier' },
      groups: (ds: { leads: { id: readonly string[] } }) => ({
        name: 'icpTier',
        labels: ['Tier 1', 'Tier 2'],
        codes: Int32Array.from(ds.leads.id, (id) => (id === 'L1' || id === 'L2' ? 0 : id === 'L8' ? -1 : 1)),
      }),
    };
    const funnel = funnelHandlers(state, () => [tier]);
    const vm = await funnel.funnelView({ ...scope, basis: 'cohort', breakdown: 'icpTier', windowDays: null });
    expect(vm.dimensions.at(-1)).toEqual({ id: 'icpTier' });
    // Tier 1: L1, L2 (both SQOs, one won); Tier 2: L3, L4, L5 (bot L6 and future L7 out); (none): L8.
    expect(vm.breakdown.rows.map((r) => [r.label, r.counts.lead, r.counts.sqo, r.counts.won])).toEqual([
      ['Tier 2', 3, 1, 1],
      ['Tier 1', 2, 2, 1],
      ['(none)', 1, 0, 0],
    ]);
    const d = await funnel.funnelDrill({
      ...scope,
      target: { kind: 'stage', stage: 'sqo' },
      group: { dimension: 'icpTier', label: 'Tier 1' },
    });
    expect(d.rows.map((r) => r[0])).toEqual(['L1', 'L2']);
  });
});
