import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import type { CliOptions } from '../../src/cli/context';
import { loadDataset } from '../../src/cli/load-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import type { RecordSet } from '../../src/engine/model/records';
import { mavenRecords, readMaven } from '../fixtures/maven';
import { handRecords } from '../engine/funnel/hand-fixture';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes a record set as a canonical CSV folder and returns its path. */
export function writeFolder(rs: RecordSet): string {
  const dir = mkdtempSync(join(tmpdir(), 'revlens-report-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(writeCanonicalCsv(rs))) writeFileSync(join(dir, name), text);
  return dir;
}

function report(dir: string, flags: Record<string, string | boolean> = {}, asOf?: string) {
  const options: CliOptions = { json: true, asOf, flags: { json: true, ...flags } };
  return JSON.parse(runReport(loadDataset(dir, options))) as {
    stageCounts: Record<string, number>;
    rates: Record<string, number | null>;
    breakdown: {
      source: Record<string, { stageCounts: Record<string, number>; rates: Record<string, number | null> }>;
    };
    importReport: { rowsRead: number; accepted: number; repaired: number; rejected: number };
    funnel: { mode: string; skippedStages: Record<string, number> };
  };
}

describe('revlens report: funnel keys', () => {
  it('gives the hand-worked funnel in inclusive mode by default, and strict on request', () => {
    const dir = writeFolder(handRecords());
    // As of 2026-06-30 (see hand-fixture.ts for the hand calculation).
    const r = report(dir, {}, '2026-06-30');
    expect(r.stageCounts).toEqual({ lead: 6, mql: 5, sal: 4, sql: 3, sqo: 3, won: 2, lost: 1, disqualified: 1 });
    expect(r.rates).toEqual({
      leadToMql: 5 / 6,
      mqlToSal: 4 / 5,
      salToSql: 3 / 4,
      sqlToSqo: 1,
      mqlToSqo: 3 / 5,
      mqlToWon: 2 / 5,
      sqoToWon: 2 / 3,
      winRate: 2 / 3,
    });
    expect(Object.keys(r.breakdown.source).sort()).toEqual(['(none)', 'paid', 'webinar']);
    expect(r.breakdown.source.paid!.rates.sqoToWon).toBeNull();
    expect(r.funnel.mode).toBe('inclusive');
    const strict = report(dir, { mode: 'strict' }, '2026-06-30');
    expect(strict.stageCounts).toEqual({ lead: 6, mql: 4, sal: 2, sql: 2, sqo: 2, won: 2, lost: 1, disqualified: 1 });
    expect(strict.funnel.mode).toBe('strict');
  });

  it('rejects an unknown --mode', () => {
    const dir = writeFolder(handRecords());
    expect(() => report(dir, { mode: 'loose' })).toThrow(/--mode takes inclusive or strict/);
  });

  it('prints a readable summary without --json', () => {
    const dir = writeFolder(handRecords());
    const text = runReport(loadDataset(dir, { json: false, asOf: '2026-06-30', flags: {} }));
    expect(text).toMatch(/Funnel \(inclusive mode/);
    expect(text).toMatch(/SQO→won\s+66\.7%/);
    expect(text).toMatch(/paid\s+0\.0%\s+no data\s+no data/); // 0 of 2 MQLs reached SQO; no SQL, nothing closed
  });
});

describe('revlens report on the Maven CRM pipeline', () => {
  // Independent count straight from the source file.
  const stages = readMaven('sales_pipeline.csv').map((r) => r.deal_stage);
  const won = stages.filter((s) => s === 'Won').length;
  const lost = stages.filter((s) => s === 'Lost').length;

  it('gives won 4,238 and lost 2,473, so winRate = 4238 / 6711', () => {
    expect([won, lost]).toEqual([4238, 2473]);
    const r = report(writeFolder(mavenRecords()));
    expect(r.stageCounts.won).toBe(4238);
    expect(r.stageCounts.lost).toBe(2473);
    expect(r.rates.winRate).toBe(won / (won + lost));
    expect(r.rates.winRate).toBeCloseTo(0.6315, 4);
    // Every Maven deal is one lead with one opportunity, and an opportunity is the record of an SQO,
    // so every lead counts as an SQO (the 500 Prospecting deals without an engage date included).
    expect(r.stageCounts.lead).toBe(stages.length);
    expect(r.stageCounts.sqo).toBe(stages.length);
    expect(r.rates.sqoToWon).toBe(4238 / stages.length);
    expect(r.breakdown.source['(none)']!.stageCounts.won).toBe(4238);
    expect(r.importReport.rejected).toBe(0);
  });
});
