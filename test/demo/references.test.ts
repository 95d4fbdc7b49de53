/** The demo records are valid: every reference resolves, every value is of its kind and in range. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import type { RecordSet } from '../../src/engine/model/records';
import { ACTIVITY_TYPES, LEAD_STAGES, OPPORTUNITY_STAGES, QUALIFICATION_CRITERIA } from '../../src/engine/model/stages';

let rs: RecordSet;
const START = Date.UTC(2025, 0, 1);
const HORIZON = Date.UTC(2026, 10, 16);

beforeAll(() => {
  rs = generateDemoCompany({ seed: 99, leads: 8_000 }).records;
});

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;
const increasing = (ats: readonly number[]) => ats.every((t, i) => i === 0 || t > ats[i - 1]!);

describe('references of the demo records', () => {
  it('gives every account, lead and opportunity a unique id', () => {
    expect(unique(rs.accounts.map((a) => a.id))).toBe(true);
    expect(unique(rs.leads.map((l) => l.id))).toBe(true);
    expect(unique(rs.opportunities.map((o) => o.id))).toBe(true);
  });

  it('points activities at existing leads, and leads at existing accounts', () => {
    const leads = new Set(rs.leads.map((l) => l.id));
    const accounts = new Set(rs.accounts.map((a) => a.id));
    expect(rs.activities.every((a) => leads.has(a.leadId))).toBe(true);
    expect(rs.leads.every((l) => l.accountId === undefined || accounts.has(l.accountId))).toBe(true);
  });

  it('points every opportunity at an existing lead and account, the lead’s own account', () => {
    const leads = new Map(rs.leads.map((l) => [l.id, l]));
    const accounts = new Set(rs.accounts.map((a) => a.id));
    for (const o of rs.opportunities) {
      const lead = leads.get(o.leadId!);
      expect(lead).toBeDefined();
      expect(accounts.has(o.accountId!)).toBe(true);
      expect(o.accountId).toBe(lead!.accountId);
    }
  });

  it('gives an opportunity to every lead that reached SQO, and only to those', () => {
    const withOpp = new Set(rs.opportunities.map((o) => o.leadId));
    const sqoLeads = rs.leads.filter((l) => l.stageHistory.some((e) => e.stage === 'sqo')).map((l) => l.id);
    expect(new Set(sqoLeads)).toEqual(withOpp);
  });

  it('points every touch at an existing lead or opportunity', () => {
    const leads = new Set(rs.leads.map((l) => l.id));
    const opps = new Set(rs.opportunities.map((o) => o.id));
    for (const t of rs.touches) {
      const ok =
        (t.leadId !== undefined && leads.has(t.leadId)) || (t.opportunityId !== undefined && opps.has(t.opportunityId));
      expect(ok).toBe(true);
    }
  });
});

describe('values of the demo records', () => {
  it('keeps every instant inside the eight quarters up to the as-of date', () => {
    const inside = (t: number) => Number.isInteger(t) && t >= START && t < HORIZON;
    expect(rs.leads.every((l) => inside(l.createdAt) && l.stageHistory.every((e) => inside(e.at)))).toBe(true);
    expect(rs.activities.every((a) => inside(a.at))).toBe(true);
    expect(rs.touches.every((t) => inside(t.at))).toBe(true);
    expect(rs.opportunities.every((o) => inside(o.createdAt) && o.stageHistory.every((e) => inside(e.at)))).toBe(true);
  });

  it('starts each lead’s history with `lead` at creation, in time order, with known stages', () => {
    for (const l of rs.leads) {
      expect(l.stageHistory[0]).toEqual({ stage: 'lead', at: l.createdAt });
      expect(increasing(l.stageHistory.map((e) => e.at))).toBe(true);
      expect(l.stageHistory.every((e) => (LEAD_STAGES as readonly string[]).includes(e.stage))).toBe(true);
    }
  });

  it('sorts each lead’s activities by time, uses known types and never precedes the lead', () => {
    const created = new Map(rs.leads.map((l) => [l.id, l.createdAt]));
    const types: ReadonlySet<string> = new Set(ACTIVITY_TYPES);
    const bad = rs.activities.filter((a, i) => {
      const prev = rs.activities[i - 1];
      return !types.has(a.type) || a.at < created.get(a.leadId)! || (prev?.leadId === a.leadId && a.at < prev.at);
    });
    expect(bad).toEqual([]);
  });

  it('keeps opportunities consistent: status, stage, close date and the lead’s outcome agree', () => {
    const leads = new Map(rs.leads.map((l) => [l.id, l]));
    for (const o of rs.opportunities) {
      const history = o.stageHistory;
      const last = history[history.length - 1]!;
      expect(history[0]).toEqual({ stage: 'sqo', at: o.createdAt });
      expect(increasing(history.map((e) => e.at))).toBe(true);
      expect(history.every((e) => (OPPORTUNITY_STAGES as readonly string[]).includes(e.stage))).toBe(true);
      expect(o.stage).toBe(last.stage);
      expect(Number.isSafeInteger(o.amountCents) && o.amountCents! > 0).toBe(true);
      const leadOutcome = leads.get(o.leadId!)!.stageHistory.find((e) => e.stage === 'won' || e.stage === 'lost');
      if (o.status === 'open') {
        expect(['won', 'lost']).not.toContain(last.stage);
        expect(o.closeDate).toBeGreaterThanOrEqual(HORIZON);
        expect(leadOutcome).toBeUndefined();
      } else {
        expect(last.stage).toBe(o.status);
        expect(o.closeDate).toBe(last.at);
        expect(leadOutcome).toEqual({ stage: o.status, at: last.at });
      }
      for (const k of Object.keys(o.qualification)) expect(QUALIFICATION_CRITERIA).toContain(k);
    }
  });

  it('plans an integer quota for the eight quarters and the next two', () => {
    const q = rs.plan.quotas.map((x) => x.quarter);
    expect(q).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    expect(rs.plan.quotas.every((x) => Number.isSafeInteger(x.quotaCents) && x.quotaCents > 0)).toBe(true);
  });

  it('sizes closed quarters’ quotas so won bookings attain 80–110%', () => {
    for (const { quarter, quotaCents } of rs.plan.quotas.slice(1, 7)) {
      const [y, qn] = quarter.split('-Q').map(Number) as [number, number];
      const from = Date.UTC(y, (qn - 1) * 3, 1);
      const to = Date.UTC(y, qn * 3, 1);
      const won = rs.opportunities
        .filter((o) => o.status === 'won' && o.closeDate! >= from && o.closeDate! < to)
        .reduce((s, o) => s + (o.amountCents ?? 0), 0);
      expect(won / quotaCents).toBeGreaterThanOrEqual(0.8);
      expect(won / quotaCents).toBeLessThanOrEqual(1.1);
    }
  });
});
