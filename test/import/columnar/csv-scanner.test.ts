import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, scanCsv } from '../../../src/import/columnar/csv-scanner';
import { parseCsv } from '../../../src/import/csv';
import { decodeField } from '../../../src/import/columnar/byte-keys';
import type { ColumnSink } from '../../../src/import/columnar/sinks';

/** A sink that records each field as text. */
class TextSink implements ColumnSink {
  readonly values: string[] = [];
  get length() {
    return this.values.length;
  }
  push(bytes: Uint8Array, start: number, end: number) {
    this.values.push(decodeField(bytes, start, end));
  }
}

function scanInChunks(text: string, size: number, asBytes = false) {
  let sinks: TextSink[] = [];
  let header: readonly string[] = [];
  const scanner = new CsvScanner((h) => {
    header = h;
    sinks = h.map(() => new TextSink());
    return sinks;
  });
  if (asBytes) {
    const bytes = new TextEncoder().encode(text);
    for (let p = 0; p < bytes.length; p += size) scanner.feed(bytes.subarray(p, p + size));
  } else for (let p = 0; p < text.length; p += size) scanner.feed(text.slice(p, p + size));
  const tally = scanner.finish();
  const rows = Array.from({ length: sinks[0]?.length ?? 0 }, (_, r) => sinks.map((s) => s.values[r]));
  return { header, rows, tally };
}

const SAMPLE = '\uFEFFId,Name,Note\r\n1,"Smith, Ann","said ""hi""\nthen left"\r\n2,Bob,\n\n3,,"x"';

describe('CsvScanner', () => {
  it('reads quotes, escaped quotes, embedded newlines, CRLF, a BOM, blank lines and a last row without newline', () => {
    const { header, rows, tally } = scanInChunks(SAMPLE, 1 << 20);
    expect(header).toEqual(['id', 'name', 'note']);
    expect(rows).toEqual([
      ['1', 'Smith, Ann', 'said "hi"\nthen left'],
      ['2', 'Bob', ''],
      ['3', '', 'x'],
    ]);
    expect(tally).toEqual({ rowsRead: 3, rejected: 0, rejections: [] });
  });

  it('gives the same rows whatever the chunk size', () => {
    const whole = scanInChunks(SAMPLE, 1 << 20).rows;
    for (let size = 1; size <= SAMPLE.length; size++) expect(scanInChunks(SAMPLE, size).rows, `chunk ${size}`).toEqual(whole);
  });

  it('gives the same rows from UTF-8 bytes cut anywhere, even inside a character or the BOM', () => {
    const text = `${SAMPLE}\n4,"Zoë 😀","€, ü"\r\n5,日本,x`;
    const whole = scanInChunks(text, 1 << 20).rows;
    expect(whole.at(-2)).toEqual(['4', 'Zoë 😀', '€, ü']);
    expect(whole.at(-1)).toEqual(['5', '日本', 'x']);
    for (let size = 1; size <= 40; size++) {
      expect(scanInChunks(text, size, true).rows, `bytes ${size}`).toEqual(whole);
      expect(scanInChunks(text, size).rows, `text ${size}`).toEqual(whole);
    }
  });

  it('rejects rows with the wrong number of fields and keeps going', () => {
    const { rows, tally } = scanInChunks('a,b\n1,2\n3\n4,5,6\n"7",8\n', 3);
    expect(rows).toEqual([
      ['1', '2'],
      ['7', '8'],
    ]);
    expect(tally.rejected).toBe(2);
    expect(tally.rejections).toEqual([
      { row: 2, reason: 'expected 2 fields, found 1' },
      { row: 3, reason: 'expected 2 fields, found 3' },
    ]);
  });

  it('agrees with the papaparse reader on random tables cut into random chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '😀'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (table, size, asBytes) => {
          const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
          const text = ['x,y,z', ...table.map((r) => r.map(quote).join(','))].join('\n');
          expect(scanInChunks(text, size, asBytes).rows).toEqual(parseCsv(text, { delimiter: ',' }).rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports progress after each chunk', async () => {
    const seen: number[] = [];
    await scanCsv(['a\n1\n', '2\n3', '\n'], (h) => h.map(() => new TextSink()), (t) => seen.push(t.rowsRead));
    expect(seen).toEqual([1, 2, 3]);
  });
});
