import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import type { CliOptions } from '../../src/cli/context';
import { runDuckDbReport } from '../../src/cli/duckdb/report';
import { loadDataset } from '../../src/cli/load-dataset';
import { generateDemoCompany } from '../../src/demo/generate';
import { withDirtyRows } from '../../src/demo/dirty-rows';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import type { RecordSet } from '../../src/engine/model/records';
import { handRecords } from '../engine/funnel/hand-fixture';
import { mavenRecords } from '../fixtures/maven';

const root = mkdtempSync(join(tmpdir(), 'revlens-duck-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const canonical = (rs: RecordSet) => folder(writeCanonicalCsv(rs));

type Json = Record<string, unknown> & {
  rowsLeftOut: { leftOut: number; rows: { file: string; row: number; column: string; reason: string }[] };
};
const opts = (flags: Record<string, string>, asOf?: string): CliOptions => ({
  json: true,
  asOf,
  flags: { json: true, ...flags },
});
const memory = (dir: string, flags: Record<string, string> = {}, asOf?: string) =>
  JSON.parse(runReport(loadDataset(dir, opts(flags, asOf)))) as Record<string, unknown>;
const duck = async (dir: string, flags: Record<string, string> = {}, asOf?: string) =>
  JSON.parse(await runDuckDbReport(dir, opts(flags, asOf))) as Json;
const COVERED = ['dataset', 'asOf', 'stageCounts', 'rates', 'breakdown', 'coverage'] as const;
const covered = (j: Record<string, unknown>) => Object.fromEntries(COVERED.map((k) => [k, j[k]]));

/** Both engines on a folder, both counting modes: the covered keys must be equal. */
async function expectSameFigures(dir: string, asOf?: string): Promise<Json> {
  let last: Json | undefined;
  for (const mode of ['inclusive', 'strict']) {
    const m = memory(dir, { mode }, asOf);
    const d = await duck(dir, { mode }, asOf);
    expect(covered(d)).toEqual(covered(m));
    expect(d.engine).toBe('duckdb');
    expect(d.mode).toBe(mode);
    last = d;
  }
  return last!;
}

describe('revlens report --engine duckdb equals the in-memory engine', () => {
  it('on the demo company with its dirty rows, from CSV and from Parquet files of the same names', async () => {
    const rs = generateDemoCompany({ leads: 3000 }).records;
    const dir = folder(withDirtyRows(writeCanonicalCsv(rs)));
    const d = await expectSameFigures(dir);
    // Not vacuous: deals were won and quarters have quota, pipeline due and won amounts.
    const coverage = Object.values(d.coverage as Record<string, { won: number; openDue: number; quota: number }>);
    expect(coverage.some((c) => c.openDue > 0 && c.won > 0 && c.quota > 0)).toBe(true);
    // The dirty rows the figures read are left out and named (touches.csv is not read).
    expect(d.rowsLeftOut.rows.map((r) => `${r.file}:${r.column}`)).toEqual([
      'leads.csv:created_at',
      'leads.csv:id',
      'opportunities.csv:amount',
      'activities.csv:lead_id',
    ]);
    // Not covered figures are listed with a reason, never given as 0.
    expect(Object.keys(d.notCovered as object)).toEqual(
      expect.arrayContaining(['pipeline', 'hygiene', 'forecast', 'tiers', 'accuracy', 'funnel', 'importReport']),
    );
    expect(d).not.toHaveProperty('pipeline');

    const parquet = join(root, 'parquet');
    mkdirSync(parquet);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    for (const t of ['leads', 'opportunities', 'opportunity_stages', 'opportunity_history', 'activities', 'plan']) {
      await conn.run(
        `COPY (SELECT * FROM read_csv('${join(dir, `${t}.csv`)}', all_varchar = true, header = true)) TO '${join(parquet, `${t}.parquet`)}' (FORMAT parquet)`,
      );
    }
    conn.closeSync();
    db.closeSync();
    const fromParquet = await duck(parquet);
    expect(covered(fromParquet)).toEqual({ ...covered(memory(dir)), dataset: 'parquet' });
  }, 180_000);

  it('on the Maven CRM data written as a canonical folder', async () => {
    const d = await expectSameFigures(canonical(mavenRecords()));
    expect((d.stageCounts as Record<string, number>).won).toBe(4238);
  }, 180_000);

  it('on the hand-worked funnel: the hand figures in both modes', async () => {
    const dir = canonical(handRecords());
    await expectSameFigures(dir, '2026-06-30');
    const r = await duck(dir, {}, '2026-06-30');
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
    expect(Object.keys(r.breakdown as object).length).toBe(1);
    expect(Object.keys((r.breakdown as { source: object }).source).sort()).toEqual(['(none)', 'paid', 'webinar']);
    const strict = await duck(dir, { mode: 'strict' }, '2026-06-30');
    expect(strict.stageCounts).toEqual({ lead: 6, mql: 4, sal: 2, sql: 2, sqo: 2, won: 2, lost: 1, disqualified: 1 });
  }, 120_000);

  it('on hand-written files with quirks: repairs read as the import reads them, rejected rows left out with their reason', async () => {
    const dir = folder({
      'leads.csv': [
        'ID,Created_At,source,is_bot,mql_at,sql_at,sqo_at',
        'L1,2026-01-05,web,no,2026-01-10T00:00:00+02:00,,',
        'L2,2026-01-06T10:00:00Z, web ,false,2026-01-07,2026-01-08,',
        'L2,2026-01-07,paid,false,,,',
        'L3,not a date,paid,,,,',
        'L4,2026-02-01,,yes,2026-02-02,,',
        'L5,2026-02-03,paid,maybe,2026-13-01,,',
        '"L6, ""quoted""",2026-02-04,"pa,id",false,2026-02-05,,',
      ].join('\n'),
      'opportunities.csv': [
        'id,lead_id,created_at,amount,close_date,status,stage',
        'O1,L1,2026-01-20,1000.005,2026-03-01,WON,won',
        'O2,L9,2026-01-21,500,2026-04-15,open,sqo',
        'O3,L2,2026-01-22,-5,,open,sqo',
        'O4,L2,2026-01-23,700,2026-05-01,pending,sqo',
        'O5,L2,2026-01-24,,2026-05-10,open,sqo',
        'O6,L4,2026-02-10,900,2026-05-20,open,sqo',
      ].join('\n'),
      'plan.csv': [
        'quarter,quota,currency,fiscal_year_start_month',
        ',,USD,1',
        '2026q1,2000,,',
        '2026-Q2,3000,,',
        '2026-Q2,4000,,',
      ].join('\n'),
      'activities.csv': ['lead_id,type,at', 'L1,page_view,2026-03-10T12:00:00Z', 'L7,page_view,2026-06-01'].join('\n'),
    });
    const d = await expectSameFigures(dir);
    const m = memory(dir) as { importReport: { rowsRead: number; rejected: number } };
    expect(d.rowsLeftOut.leftOut).toBe(m.importReport.rejected);
    expect((d.rowsLeftOut as unknown as { rowsRead: number }).rowsRead).toBe(m.importReport.rowsRead);
    expect(d.rowsLeftOut.rows.map((r) => `${r.file} ${r.row} ${r.column}`)).toEqual([
      'leads.csv 3 id', // the second L2
      'leads.csv 4 created_at',
      'opportunities.csv 3 amount',
      'opportunities.csv 4 status',
      'activities.csv 2 lead_id',
      'plan.csv 4 quarter', // the second 2026-Q2
    ]);
    // The orphan activity of 2026-06-01 does not move the as-of: the last event is L1's activity.
    expect(d.asOf).toBe('2026-03-10');
    expect((d.coverage as Record<string, { quota: number; won: number; openDue: number }>)['2026-Q1']).toMatchObject({
      quota: 2000,
      won: 1000.01,
    });
    // O6 belongs to a bot lead: out of the pipeline as in the app; O5 has no amount.
    expect((d.coverage as Record<string, { openDue: number }>)['2026-Q2']!.openDue).toBe(500);
  }, 120_000);
});

describe('rows left out by --engine duckdb', () => {
  it('counts every one and lists the first 20 in file order, from a streamed file and a stored one alike', async () => {
    // 30 orphan activities (streamed: never stored) and 25 leads repeating an id (stored).
    const leads = ['id,created_at', 'L1,2026-01-05', ...Array.from({ length: 25 }, () => 'L1,2026-01-06')];
    const activities = [
      'lead_id,type,at',
      ...Array.from({ length: 30 }, (_, i) => `X${i},page_view,2026-02-01`),
      'L1,page_view,2026-03-01T10:00:00+02:00',
    ];
    const stored = await duck(folder({ 'leads.csv': leads.join('\n') }));
    expect(stored.rowsLeftOut.leftOut).toBe(25);
    expect(stored.rowsLeftOut.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(new Set(stored.rowsLeftOut.rows.map((r) => r.reason))).toEqual(
      new Set(['duplicate id (the first row with it is kept)']),
    );

    const d = await duck(
      folder({ 'leads.csv': leads.slice(0, 2).join('\n'), 'activities.csv': activities.join('\n') }),
    );
    expect(d.rowsLeftOut.leftOut).toBe(30);
    expect(d.rowsLeftOut.rows.map((r) => `${r.file} ${r.row} ${r.column}`)).toEqual(
      Array.from({ length: 20 }, (_, i) => `activities.csv ${i + 1} lead_id`),
    );
    // The one kept activity, at 08:00 UTC, is the latest event: the orphans never move the as-of.
    expect(d.asOf).toBe('2026-03-01');
  }, 120_000);
});

describe('the --engine flag of the revlens command', () => {
  const revlens = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('prints the DuckDB figures with "engine": "duckdb"', () => {
    const r = revlens('report', canonical(handRecords()), '--engine', 'duckdb', '--json', '--as-of', '2026-06-30');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { engine: string; stageCounts: { mql: number } };
    expect(j.engine).toBe('duckdb');
    expect(j.stageCounts.mql).toBe(5);
  }, 120_000);

  it('refuses an unknown engine, naming the choices', () => {
    const r = revlens('report', canonical(handRecords()), '--engine', 'spark');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('revlens: --engine takes one of memory, duckdb, not "spark"\n');
  }, 60_000);
});
