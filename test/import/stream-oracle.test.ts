/**
 * The streaming loader against the whole-file reader it replaces for a canonical folder's large
 * files: the same report (every issue, warning and count, in order), the same Dataset, the same
 * records when an export asks for them, and the same rejected-rows download — on the demo company
 * with its dirty rows, on hand-made bad files, and on the shared real data (csv-spectrum's edge
 * cases read as leads, activities and touches files, Maven, the Salesforce samples).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDirtyRows, generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { parseCsv } from '../../src/import/csv';
import { importFiles, rejectedRows, type ImportFile } from '../../src/import/pipeline';
import { openCsvStream } from '../../src/import/source/csv-stream';
import { expectBalanced } from '../fixtures/import-report';

const NOW = Date.UTC(2026, 10, 20);
const DATA = join(__dirname, '../../../shared/data');
const enc = new TextEncoder();

function bytesOf(files: Record<string, string | Uint8Array>): ImportFile[] {
  return Object.entries(files).map(([name, v]) => ({ name, bytes: typeof v === 'string' ? enc.encode(v) : v }));
}

/** Imports both ways and checks they agree; returns the streamed result. */
function expectSameImport(files: readonly ImportFile[], opts: { preset?: 'canonical' } = {}) {
  const whole = importFiles(files, { now: NOW, stream: false, ...opts });
  const streamed = importFiles(files, { now: NOW, ...opts });
  expect(streamed.mode).toBe(whole.mode);
  expect(streamed.report).toEqual(whole.report);
  expectBalanced(streamed.report);
  expect(rejectedRows(streamed)).toEqual(rejectedRows(whole));
  expect(buildDataset(streamed.records)).toEqual(buildDataset(whole.records));
  expect(streamed.records.leads).toEqual(whole.records.leads);
  expect(streamed.records.activities).toEqual(whole.records.activities);
  expect(streamed.records.touches).toEqual(whole.records.touches);
  expect(streamed.records.accounts).toEqual(whole.records.accounts);
  expect(streamed.records.opportunities).toEqual(whole.records.opportunities);
  expect(streamed.unmapped).toEqual(whole.unmapped);
  return { whole, streamed };
}

describe('the streaming loader equals the whole-file reader', () => {
  it('on the demo company with its dirty rows, and streams its leads and activities', () => {
    const company = generateDemoCompany({ seed: 11, leads: 1500 });
    const files = bytesOf(withDirtyRows(writeCanonicalCsv(company.records)));
    const { streamed } = expectSameImport(files);
    // The large files were streamed: the records hold their columns, not rows.
    expect(streamed.records.streamed?.leads?.count).toBeGreaterThan(1400);
    expect(streamed.records.streamed?.activities?.count).toBeGreaterThan(1000);
    expect(streamed.records.streamed?.touches?.count).toBeGreaterThan(100);
    expect(streamed.report.rejected).toBeGreaterThan(0);
  });

  it('on plain files (no quote; rows ending in LF, or all in CRLF) with a bad value in many rows, clean rows read from bytes', () => {
    const company = generateDemoCompany({ seed: 5, leads: 400 });
    const files = writeCanonicalCsv(company.records);
    const bad = [
      '',
      ' ',
      ' x',
      'x ',
      '\u00a0x',
      'x\u200b',
      'é',
      'L-000001',
      '2099-01-01',
      '2026-11-21T00:00:00Z',
      '1850-01-01',
      '2025-02-30',
      '2025-03-04 10:00',
      'abc',
      '-5',
      '1.5',
      '1e3',
      '007',
      '1234567890123456',
      'O-000001',
    ];
    const spoil = (text: string, every: number) =>
      text
        .replaceAll('"', '')
        .split('\n')
        .flatMap((line, i) => {
          if (i === 0 || i % every !== 0 || line === '') return [line];
          const cells = line.split(',');
          cells[i % cells.length] = bad[i % bad.length]!;
          if (i % 11 === 0) cells.push(i % 2 ? '' : 'extra');
          if (i % 13 === 0) cells.pop();
          return i % 17 === 0 ? [cells.join(','), '', ' '] : [cells.join(',')];
        })
        .join('\n');
    // A status column, set on some leads.
    const withStatus = files['leads.csv']!.split('\n')
      .map((line, i) =>
        line === '' ? line : `${line},${i === 0 ? 'status' : ['', 'Unqualified', 'working', ''][i % 4]}`,
      )
      .join('\n');
    const plain = bytesOf({
      ...files,
      'leads.csv': spoil(withStatus, 4),
      'activities.csv': spoil(files['activities.csv']!, 3),
      'touches.csv': spoil(files['touches.csv']!, 2),
    });
    const { streamed } = expectSameImport(plain);
    expect(streamed.records.streamed?.activities?.count).toBeGreaterThan(1000);
    expect(streamed.report.rejected).toBeGreaterThan(100);
    expect(streamed.report.repaired).toBeGreaterThan(10);
    expect(streamed.records.streamed?.leads?.count).toBeGreaterThan(300);
    // Without leads.csv and opportunities.csv every reference is unknown.
    expectSameImport(plain.filter((f) => !/^(leads|opportunities)/.test(f.name)));
    // Without accounts.csv every account is kept; a custom column is read from cells.
    expectSameImport(plain.filter((f) => f.name !== 'accounts.csv'));
    const custom = files['leads.csv']!.replaceAll('"', '')
      .split('\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'tier' : i % 3}`));
    expectSameImport(bytesOf({ ...files, 'leads.csv': spoil(custom.join('\n'), 5) }));
    // The same files with every row ending in CRLF: read from bytes as well.
    const crlf = plain.map((f) => ({
      name: f.name,
      bytes: enc.encode(new TextDecoder().decode(f.bytes).replaceAll('\n', '\r\n')),
    }));
    expect(openCsvStream(crlf.find((f) => f.name === 'leads.csv')!.bytes!)?.forEachPlainRow).toBeDefined();
    expectSameImport(crlf);
  });

  it('on hand-made bad rows: duplicates, orphans, shifted and short rows, bad dates, future dates, quotes', () => {
    const leads = [
      'id,created_at,account_id,source,is_bot,mql_at,status,tier,tier',
      'L1,2026-01-05,A1,paid,no,2026-01-04,Unqualified,gold,x',
      'L2,2026-01-06,A9, web ,maybe,not a date,,,',
      'L1,2026-01-07,A1,paid,,,,,',
      'L3,2027-12-01,A1,paid,,,,,',
      ',2026-01-08,A1,paid,,,,,',
      'L4,2026-01-09,A1,"quoted, with comma",,,,silver,',
      'L5,2026-01-09,A1,paid,,,,,,surplus',
      'L6,2026-01-10',
      '',
      'L7,2026-01-11,A1,"line',
      'break",,,,,,',
      'L8,2026-01-12,A1,x"y,,,,,',
    ].join('\r\n');
    const activities = [
      'lead_id,type,at,value',
      'L1,email_open,2026-01-06,1',
      'L9,email_open,2026-01-06,',
      'L2,demo,2026-01-07,"1,5"',
      'L1,,2026-01-08,',
      'L4,visit,2026-01-09T10:00:00Z,abc',
      'L4,visit,"2026-01-10',
    ].join('\n');
    const accounts = 'id,name\nA1,Acme\n';
    const opportunities = 'id,lead_id,created_at,status\nO1,L1,2026-01-10,open\n';
    const touches = [
      'opportunity_id,lead_id,channel,at',
      'O1,L1,ads,2026-01-09',
      'O9,L1,ads,2026-01-05',
      'O1,L9,email,2026-01-04',
      'O9,L9,email,2026-01-04',
      ',,email,2026-01-04',
      ',L2,,2026-01-03',
      ',L4,web,2026-01-02',
    ].join('\n');
    expectSameImport(
      bytesOf({
        'leads.csv': leads,
        'activities.csv': activities,
        'accounts.csv': accounts,
        'opportunities.csv': opportunities,
        'touches.csv': touches,
      }),
    );
    expectSameImport(bytesOf({ 'leads.csv': leads, 'touches.csv': touches }));
    // Without accounts.csv the references are kept unchecked; without leads.csv every activity is an orphan.
    expectSameImport(bytesOf({ 'leads.csv': leads }));
    expectSameImport(bytesOf({ 'activities.csv': activities }));
  });

  it('on dates the mapping converts (slash dates) and a byte-order mark', () => {
    const leads = '\uFEFFid,created_at,sql_at\nL1,01/31/2026,02/03/2026\nL2,02/15/2026,\nL3,13/02/2026,\n';
    expectSameImport(
      bytesOf({ 'leads.csv': leads, 'activities.csv': 'lead_id,type,at\nL1,call,2026-02-01\nL2,call,02/16/2026\n' }),
    );
  });

  it('on files it does not stream (other encodings, mixed line endings, no comma in the header)', () => {
    const latin = new Uint8Array([
      ...enc.encode('id,created_at,source\nL1,2026-01-05,caf'),
      0xe9,
      ...enc.encode('\nL2,2026-01-05,ok\n'),
    ]);
    expectSameImport(bytesOf({ 'leads.csv': latin }));
    expectSameImport(bytesOf({ 'leads.csv': 'id,created_at\r\nL1,2026-01-05\nL2,2026-01-06\r\n' }));
    expectSameImport(bytesOf({ 'leads.csv': 'id;created_at\nL1;2026-01-05\n' }));
    expectSameImport(bytesOf({ 'leads.csv': '   \n\n' }));
  });

  it('on every csv-spectrum case read as a leads, an activities and a touches file', () => {
    const dir = join(DATA, 'csv-spectrum/csvs');
    expect(existsSync(dir), `${dir} is missing`).toBe(true);
    const names = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      expectSameImport([{ name: 'leads.csv', bytes }], { preset: 'canonical' });
      expectSameImport([{ name: 'activities.csv', bytes }], { preset: 'canonical' });
      expectSameImport([{ name: 'touches.csv', bytes }], { preset: 'canonical' });
      for (const small of ['accounts.csv', 'opportunities.csv', 'opportunity_stages.csv', 'opportunity_history.csv'])
        expectSameImport([{ name: small, bytes }], { preset: 'canonical' });
    }
  });

  it('on the shared CRM exports (Maven, Salesforce samples), which take the row route', () => {
    for (const folder of ['maven-crm-sales-opportunities', 'salesforce-konsul-org']) {
      const dir = join(DATA, folder);
      expect(existsSync(dir), `${dir} is missing`).toBe(true);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
      expectSameImport(files);
    }
    const sf = join(DATA, 'salesforce-data-cloud-workshop/data');
    expect(existsSync(sf), `${sf} is missing`).toBe(true);
    const lead = readdirSync(sf).find((f) => /^lead/i.test(f));
    expect(lead).toBeDefined();
    const bytes = new Uint8Array(readFileSync(join(sf, lead!)));
    expectSameImport([{ name: lead!, bytes }]);
    // The Salesforce lead file under a canonical name: read as canonical, streamed.
    expectSameImport([{ name: 'leads.csv', bytes }], { preset: 'canonical' });
  });
});

/** Errors in row order, each row's in the order given (a stable sort). */
const byRow = <E extends { row: number }>(errors: readonly E[]): E[] => [...errors].sort((a, b) => a.row - b.row);

describe('the row stream', () => {
  it('gives parseCsv’s errors row by row where parseCsv lists a later row’s first', () => {
    // A quote left open at the end: parseCsv reports the malformed quote of row 1 before it.
    const text = 'id,a,b\n"open,\n"a,b",\n"';
    const whole = parseCsv(text, { delimiter: ',' });
    expect(whole.errors.map((e) => e.row)).toEqual([1, 0]);
    const stream = openCsvStream(enc.encode(text), 4)!;
    const errors = [...stream.headerErrors];
    const rows: (readonly string[])[] = [];
    stream.forEachRow(
      (_row, cells, errs) => {
        rows.push(cells);
        errors.push(...(errs ?? []));
      },
      (e) => errors.push(e),
    );
    expect(rows).toEqual(whole.rows);
    expect(byRow(errors)).toEqual(byRow(whole.errors));
    expect(byRow(errors).map((e) => e.code)).toEqual(['MissingQuotes', 'InvalidQuotes']);
  });

  it('gives parseCsv’s rows and errors whatever the chunk size', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'a', 'b c', '"q"', '"a,b"', '"x\ny"', '"open', 'é€', 'x"y', '""'),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const csv = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 40 }), ([lines, eol, trailing], chunk) => {
        const text = `id,a,b${eol}${lines.join(eol)}${trailing ? eol : ''}`;
        const stream = openCsvStream(enc.encode(text), chunk);
        fc.pre(stream !== undefined);
        const whole = parseCsv(text, { delimiter: ',' });
        const rows: (readonly string[])[] = [];
        const errors: { row: number; code: string; message: string }[] = [...stream!.headerErrors];
        stream!.forEachRow(
          (row, cells, errs) => {
            expect(row).toBe(rows.length + 1);
            rows.push(cells);
            errors.push(...(errs ?? []));
          },
          (e) => errors.push(e),
        );
        expect(stream!.header).toEqual(whole.header);
        expect(rows).toEqual(whole.rows);
        // Ordered by row, each row's in the order found: the report groups errors by row (and warns
        // those of row 0, not placed on a data row, in order), so the order across rows is not
        // something it shows. parseCsv may list a later row's error first: a quote left open at the
        // end is reported after the malformed quote of the row before it.
        expect(byRow(errors)).toEqual(byRow(whole.errors));
      }),
      { numRuns: Number(process.env.STREAM_RUNS ?? 400) },
    );
  });
});

describe('the plain rows', () => {
  it('are the row stream’s rows, for a file without quotes whose rows end in LF or all in CRLF', () => {
    const cell = fc.oneof(fc.constantFrom('', ' ', 'a', 'b c', 'é€', '\r', 'x\ry'), fc.string({ maxLength: 4 }));
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(',').replaceAll('"', ''));
    const csv = fc.tuple(fc.array(line, { minLength: 0, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    fc.assert(
      fc.property(csv, fc.constantFrom('', '\n', '\r\n', ' \r\n'), ([lines, eol, trailing], lead) => {
        const text = `${lead}id,a,b${eol}${lines.join(eol)}${trailing ? eol : ''}`;
        const stream = openCsvStream(enc.encode(text));
        fc.pre(stream !== undefined);
        const rows: [number, readonly string[]][] = [];
        stream!.forEachRow((row, cells) => void rows.push([row, cells]));
        if (!stream!.forEachPlainRow) {
          // Only a file with a CR that is not part of a CRLF row break is left to the row stream.
          expect(/\r(?!\n)/.test(text) || (/\r\n/.test(text) && /(^|[^\r])\n/.test(text))).toBe(true);
          return;
        }
        const plain: [number, readonly string[]][] = [];
        stream!.forEachPlainRow((row, line) => void plain.push([row, line.cells()]));
        expect(plain).toEqual(rows);
        // An ASCII file's rows are also cut from its decoded text.
        expect(stream!.forEachAsciiRow !== undefined).toBe([...text].every((c) => c.charCodeAt(0) < 0x80));
        const ascii: [number, readonly string[]][] = [];
        stream!.forEachAsciiRow?.((row, cells) => void ascii.push([row, cells]));
        if (stream!.forEachAsciiRow) expect(ascii).toEqual(rows);
      }),
      { numRuns: Number(process.env.STREAM_RUNS ?? 400) },
    );
  });
});

describe('the first values of columns', () => {
  it('are the first non-blank cells of those columns, whether read from bytes or from rows', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '\u00a0', '\u2028', 'a', 'b c', '2026-01-05', 'é€', '"q"', 'x"y'),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const csv = fc.tuple(fc.array(line, { minLength: 0, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    const columns = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        csv,
        columns,
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('', '\n', ' \n'),
        ([lines, eol, trailing], cols, limit, lead) => {
          const text = `${lead}id,a,b${eol}${lines.join(eol)}${trailing ? eol : ''}`;
          const stream = openCsvStream(enc.encode(text));
          fc.pre(stream !== undefined);
          const expected: string[][] = cols.map(() => []);
          stream!.forEachRow((_, cells) => {
            cols.forEach((c, k) => {
              const v = cells[c] ?? '';
              if (v.trim() !== '' && expected[k]!.length < limit) expected[k]!.push(v);
            });
          });
          expect(stream!.firstValues(cols, limit)).toEqual(expected);
        },
      ),
      { numRuns: Number(process.env.STREAM_RUNS ?? 400) },
    );
  });
});

describe('a stream read again a range at a time', () => {
  /** The text's stream, opened from its bytes and read again through windows of `window` bytes. */
  const ranged = (text: string, window: number, chunk?: number) => {
    const bytes = enc.encode(text);
    return openCsvStream(bytes, chunk, {
      read: () => bytes.slice(),
      readRange: (position, length) => bytes.slice(position, position + length),
      windowBytes: window,
    });
  };

  it('gives the rows, plain rows and first values of the stream over the whole bytes, whatever the window', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'a', 'b c', '"q"', '"a,b"', '"x\ny"', 'é€', '2026-01-05', '\r', 'x\ry', 'x"y'),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const csv = fc.tuple(fc.array(line, { minLength: 0, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean());
    fc.assert(
      fc.property(
        csv,
        fc.constantFrom('', '\n', ' \r\n', '\ufeff'),
        fc.boolean(),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 40 }),
        ([lines, eol, trailing], lead, unquoted, window, chunk) => {
          const body = `${lead}id,a,b${eol}${lines.join(eol)}${trailing ? eol : ''}`;
          const text = unquoted ? body.replaceAll('"', '') : body;
          const whole = openCsvStream(enc.encode(text), chunk);
          fc.pre(whole !== undefined);
          const parts = ranged(text, window, chunk)!;
          const rowsOf = (s: typeof whole) => {
            const rows: unknown[] = [];
            s!.forEachRow(
              (row, cells, errors) => void rows.push([row, cells, errors]),
              (e) => rows.push(e),
            );
            return rows;
          };
          expect(rowsOf(parts)).toEqual(rowsOf(whole));
          expect(parts.firstValues([0, 2, 1], 3)).toEqual(whole!.firstValues([0, 2, 1], 3));
          expect(parts.forEachPlainRow === undefined).toBe(whole!.forEachPlainRow === undefined);
          if (whole!.forEachPlainRow) {
            const plainOf = (s: typeof whole) => {
              const rows: [number, string[]][] = [];
              s!.forEachPlainRow!((row, l) => void rows.push([row, l.cells()]));
              return rows;
            };
            expect(plainOf(parts)).toEqual(plainOf(whole));
          }
          // An ASCII file's rows cut from each window's text (the first after its byte-order mark).
          expect(parts.forEachAsciiRow === undefined).toBe(whole!.forEachAsciiRow === undefined);
          if (parts.forEachAsciiRow) {
            const rows: [number, readonly string[]][] = [];
            parts.forEachAsciiRow((row, cells) => void rows.push([row, cells]));
            expect(rows).toEqual(rowsOf(whole).map((r) => (r as unknown[]).slice(0, 2)));
          }
        },
      ),
      { numRuns: Number(process.env.STREAM_RUNS ?? 400) },
    );
  });

  it('imports a company as from its bytes', () => {
    const company = generateDemoCompany({ seed: 11, leads: 800 });
    const files = bytesOf(withDirtyRows(writeCanonicalCsv(company.records)));
    const byRange: ImportFile[] = files.map(({ name, bytes }) => ({
      name,
      read: () => bytes!.slice(),
      readRange: (position, length) => bytes!.slice(position, position + length),
    }));
    const fromBytes = importFiles(files, { now: NOW });
    const ranged = importFiles(byRange, { now: NOW });
    expect(ranged.report).toEqual(fromBytes.report);
    expect(rejectedRows(ranged)).toEqual(rejectedRows(fromBytes));
    expect(buildDataset(ranged.records)).toEqual(buildDataset(fromBytes.records));
    expect(ranged.records.activities).toEqual(fromBytes.records.activities);
  });
});
