import { describe, expect, it } from 'vitest';
import { sqoLag } from '../../../src/engine/forecast/sqo-lag';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { ms, recordSet } from '../../fixtures/records';
import { deal, usd } from './pipeline-fixture';

/*
 * As of 2026-08-15 (2026-Q3). Cohorts:
 *   2026-Q1: 4 SQOs; Q1a won in Q1 (lag 0, $10,000), Q1b won in Q2 (lag 1, $20,000), 2 lost.
 *   2026-Q2: 2 SQOs; Q2a won in Q2 (lag 0, $30,000), one still open.
 * share(0) = cohorts Q1 + Q2 (both have finished lag 0): 2 wins / 6 SQOs = 1/3.
 * share(1) = cohort Q1 only (Q2 + 1 is the current quarter): 1 / 4.
 * share(2) = no cohort old enough: null.
 * Average won amount: ($10,000 + $20,000 + $30,000) / 3 = $20,000.
 */
const won = (id: string, created: string, closed: string, dollars: number) =>
  deal(id, created, dollars, [['won', closed]], { status: 'won', closeDate: ms(closed) });
const lost = (id: string, created: string, closed: string) =>
  deal(id, created, 1_000, [['lost', closed]], { status: 'lost', closeDate: ms(closed) });

const ds = buildDataset(
  recordSet({
    opportunities: [
      won('Q1a', '2026-01-10', '2026-03-01', 10_000),
      won('Q1b', '2026-02-10', '2026-05-01', 20_000),
      lost('Q1c', '2026-02-11', '2026-03-20'),
      lost('Q1d', '2026-03-11', '2026-04-20'),
      won('Q2a', '2026-04-10', '2026-06-01', 30_000),
      deal('Q2b', '2026-05-10', 8_000, [], { closeDate: ms('2026-10-01') }),
    ],
  }),
);
const r = sqoLag(ds, { asOf: ms('2026-08-15'), pastQuarters: 2, futureQuarters: 1 });

describe('bookings by quarter from SQO creation', () => {
  it('reads the lag distribution only from cohorts old enough to have seen each lag', () => {
    expect(r.shares[0]).toMatchObject({ lag: 0, won: 2, cohortSqos: 6 });
    expect(r.shares[0]!.share).toBeCloseTo(1 / 3, 12);
    expect(r.shares[1]).toMatchObject({ lag: 1, won: 1, cohortSqos: 4, share: 0.25 });
    expect(r.shares[2]).toMatchObject({ lag: 2, cohortSqos: 0, share: null });
    expect(r.avgWonCents).toBe(usd(20_000));
  });

  it('forecasts each quarter from the SQOs created before it', () => {
    const byQ = new Map(r.quarters.map((q) => [q.quarter, q]));
    // Q1: 4 × 1/3 × $20,000 = $26,666.67; actual $10,000.
    expect(byQ.get('2026-Q1')).toMatchObject({
      tense: 'past',
      sqosCreated: 4,
      forecastCents: 2_666_667,
      actualCents: usd(10_000),
    });
    // Q2: (2 × 1/3 + 4 × 1/4) × $20,000 = $33,333.33; actual $20,000 + $30,000.
    expect(byQ.get('2026-Q2')).toMatchObject({
      tense: 'past',
      sqosCreated: 2,
      forecastCents: 3_333_333,
      actualCents: usd(50_000),
    });
    // Q3 (current): no SQO yet in Q3; 2 Q2 SQOs × 1/4 × $20,000 = $10,000.
    expect(byQ.get('2026-Q3')).toMatchObject({ tense: 'current', sqosCreated: 0, forecastCents: usd(10_000) });
    // Q4: lags 2+ have no share yet, and no SQO of Q3 or Q4 is known.
    expect(byQ.get('2026-Q4')).toMatchObject({
      tense: 'future',
      sqosCreated: null,
      actualCents: null,
      forecastCents: 0,
    });
    // Error of past quarters: (|1,000,000 − 2,666,667| + |5,000,000 − 3,333,333|) / 6,000,000.
    expect(r.wape).toBeCloseTo((1_666_667 + 1_666_667) / 6_000_000, 12);
  });

  it('lands a drop in SQO creation as a lower forecast one quarter later', () => {
    // Fewer SQOs in Q2 (2 against 4 in Q1) → Q3's forecast from lag 1 halves against what Q1 gave Q2.
    const q2 = r.quarters.find((q) => q.quarter === '2026-Q2')!;
    const q3 = r.quarters.find((q) => q.quarter === '2026-Q3')!;
    expect(q3.forecastCents).toBeLessThan(q2.forecastCents);
  });

  it('sets the current quarter against its forecast to date: the forecast × the share past quarters had closed by then', () => {
    // Aug 15 is 45 days into Q3. Q1 and Q2 booked $60,000; only Q1b ($20,000, May 1 = day 30 of Q2)
    // closed within 45 days of its quarter's start: 1/3. Q3's $10,000 forecast → $3,333.33 to date.
    expect(r.pace.share).toBeCloseTo(1 / 3, 12);
    const q3 = r.quarters.find((q) => q.quarter === '2026-Q3')!;
    expect(q3.forecastToDateCents).toBe(333_333);
    expect(r.quarters.filter((q) => q.tense !== 'current').every((q) => q.forecastToDateCents === null)).toBe(true);
  });

  it('forecasts nothing from an empty dataset', () => {
    const e = sqoLag(buildDataset(recordSet()), { asOf: ms('2026-08-15') });
    expect(e.avgWonCents).toBeNull();
    expect(e.quarters.every((q) => q.forecastCents === 0)).toBe(true);
    expect(e.wape).toBeNull();
    expect(e.pace.share).toBeNull();
    expect(e.quarters.find((q) => q.tense === 'current')!.forecastToDateCents).toBeNull();
  });
});
