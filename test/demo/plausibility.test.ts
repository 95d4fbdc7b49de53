/**
 * The default demo company (30,000 leads, default seed) looks like a real funnel: every figure here
 * is computed from the records in the test, not taken from the generator's manifest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCompany, type DemoCompany } from '../../src/demo/generate';
import type { LeadRecord } from '../../src/engine/model/records';
import { DAY, fastTrackedIds, median, passThroughIds, restagedIds, stepRate, topRank, winRate } from './funnel';

let demo: DemoCompany;
let humans: LeadRecord[];
/** Leads older than the 180-day maturity window at the as-of date. */
let matured: LeadRecord[];
const HORIZON = Date.UTC(2026, 10, 16);

beforeAll(() => {
  demo = generateDemoCompany({});
  humans = demo.records.leads.filter((l) => !l.isBot);
  matured = humans.filter((l) => l.createdAt < HORIZON - 180 * DAY);
});

describe('the default demo funnel', () => {
  it('has 30,000 leads, about one account per six leads, and 5–15 activities per lead', () => {
    const rs = demo.records;
    expect(rs.leads).toHaveLength(30_000);
    expect(rs.accounts.length).toBe(5_000);
    const perLead = rs.activities.length / rs.leads.length;
    expect(perLead).toBeGreaterThanOrEqual(5);
    expect(perLead).toBeLessThanOrEqual(15);
  });

  it('converts SQL to SQO at 40–59%, overall and in matured cohorts', () => {
    expect(stepRate(humans, 3, 4)).toBeGreaterThanOrEqual(0.4);
    expect(stepRate(humans, 3, 4)).toBeLessThanOrEqual(0.59);
    expect(stepRate(matured, 3, 4)).toBeGreaterThanOrEqual(0.4);
    expect(stepRate(matured, 3, 4)).toBeLessThanOrEqual(0.59);
  });

  it('wins 20–30% of closed opportunities', () => {
    const rate = winRate(demo.records.opportunities);
    expect(rate).toBeGreaterThanOrEqual(0.2);
    expect(rate).toBeLessThanOrEqual(0.3);
  });

  it('has sources whose MQL→SQO rates differ at least two-fold', () => {
    const bySource = new Map<string, LeadRecord[]>();
    for (const l of matured) {
      const list = bySource.get(l.source!) ?? [];
      list.push(l);
      bySource.set(l.source!, list);
    }
    const rates = [...bySource.values()].map((ls) => stepRate(ls, 1, 4));
    expect(rates.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...rates)).toBeGreaterThanOrEqual(2 * Math.min(...rates));
    const rate = (s: string) => stepRate(bySource.get(s)!, 1, 4);
    expect(rate('demo_request')).toBeGreaterThan(rate('purchased_list'));
    expect(rate('referral')).toBeGreaterThan(rate('content_syndication'));
  });

  it('closes won deals in a median of 30–120 days', () => {
    const won = demo.records.opportunities.filter((o) => o.status === 'won');
    const days = median(won.map((o) => (o.closeDate! - o.createdAt) / DAY));
    expect(days).toBeGreaterThanOrEqual(30);
    expect(days).toBeLessThanOrEqual(120);
  });

  it('flags 0.5–3% of leads as bots, and bots fire zero-second page views in bursts', () => {
    const bots = demo.records.leads.filter((l) => l.isBot);
    const share = bots.length / demo.records.leads.length;
    expect(share).toBeGreaterThanOrEqual(0.005);
    expect(share).toBeLessThanOrEqual(0.03);
    const botIds = new Set(bots.map((b) => b.id));
    const botActs = demo.records.activities.filter((a) => botIds.has(a.leadId));
    expect(botActs.length / bots.length).toBeGreaterThanOrEqual(15);
    expect(botActs.every((a) => a.type === 'page_view' && a.value === 0)).toBe(true);
    expect(bots.every((b) => topRank(b) === 0)).toBe(true);
  });

  it('leaves recent cohorts mostly open', () => {
    const recent = humans.filter((l) => l.createdAt >= HORIZON - 60 * DAY && topRank(l) >= 1);
    const ended = recent.filter((l) => l.stageHistory.some((e) => ['won', 'lost', 'disqualified'].includes(e.stage)));
    expect(recent.length).toBeGreaterThan(100);
    expect(ended.length / recent.length).toBeLessThan(0.5);
    const open = demo.records.opportunities.filter((o) => o.status === 'open');
    expect(open.length).toBeGreaterThan(50);
    expect(open.every((o) => o.closeDate! >= HORIZON)).toBe(true);
  });

  it('gives buyers a different activity mix from browsers', () => {
    const reachedSqo = new Set(humans.filter((l) => topRank(l) >= 4).map((l) => l.id));
    const neverMql = new Set(humans.filter((l) => topRank(l) === 0).map((l) => l.id));
    const share = (ids: Set<string>, type: string) => {
      const withType = new Set(
        demo.records.activities.filter((a) => a.type === type && ids.has(a.leadId)).map((a) => a.leadId),
      );
      return withType.size / ids.size;
    };
    for (const type of ['pricing_view', 'comparison_download', 'roi_calculator', 'meeting_booked']) {
      expect(share(reachedSqo, type)).toBeGreaterThan(2 * share(neverMql, type));
    }
    expect(share(neverMql, 'whitepaper_download')).toBeGreaterThan(share(reachedSqo, 'whitepaper_download'));
  });

  it('lets some demo requests jump from lead straight to SQL', () => {
    const jumped = humans.filter(
      (l) => l.source === 'demo_request' && l.stageHistory[0]?.stage === 'lead' && l.stageHistory[1]?.stage === 'sql',
    );
    expect(jumped.length).toBeGreaterThan(50);
  });
});

describe('the planted SQO gaming patterns of the default demo', () => {
  it('holds some of each, exactly as the manifest lists them', () => {
    const rs = demo.records;
    const m = demo.manifest;
    const fast = fastTrackedIds(rs);
    const restaged = restagedIds(rs);
    const pass = passThroughIds(rs);
    for (const s of [fast, restaged, pass]) expect(s.size).toBeGreaterThan(5);
    expect(new Set(m.ids.fastTracked)).toEqual(fast);
    expect(new Set(m.ids.restaged)).toEqual(restaged);
    expect(new Set(m.ids.passThrough)).toEqual(pass);
    expect([m.fastTracked, m.restaged, m.passThrough]).toEqual([fast.size, restaged.size, pass.size]);
  });

  it('creates no case by accident: what the definitions find is what was planted', () => {
    const { ids, planted } = demo.manifest;
    expect(ids.fastTracked).toEqual(planted.fastTracked);
    expect(ids.restaged).toEqual(planted.restaged);
    expect(ids.passThrough).toEqual(planted.passThrough);
  });

  it('plants fast-tracks of each kind: under a day after SQL, without SQL, and with BANT incomplete', () => {
    const leads = new Map(demo.records.leads.map((l) => [l.id, l]));
    const kinds = { quick: 0, noSql: 0, bant: 0 };
    for (const o of demo.records.opportunities) {
      const history = leads.get(o.leadId!)!.stageHistory;
      const sql = history.find((e) => e.stage === 'sql')?.at;
      const q = o.qualification;
      if (sql === undefined) kinds.noSql++;
      else if (o.createdAt - sql < DAY) kinds.quick++;
      if (!(q.budget && q.authority && q.need && q.timeline)) kinds.bant++;
    }
    expect(kinds.quick).toBeGreaterThan(5);
    expect(kinds.noSql).toBeGreaterThan(5);
    expect(kinds.bant).toBeGreaterThan(5);
  });

  it('wins fast-tracked SQOs far less often than clean ones', () => {
    const fast = fastTrackedIds(demo.records);
    const opps = demo.records.opportunities;
    const fastRate = winRate(opps.filter((o) => fast.has(o.id)));
    const cleanRate = winRate(opps.filter((o) => !fast.has(o.id)));
    expect(fastRate).toBeLessThan(0.1);
    expect(fastRate).toBeLessThan(cleanRate / 3);
  });

  it('counts skipped stages the way the inclusive funnel implies', () => {
    const skipped = { mql: 0, sal: 0, sql: 0, sqo: 0 };
    const rank = { mql: 1, sal: 2, sql: 3, sqo: 4 } as const;
    for (const l of demo.records.leads) {
      const top = topRank(l);
      for (const s of ['mql', 'sal', 'sql', 'sqo'] as const) {
        if (top > rank[s] && !l.stageHistory.some((e) => e.stage === s)) skipped[s]++;
      }
    }
    expect(demo.manifest.skippedStages).toEqual(skipped);
    expect(skipped.mql).toBeGreaterThan(0);
    expect(skipped.sal).toBeGreaterThan(0);
  });

  it('records the bots and the dirty rows in the manifest', () => {
    expect(demo.manifest.bots).toBe(demo.records.leads.filter((l) => l.isBot).length);
    expect(demo.manifest.dirtyRows).toBeGreaterThan(0);
  });
});
