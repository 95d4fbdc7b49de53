/** The demo's recorded deal history: consistent with the deals, and holding what the manifest lists. */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCompany, type DemoCompany } from '../../src/demo/generate';
import { dealStateAt } from '../../src/engine/forecast/deal-history';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { OpportunityRecord } from '../../src/engine/model/records';

let demo: DemoCompany;
const HORIZON = Date.UTC(2026, 10, 16);

beforeAll(() => {
  demo = generateDemoCompany({ seed: 7, leads: 8_000 });
});

/** Instant the deal closed (its last stage entry), or Infinity while open. */
const closeInstant = (o: OpportunityRecord) =>
  o.status === 'open' ? Infinity : o.stageHistory[o.stageHistory.length - 1]!.at;

/** Moves of the recorded close date made while the deal was open: +1 later, −1 earlier. */
function moves(o: OpportunityRecord): number[] {
  const out: number[] = [];
  let prev: number | undefined;
  for (const c of o.changes ?? []) {
    if (c.closeDate === undefined) continue;
    if (prev !== undefined && c.at < closeInstant(o) && c.closeDate !== prev) out.push(c.closeDate > prev ? 1 : -1);
    prev = c.closeDate;
  }
  return out;
}

describe('the demo deal history', () => {
  it('records every deal from its creation, in time order, nothing after the data ends', () => {
    for (const o of demo.records.opportunities) {
      const ats = (o.changes ?? []).map((c) => c.at);
      expect(ats[0]).toBe(o.createdAt);
      expect(ats.every((t, i) => i === 0 || t >= ats[i - 1]!)).toBe(true);
      expect(ats.every((t) => t < HORIZON)).toBe(true);
    }
  });

  it('replayed at the end of the data, every deal is as its record says', () => {
    const ds = buildDataset(demo.records);
    const at = HORIZON - 1;
    demo.records.opportunities.forEach((o, j) => {
      const s = dealStateAt(ds, j, at);
      expect([s.amountCents, s.closeDate, s.stage]).toEqual([o.amountCents, o.closeDate, o.stage]);
    });
  });

  it('holds the planted pushes, pull-ins, amount and category moves the manifest lists, and no others', () => {
    const opps = demo.records.opportunities;
    const h = demo.manifest.history;
    const found = {
      pushed: opps.filter((o) => moves(o).some((m) => m > 0)).map((o) => o.id),
      pushedTwice: opps.filter((o) => moves(o).filter((m) => m > 0).length >= 2).map((o) => o.id),
      pulledIn: opps.filter((o) => moves(o).some((m) => m < 0)).map((o) => o.id),
      amountChanged: opps
        .filter(
          (o) =>
            new Set((o.changes ?? []).flatMap((c) => (c.amountCents === undefined ? [] : [c.amountCents]))).size > 1,
        )
        .map((o) => o.id),
      categoryMoved: opps
        .filter((o) => (o.changes ?? []).some((c) => c.forecastCategory !== undefined))
        .map((o) => o.id),
    };
    expect(found).toEqual(h);
    // Realistic shares: about a third pushed, a fifth of those more than once, some of each kind.
    expect(h.pushed.length / opps.length).toBeGreaterThan(0.2);
    expect(h.pushed.length / opps.length).toBeLessThan(0.5);
    expect(h.pushedTwice.length).toBeGreaterThan(h.pushed.length * 0.1);
    expect(h.pulledIn.length).toBeGreaterThan(0);
    expect(h.categoryMoved.length).toBeGreaterThan(0);
  });

  it('pushed deals win less often than deals never pushed', () => {
    const pushed = new Set(demo.manifest.history.pushed);
    const rate = (inSet: boolean) => {
      const closed = demo.records.opportunities.filter((o) => o.status !== 'open' && pushed.has(o.id) === inSet);
      return closed.filter((o) => o.status === 'won').length / closed.length;
    };
    expect(rate(true)).toBeLessThan(rate(false));
  });
});
