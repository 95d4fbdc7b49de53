import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/import/values/parse-values';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles, rejectedRows, type ImportFile, type ImportResult } from '../../src/import/pipeline';
import type { ImportReport } from '../../src/import/report';
import { memoryNeeded, parquetFieldsPerByte, selectionProblem, sizedBlob } from '../../src/import/source/memory-limit';
import { hasParquetMagic, plainNumber, readParquetTable } from '../../src/import/source/parquet';
import { blobParquetShape } from '../../src/import/source/parquet-footer';
import { expectBalanced, fileReport } from '../fixtures/import-report';
import { csvFolderToParquet, parquetColumnTypes, writeParquet } from '../fixtures/parquet';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'revlens-parquet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const filesIn = (dir: string, names: readonly string[]): ImportFile[] =>
  names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

/**
 * Records with each custom attribute that is a date or timestamp replaced by its instant: a typed
 * Parquet column is written as ISO 8601 UTC, where a CRM's CSV has its own form of the same instant.
 */
function sameInstants<T extends { readonly custom?: Readonly<Record<string, unknown>> }>(records: readonly T[]): T[] {
  return records.map((r) => {
    if (!r.custom) return r;
    const custom = Object.fromEntries(
      Object.entries(r.custom).map(([k, v]) => [
        k,
        typeof v === 'string' && parseIsoInstant(v) !== undefined ? parseIsoInstant(v) : v,
      ]),
    );
    return { ...r, custom };
  });
}

/** A report with `.parquet` file names written as `.csv`, to compare with the CSV folder's. */
const asCsvNames = (r: ImportReport): unknown => JSON.parse(JSON.stringify(r).replaceAll('.parquet"', '.csv"'));

describe('Parquet values become the text a CSV export holds', () => {
  const path = join(root, 'types.parquet');
  beforeAll(async () => {
    await writeParquet(
      `SELECT * FROM (VALUES
        (1::BIGINT, 'a "quoted", comma', 1.5::DOUBLE, 12345.67::DECIMAL(10,2), 123456789012345678901234.5678::DECIMAL(38,4), DATE '2024-03-01', TIMESTAMP '2024-03-01 09:30:00.123456', true, 0.1::FLOAT, TIMESTAMPTZ '2024-03-01 09:30:00+02'),
        (2, 'ünïcödé 日本 😀, line
break', NULL, NULL, -1.0001, NULL, TIMESTAMP '1969-12-31 23:59:59', false, NULL, NULL),
        (-9007199254740993, '', 1e21, -0.05, 0, DATE '1900-01-01', NULL, NULL, 3.25, NULL)
      ) t(id, s, d, dec, big, dt, ts, b, f, tz)`,
      path,
    );
  });

  it('the file holds typed columns (not text): BIGINT, DOUBLE, DECIMAL, DATE, TIMESTAMP, BOOLEAN, FLOAT', async () => {
    expect(await parquetColumnTypes(path)).toEqual({
      id: 'BIGINT',
      s: 'VARCHAR',
      d: 'DOUBLE',
      dec: 'DECIMAL(10,2)',
      big: 'DECIMAL(38,4)',
      dt: 'DATE',
      ts: 'TIMESTAMP',
      b: 'BOOLEAN',
      f: 'FLOAT',
      tz: 'TIMESTAMP WITH TIME ZONE',
    });
  });

  it('reads header and rows: integers beyond 2^53 and decimals exact, dates and timestamps as ISO 8601 UTC, null as empty', () => {
    const r = readParquetTable(bytesOf(path));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.table.header).toEqual(['id', 's', 'd', 'dec', 'big', 'dt', 'ts', 'b', 'f', 'tz']);
    expect(r.table.rows).toEqual([
      [
        '1',
        'a "quoted", comma',
        '1.5',
        '12345.67',
        '123456789012345678901234.5678',
        '2024-03-01',
        '2024-03-01T09:30:00.123456Z',
        'true',
        '0.1',
        '2024-03-01T07:30:00Z',
      ],
      ['2', 'ünïcödé 日本 😀, line\nbreak', '', '', '-1.0001', '', '1969-12-31T23:59:59Z', 'false', '', ''],
      ['-9007199254740993', '', '1000000000000000000000', '-0.05', '0.0000', '1900-01-01', '', '', '3.25', ''],
    ]);
  });

  it('a DECIMAL(38,2) stored as bytes is exact on either side of 2^47 and 2^48 and at 38 digits', async () => {
    const path = join(root, 'decimals.parquet');
    const values = [
      '-1.00',
      '1.00',
      '-0.01',
      '1407374883553.27',
      '-1407374883553.28',
      '-1407374883553.29',
      '2814749767106.55',
      '2814749767106.56',
      '-99999999999999999999999999999999999.99',
      '0.00',
    ];
    await writeParquet(`SELECT * FROM (VALUES ${values.map((v) => `(${v}::DECIMAL(38,2))`).join(', ')}) t(x)`, path);
    expect(await parquetColumnTypes(path)).toEqual({ x: 'DECIMAL(38,2)' });
    const r = readParquetTable(bytesOf(path));
    expect(r.ok && r.table.rows.map((row) => row[0])).toEqual(values);
  });

  it('numbers are written without an exponent', () => {
    expect([
      plainNumber(1e21),
      plainNumber(1.5e-7),
      plainNumber(-2.5e22),
      plainNumber(0.000012),
      plainNumber(42),
    ]).toEqual(['1000000000000000000000', '0.00000015', '-25000000000000000000000', '0.000012', '42']);
  });

  it('reads every row group of a file written in several', async () => {
    const many = join(root, 'many-groups.parquet');
    await writeParquet(`SELECT range AS n, 'v' || range AS label FROM range(10000)`, many, 'ROW_GROUP_SIZE 2048');
    const r = readParquetTable(bytesOf(many));
    if (!r.ok) throw new Error(r.error);
    expect(r.table.rows).toHaveLength(10000);
    expect(r.table.rows.every((row, i) => row[0] === String(i) && row[1] === `v${i}`)).toBe(true);
  });

  it('GZIP and uncompressed files are read; ZSTD is refused with what to do; nested columns are left out, named', async () => {
    for (const codec of ['gzip', 'uncompressed']) {
      await writeParquet(`SELECT range AS n FROM range(3)`, join(root, `${codec}.parquet`), `COMPRESSION ${codec}`);
      const r = readParquetTable(bytesOf(join(root, `${codec}.parquet`)));
      expect(r.ok && r.table.rows).toEqual([['0'], ['1'], ['2']]);
    }
    await writeParquet(`SELECT range AS n FROM range(3)`, join(root, 'zstd.parquet'), 'COMPRESSION zstd');
    expect(readParquetTable(bytesOf(join(root, 'zstd.parquet')))).toEqual({
      ok: false,
      error:
        'its columns are compressed with ZSTD, which cannot be read here: write it with SNAPPY or GZIP compression (or none) and load it again',
    });
    await writeParquet(
      `SELECT 'L1' AS id, [1, 2] AS tags, {'a': 1} AS extra, 'web' AS source`,
      join(root, 'nested.parquet'),
    );
    const nested = readParquetTable(bytesOf(join(root, 'nested.parquet')));
    expect(nested.ok && [nested.table.header, nested.table.rows, nested.warnings]).toEqual([
      ['id', 'source'],
      [['L1', 'web']],
      ['nested Parquet columns (list, struct or map) left out: tags, extra'],
    ]);
  });

  it('bytes without the PAR1 marker are not Parquet: named .parquet, they are reported and not read', () => {
    const fake = new TextEncoder().encode('id,created_at\nL1,2025-01-01\n');
    expect(hasParquetMagic(fake)).toBe(false);
    const r = importFiles([{ name: 'leads.parquet', bytes: fake }]);
    expect(r.report.warnings).toEqual([
      {
        file: 'leads.parquet',
        message: 'not a Parquet file (it does not start and end with the PAR1 marker); not read',
      },
    ]);
    expect(r.records.leads).toEqual([]);
  });
});

describe('a canonical folder as Parquet reads as the same folder as CSV', () => {
  const csvDir = join(root, 'canonical-csv');
  const pqDir = join(root, 'canonical-parquet');
  let csv: ImportResult;
  let pq: ImportResult;
  const now = Date.UTC(2026, 11, 1);

  beforeAll(async () => {
    mkdirSync(csvDir);
    mkdirSync(pqDir);
    const written = writeCanonicalCsv(generateDemoCompany({ leads: 400, seed: 7 }).records);
    const leadsLines = written['leads.csv']!.trimEnd().split('\n');
    const firstLead = leadsLines[1]!;
    const cells = firstLead.split(',');
    // Two rows the reader rejects, without changing any column's type: a repeated id and a row
    // without its created_at (an empty cell, a null in the typed Parquet column).
    const noCreated = [`L-extra`, '', ...cells.slice(2)].join(',');
    writeFileSync(join(csvDir, 'leads.csv'), [...leadsLines, firstLead, noCreated].join('\n') + '\n');
    writeFileSync(join(csvDir, 'activities.csv'), written['activities.csv']!);
    await csvFolderToParquet(csvDir, pqDir, ['leads.csv', 'activities.csv']);
    csv = importFiles(filesIn(csvDir, ['leads.csv', 'activities.csv']), { now, name: 'co' });
    pq = importFiles(filesIn(pqDir, ['leads.parquet', 'activities.parquet']), { now, name: 'co' });
  });

  it('the Parquet columns are typed: timestamps as TIMESTAMP, not text', async () => {
    const types = await parquetColumnTypes(join(pqDir, 'leads.parquet'));
    expect(types['created_at']).toMatch(/^TIMESTAMP/);
    expect(types['is_bot']).toBe('BOOLEAN');
    expect((await parquetColumnTypes(join(pqDir, 'activities.parquet')))['at']).toMatch(/^TIMESTAMP/);
  });

  it('is detected as canonical by its file names, and reads every lead and activity', () => {
    expect(pq.mode).toBe('canonical');
    expectBalanced(pq.report);
    expect(pq.records.leads.length).toBe(400);
    expect(pq.records.activities.length).toBe(csv.records.activities.length);
    expect(pq.records.activities.length).toBeGreaterThan(0);
  });

  it('records and dataset equal the CSV folder’s', () => {
    expect(pq.records).toEqual(csv.records);
    expect(buildDataset(pq.records)).toEqual(buildDataset(csv.records));
  });

  it('the report equals the CSV folder’s, row for row (1-based data rows), file names aside', () => {
    expect(asCsvNames(pq.report)).toEqual(asCsvNames(csv.report));
    const rejected = pq.report.issues.filter((i) => i.outcome === 'rejected');
    expect(rejected.map((i) => [i.file, i.row])).toEqual([
      ['leads.parquet', 401],
      ['leads.parquet', 402],
    ]);
    expect(fileReport(pq.report, 'leads.parquet')).toMatchObject({ rowsRead: 402, rejected: 2 });
  });

  it('a rejected row comes back as it was in the file', () => {
    const rows = rejectedRows(pq).rows;
    expect(rows.find((r) => r[1] === '402')![5]).toMatch(/^L-extra,,/);
  });
});

describe('a Salesforce export as Parquet is read by the Salesforce preset', () => {
  const from = join(DATA, 'salesforce-data-cloud-workshop/data');
  const pqDir = join(root, 'salesforce');
  const names = ['Account.csv', 'Lead.csv', 'Opportunity.csv'];
  let csv: ImportResult;
  let pq: ImportResult;

  beforeAll(async () => {
    mkdirSync(pqDir);
    const written = await csvFolderToParquet(from, pqDir, names);
    csv = importFiles(filesIn(from, names), { now: Date.UTC(2026, 0, 1) });
    pq = importFiles(filesIn(pqDir, written), { now: Date.UTC(2026, 0, 1) });
  });

  it('is detected as Salesforce and reads 60 leads, 50 opportunities and 22 accounts, as the CSV files do', () => {
    expect(pq.mode).toBe('salesforce');
    expectBalanced(pq.report);
    expect([pq.records.leads.length, pq.records.opportunities.length, pq.records.accounts.length]).toEqual([
      60, 50, 22,
    ]);
    expect(sameInstants(pq.records.leads)).toEqual(sameInstants(csv.records.leads));
    expect(sameInstants(pq.records.opportunities)).toEqual(sameInstants(csv.records.opportunities));
    expect(sameInstants(pq.records.accounts)).toEqual(sameInstants(csv.records.accounts));
  });

  it("a typed timestamp kept as a custom attribute is written in ISO 8601 UTC (the CSV has Salesforce's own form)", () => {
    const id = '00QEc00000BBafUMAT';
    expect(csv.records.leads.find((l) => l.id === id)!.custom['SystemModstamp']).toBe('2024-01-23T17:49:49.000+0000');
    expect(pq.records.leads.find((l) => l.id === id)!.custom['SystemModstamp']).toBe('2024-01-23T17:49:49Z');
  });
});

describe('a Parquet file nothing describes reaches the mapping screen', () => {
  const path = join(root, 'people.parquet');
  beforeAll(async () => {
    await writeParquet(
      `SELECT * FROM (VALUES ('C1', DATE '2025-01-02', 'Web'), ('C2', DATE '2025-01-05', 'Event'), ('C3', NULL, 'Web')) t("Contact ID", "Created", "Source")`,
      path,
    );
  });

  it('comes back unmapped with a proposal, a sample and distinct values; mapped, it is read', () => {
    const files = [{ name: 'people.parquet', bytes: bytesOf(path) }];
    const first = importFiles(files);
    expect(first.mode).toBe('mapping');
    expect(first.unmapped).toHaveLength(1);
    const u = first.unmapped[0]!;
    expect(u.file).toBe('people.parquet');
    expect(u.header).toEqual(['Contact ID', 'Created', 'Source']);
    expect(u.sample).toEqual([
      ['C1', '2025-01-02', 'Web'],
      ['C2', '2025-01-05', 'Event'],
      ['C3', '', 'Web'],
    ]);
    expect(u.distinct).toEqual([
      ['C1', 'C2', 'C3'],
      ['2025-01-02', '2025-01-05'],
      ['Web', 'Event'],
    ]);
    expect(u.proposal.target).toBe('leads');
    expect(u.proposal.columns).toEqual(
      expect.arrayContaining([
        ['id', 'Contact ID'],
        ['created_at', 'Created'],
        ['source', 'Source'],
      ]),
    );

    const mapped = importFiles(files, { mapping: { version: 1, name: 'm', tables: [u.proposal] } });
    expectBalanced(mapped.report);
    expect(mapped.records.leads.map((l) => [l.id, l.createdAt, l.source])).toEqual([
      ['C1', Date.UTC(2025, 0, 2), 'Web'],
      ['C2', Date.UTC(2025, 0, 5), 'Event'],
    ]);
    expect(mapped.report.issues.filter((i) => i.outcome === 'rejected').map((i) => [i.file, i.row])).toEqual([
      ['people.parquet', 3],
    ]);
  });

  it('a Parquet file is recognised by its bytes whatever its name', () => {
    const r = importFiles([{ name: 'export.bin', bytes: bytesOf(path) }]);
    expect(r.unmapped.map((u) => [u.file, u.header])).toEqual([['export.bin', ['Contact ID', 'Created', 'Source']]]);
  });
});

describe('the memory a Parquet file needs', () => {
  it('is its rows as text: 8 bytes per byte uncompressed plus 40 per field, counted against the limit and named', () => {
    // 100,000 bytes on disk, 400,000 uncompressed, 30,000 fields: 400,000 × 8 + 30,000 × 40 =
    // 4,400,000 bytes, as fields per byte of the file: (44 − 8) / 40 = 0.9.
    const fpb = parquetFieldsPerByte(100_000, { fields: 30_000, uncompressedBytes: 400_000 });
    expect(fpb).toBeCloseTo(0.9, 12);
    const file = { name: 'leads.parquet', size: 100_000, fieldsPerByte: fpb };
    expect(memoryNeeded(file)).toBeCloseTo(4_400_000, 3);
    // 4,400,000 / 12 = 366,667 bytes (358 KB) of typical CSV, over a 200 KB limit.
    expect(selectionProblem([file], 200 * 1024)).toBe(
      'leads.parquet is 98 KB of compressed Parquet, needing as much memory to import as about 358 KB of typical CSV, above the about 200 KB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
    );
    expect(selectionProblem([file], 360 * 1024)).toBeUndefined();
  });

  it('is read from the footer of a Blob', async () => {
    const path = join(root, 'shape.parquet');
    await writeParquet(`SELECT range AS n, 'x' AS s FROM range(1000)`, path);
    const bytes = bytesOf(path);
    const shape = await blobParquetShape(new Blob([bytes]));
    expect(shape?.fields).toBe(2000);
    expect(shape!.uncompressedBytes).toBeGreaterThan(0);
    const sized = await sizedBlob(new File([bytes], 'shape.parquet'));
    expect(sized.fieldsPerByte).toBeCloseTo(parquetFieldsPerByte(bytes.length, shape!), 12);
  });
});
