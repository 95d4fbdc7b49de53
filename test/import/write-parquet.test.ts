import { unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles } from '../../src/import/pipeline';
import { readParquetTable } from '../../src/import/source/parquet';
import { csvToParquet, typedColumn, zipParquetFolder } from '../../src/import/canonical/write-parquet';
import { createEngineService } from '../../src/worker/service';

const root = mkdtempSync(join(tmpdir(), 'revlens-parquet-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a column is typed only when every value reads back as the same text', () => {
  it('picks BOOLEAN, INT64, DOUBLE, DATE, TIMESTAMP, else STRING; empty cells are nulls', () => {
    expect(typedColumn(['true', '', 'false'])).toEqual({ type: 'BOOLEAN', data: [true, null, false] });
    expect(typedColumn(['12', '-3', '9223372036854775807'])).toEqual({
      type: 'INT64',
      data: [12n, -3n, 9223372036854775807n],
    });
    expect(typedColumn(['12', '1.5'])).toEqual({ type: 'DOUBLE', data: [12, 1.5] });
    expect(typedColumn(['2026-01-05', '1970-01-02'])).toEqual({ type: 'DATE', data: [20458, 1] });
    expect(typedColumn(['2026-01-05T10:00:00Z', '1970-01-01T00:00:00.5Z'])).toEqual({
      type: 'TIMESTAMP',
      data: [1767607200000n, 500n],
    });
    // Each of these would read back differently, so the column stays text.
    for (const odd of [
      ['007'],
      ['1.50'],
      ['1e3'],
      ['9223372036854775808'],
      ['2026-01-05T10:00:00.000Z'],
      ['2026-02-30'],
      ['2026-01-05', '2026-01-05T10:00:00Z'],
      [''],
    ]) {
      expect(typedColumn(odd).type).toBe('STRING');
    }
  });

  it("a canonical date-time column is TIMESTAMP over the canonical writer's forms: midnight as a date, else with milliseconds", () => {
    expect(typedColumn(['2026-01-05', '2026-01-05T10:00:00.000Z', '2026-01-06T00:00:00.630Z'], true)).toEqual({
      type: 'TIMESTAMP',
      data: [1767571200000n, 1767607200000n, 1767657600630n],
    });
    // The same cells in a custom column keep their text.
    expect(typedColumn(['2026-01-05', '2026-01-05T10:00:00.000Z'], false).type).toBe('STRING');
  });

  it('a CSV written as Parquet reads back as the same cells', () => {
    const text =
      'id,flag,n,x,d,t,s\nL1,true,12,1.5,2026-01-05,2026-01-05T10:00:00Z,hello\nL2,false,-3,,2026-02-01,2026-01-05T10:00:00.123Z,"a,""b"""\nL3,,0,1e3,,,\n';
    const r = readParquetTable(csvToParquet(text));
    expect(r.ok && [r.table.header, r.table.rows]).toEqual([
      ['id', 'flag', 'n', 'x', 'd', 't', 's'],
      [
        ['L1', 'true', '12', '1.5', '2026-01-05', '2026-01-05T10:00:00Z', 'hello'],
        ['L2', 'false', '-3', '', '2026-02-01', '2026-01-05T10:00:00.123Z', 'a,"b"'],
        ['L3', '', '0', '1e3', '', '', ''],
      ],
    ]);
  });
});

describe('the canonical folder as Parquet', () => {
  const records = generateDemoCompany({ leads: 500, seed: 3 }).records;
  const csv = writeCanonicalCsv(records);
  const zip = unzipSync(zipParquetFolder('acme', csv));

  it('holds one .parquet file per canonical CSV file', () => {
    expect(Object.keys(zip).sort()).toEqual(
      Object.keys(csv)
        .map((n) => `acme/${n.replace('.csv', '.parquet')}`)
        .sort(),
    );
  });

  it('imports back to the records the CSV folder imports to', () => {
    const now = Date.UTC(2027, 0, 1);
    const fromCsv = importFiles(
      Object.entries(csv).map(([name, text]) => ({ name, text })),
      { now },
    );
    const fromParquet = importFiles(
      Object.entries(zip).map(([name, bytes]) => ({ name, bytes })),
      { now },
    );
    expect(fromParquet.mode).toBe('canonical');
    expect(fromParquet.records.leads).toHaveLength(500);
    expect(fromParquet.records).toEqual(fromCsv.records);
    expect(fromParquet.report.rejected).toBe(fromCsv.report.rejected);
  });

  it('has typed columns a warehouse reads as such (DuckDB), with every row', async () => {
    const path = join(root, 'leads.parquet');
    writeFileSync(path, zip['acme/leads.parquet']!);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const types = Object.fromEntries(
      (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`))
        .getRowObjectsJS()
        .map((r) => [String(r['column_name']), String(r['column_type'])]),
    );
    const count = Number(
      (await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${path}')`)).getRowObjectsJS()[0]!['n'],
    );
    c.closeSync();
    db.closeSync();
    expect(count).toBe(500);
    expect(types).toMatchObject({ id: 'VARCHAR', created_at: expect.stringMatching(/^TIMESTAMP/), is_bot: 'BOOLEAN' });
  });
});

describe('the export handler', () => {
  it('offers the loaded dataset as `<name>-parquet.zip`', async () => {
    const engine = createEngineService();
    const p = await engine.previewInputs([
      {
        name: 'opportunities.csv',
        bytes: new TextEncoder().encode(
          'id,created_at,amount,status\nO1,2026-01-01,100,won\nO2,2026-01-02,200.50,lost\n',
        ),
      },
    ]);
    await engine.commitImport(p.id);
    const file = await engine.exportDataset('parquet');
    expect([file.fileName, file.mimeType]).toEqual(['opportunities-parquet.zip', 'application/zip']);
    const files = unzipSync(file.bytes);
    const again = importFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
    expect(again.records.opportunities.map((o) => [o.id, o.amountCents, o.status])).toEqual([
      ['O1', 10_000, 'won'],
      ['O2', 20_050, 'lost'],
    ]);
  });
});
