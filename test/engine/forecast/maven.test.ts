import { describe, expect, it } from 'vitest';
import { historicalRates } from '../../../src/engine/forecast/lookback';
import { pipelineSummary } from '../../../src/engine/forecast/pipeline';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { mavenRecords, readMavenText } from '../../fixtures/maven-opps';

/** Independent figures straight from the CSV text: no engine code involved. */
function independent() {
  const rows = readMavenText()
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  // opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
  const won = rows.filter((r) => r[4] === 'Won');
  const lost = rows.filter((r) => r[4] === 'Lost');
  const wonValue = won.reduce((s, r) => s + Number(r[7]), 0);
  const cycles = won.map((r) => (Date.parse(r[6]!) - Date.parse(r[5]!)) / 86_400_000).sort((a, b) => a - b);
  const mid = Math.floor(cycles.length / 2);
  const medianDays = cycles.length % 2 ? cycles[mid]! : (cycles[mid - 1]! + cycles[mid]!) / 2;
  const open = rows.filter((r) => r[4] === 'Engaging');
  return {
    won: won.length,
    lost: lost.length,
    winRate: won.length / (won.length + lost.length),
    avgWonDollars: wonValue / won.length,
    medianDays,
    engagingCount: open.length,
  };
}

describe('on the Maven CRM sales opportunities', () => {
  const ds = buildDataset(mavenRecords());
  const expected = independent();
  const asOf = ds.meta.latestAt;

  it('matches win rate, average won deal and median cycle days computed from the CSV', () => {
    const r = historicalRates(ds, { asOf, lookbackQuarters: null });
    expect(r.won).toBe(expected.won);
    expect(r.lost).toBe(expected.lost);
    expect(r.winRate).toBeCloseTo(expected.winRate, 12);
    expect(r.avgWonCents! / 100).toBeCloseTo(expected.avgWonDollars, 6);
    expect(r.cycleDaysMedian).toBe(expected.medianDays);
    // Sanity against the published shape of the data: 4,238 won and 2,473 lost.
    expect([expected.won, expected.lost]).toEqual([4238, 2473]);
  });

  it('counts Engaging deals as the open pipeline', () => {
    expect(pipelineSummary(ds, { asOf, lookbackQuarters: null }).openCount).toBe(expected.engagingCount);
  });
});
