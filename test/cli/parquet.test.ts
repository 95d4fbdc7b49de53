import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import { CliError, type CliOptions } from '../../src/cli/context';
import { filePathsAt, importPaths, loadDataset } from '../../src/cli/load-dataset';
import { nodeImportLimit } from '../../src/cli/memory';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { csvFolderToParquet, writeParquet } from '../fixtures/parquet';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'revlens-parquet-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const options: CliOptions = { json: true, asOf: '2026-11-15', flags: { json: true } };

describe('revlens report on a canonical Parquet folder', () => {
  // Same folder name: the report names the dataset after it.
  const csvDir = join(tempDir(), 'acme');
  const pqDir = join(tempDir(), 'acme');

  beforeAll(async () => {
    mkdirSync(csvDir);
    mkdirSync(pqDir);
    for (const [name, text] of Object.entries(writeCanonicalCsv(generateDemoCompany({ leads: 600, seed: 11 }).records)))
      writeFileSync(join(csvDir, name), text);
    await csvFolderToParquet(csvDir, pqDir);
  }, 60_000);

  it('lists the .parquet files of a folder', () => {
    expect(filePathsAt(pqDir).map((p) => p.slice(pqDir.length + 1))).toEqual([
      'accounts.parquet',
      'activities.parquet',
      'leads.parquet',
      'opportunities.parquet',
      'opportunity_history.parquet',
      'opportunity_stages.parquet',
      'plan.parquet',
      'touches.parquet',
    ]);
  });

  it('prints the same JSON as on the same folder as CSV, file names aside', () => {
    const fromCsv = runReport(loadDataset(csvDir, options));
    const fromParquet = runReport(loadDataset(pqDir, options));
    expect(JSON.parse(fromCsv)).toMatchObject({ stageCounts: { lead: expect.any(Number) } });
    expect((JSON.parse(fromCsv) as { stageCounts: { lead: number } }).stageCounts.lead).toBeGreaterThan(0);
    expect(fromParquet.replaceAll('.parquet', '.csv')).toBe(fromCsv);
  });
});

describe('revlens import of Parquet under a memory limit', () => {
  it('counts a compressed Parquet file for its rows as text, read from its footer, and says so', async () => {
    const dir = tempDir();
    const path = join(dir, 'leads.parquet');
    // 20,000 rows × 3 columns, each row's text alike: compresses far below its size as text.
    await writeParquet(
      `SELECT 'L' || lpad(range::VARCHAR, 6, '0') AS id, DATE '2026-01-05' AS created_at, 'web' AS source FROM range(20000)`,
      path,
    );
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const meta = await c.runAndReadAll(
      `SELECT sum(total_uncompressed_size)::BIGINT AS u FROM parquet_metadata('${path}')`,
    );
    const uncompressed = Number(meta.getRowObjectsJS()[0]!['u']);
    c.closeSync();
    db.closeSync();
    const size = statSync(path).size;
    // Memory: max(uncompressed, size) × 8 + 60,000 fields × 40, as bytes of typical CSV (÷ 12).
    const counted = (Math.max(uncompressed, size) * 8 + 60_000 * 40) / 12;
    expect(counted).toBeGreaterThan(190 * 1024);
    const limit = nodeImportLimit({ heap_size_limit: 64 * 12 * 1024 + 12 * 1024, used_heap_size: 12 * 1024 });
    expect(limit.bytes).toBe(64 * 1024);
    let error: unknown;
    try {
      importPaths([dir], { json: false, flags: {} }, Date.now(), limit);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(
      new RegExp(
        `^leads\\.parquet is ${Math.round(size / 1024)} KB of compressed Parquet, needing as much memory to import as about ${Math.round(counted / 1024)} KB of typical CSV, above the about 64 KB`,
      ),
    );
    // With room, the same file is read: 20,000 leads.
    const { records } = importPaths(
      [dir],
      { json: false, flags: {} },
      Date.UTC(2026, 5, 1),
      nodeImportLimit({ heap_size_limit: 256 * 1024 * 1024, used_heap_size: 0 }),
    );
    expect(records.leads.length).toBe(20_000);
    expect(records.leads[19_999]).toMatchObject({ id: 'L019999', createdAt: Date.UTC(2026, 0, 5), source: 'web' });
  });
});
