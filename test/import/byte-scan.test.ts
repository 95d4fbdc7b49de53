/**
 * The one-pass byte scan answers as the searches it stands for: a byte at or above 0x80, a carriage
 * return, a quote, and the number of line feeds, wherever the bytes lie in their buffer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBytes } from '../../src/import/source/byte-scan';
import { openCsvStream } from '../../src/import/source/csv-stream';

/** The same bytes at `offset` in a larger buffer (so that words start anywhere), from `from`. */
function scanned(bytes: Uint8Array, offset: number, from: number) {
  const buffer = new Uint8Array(bytes.length + offset + 3).fill(0x22);
  buffer.set(bytes, offset);
  return scanBytes(buffer.subarray(offset, offset + bytes.length), from);
}

function expected(bytes: Uint8Array, from: number) {
  const rest = bytes.subarray(Math.min(from, bytes.length));
  return {
    nonAscii: rest.some((b) => b >= 0x80),
    cr: rest.indexOf(0x0d) >= 0,
    quote: rest.indexOf(0x22) >= 0,
    lineFeeds: rest.filter((b) => b === 0x0a).length,
  };
}

describe('scanBytes', () => {
  // Mostly plain CSV bytes, with the bytes looked for (and their neighbours) now and then.
  const byte = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(0x41, 0x2c, 0x30, 0x20, 0x0a) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(0x0d, 0x22, 0x80, 0xff, 0x7f, 0x00, 0x01, 0x09, 0x0b, 0x0c, 0x21, 0x23, 0x8a),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  );

  it('finds what a byte-by-byte search finds', () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ maxLength: 80 })
          .chain((seed) =>
            fc
              .tuple(fc.array(byte, { maxLength: 120 }), fc.integer({ min: 0, max: 7 }), fc.nat(10))
              .map(
                ([list, offset, from]) =>
                  [new Uint8Array(list.length > 0 ? list : Array.from(seed)), offset, from] as const,
              ),
          ),
        ([bytes, offset, from]) => {
          expect(scanned(bytes, offset, from)).toEqual(expected(bytes, from));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('counts every line feed of a long run, and finds a lone byte anywhere in it', () => {
    const n = 1000;
    for (const lone of [0x0d, 0x22, 0x80, 0xc3]) {
      for (const at of [0, 1, 2, 3, 4, 5, 499, 996, 997, 998, 999]) {
        const bytes = new Uint8Array(n).fill(0x0a);
        bytes[at] = lone;
        for (const offset of [0, 1, 2, 3]) expect(scanned(bytes, offset, 0)).toEqual(expected(bytes, 0));
      }
    }
  });

  it('gives the row stream a row count no lower than its rows that hold a date, and no more than such rows fit in it', () => {
    const enc = new TextEncoder();
    const d = '2025-01-01';
    for (const text of [
      `a,b\n1,${d}\n3,${d}`,
      `a,b\n1,${d}\n3,${d}\n`,
      `a,b\r\n1,${d}\r\n\r\n3,${d}\r\n`,
      `a,b\n1,${d}\n\n\n3,${d}\n`,
    ]) {
      const stream = openCsvStream(enc.encode(text))!;
      let rows = 0;
      stream.forEachRow(() => {
        rows++;
      });
      expect(stream.rowsHint).toBeGreaterThanOrEqual(rows);
    }
    // Exactly the rows of a file without blank lines, whether or not it ends in a line feed.
    for (const text of [`a,b\n1,${d}\n3,${d}`, `a,b\n1,${d}\n3,${d}\n`, `a,b\r\n1,${d}\r\n3,${d}\r\n`]) {
      expect(openCsvStream(enc.encode(text))!.rowsHint).toBe(2);
    }
    // Blank and empty lines do not count as room for rows: a two-column file of a million blank
    // lines and one row is sized for what its bytes could hold of two-field rows with a date.
    const blanks = enc.encode(`id,created_at\n${'\n'.repeat(1_000_000)}L1,${d}\n`);
    const hint = openCsvStream(blanks)!.rowsHint!;
    expect(hint).toBeGreaterThanOrEqual(1);
    expect(hint).toBeLessThanOrEqual(Math.ceil(blanks.length / 12));
    const empties = enc.encode(`a,b,c,d\n${',,,\n'.repeat(100_000)}`);
    expect(openCsvStream(empties)!.rowsHint).toBeLessThanOrEqual(Math.ceil(empties.length / 14));
  });
});
