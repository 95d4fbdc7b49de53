/**
 * The byte-level value checks answer as the text-level ones they stand for, on plain ASCII cells,
 * and the plain row reader splits rows as the row stream does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsvStream } from '../../src/import/source/csv-stream';
import { forEachPlainRow } from '../../src/import/source/plain-lines';
import { isPlainId } from '../../src/import/values/row-checks';
import { parseDecimal, parseIsoInstant } from '../../src/import/values/parse-values';
import {
  FewTexts,
  digitsValue,
  isPlainIdBytes,
  isTrimmedBytes,
  isoInstantOfBytes,
} from '../../src/import/values/plain-bytes';

const enc = new TextEncoder();
/** The cell's bytes inside a longer buffer, as they lie in a file. */
const inFile = (text: string) => {
  const bytes = enc.encode(`x,${text},y`);
  return [bytes, 2, bytes.length - 2] as const;
};

describe('byte-level value checks', () => {
  it('read an instant as parseIsoInstant reads its text', () => {
    const iso = fc
      .tuple(
        fc.constantFrom('2025', '1899', '0001', '9999', '2024', '20x5'),
        fc.constantFrom('-01', '-02', '-12', '-13', '-00', '/01'),
        fc.constantFrom('-01', '-28', '-29', '-30', '-31', '-32', '-1'),
        fc.constantFrom(
          '',
          'T10:00',
          't23:59:59',
          ' 00:00:00.1',
          'T10:00:00,123456789',
          'T10:00:00.1234567890',
          'T24:00',
          'T23:59:59.999',
          'T00:00:00.000',
          'T10:60:00.000',
          'T24:00:00.000',
          'T09:05:60.123',
          'T09:05:07.0x0',
          't09:05:07.012',
          'T09:05:07,012',
          'T09-05:07.012',
        ),
        fc.constantFrom('', 'Z', 'z', '+02', '-0530', '+05:30', '+24', '+0560', 'Zx', '+1'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(iso, fc.string({ maxLength: 30 })), (text) => {
        expect(isoInstantOfBytes(...inFile(text))).toBe(parseIsoInstant(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('say plain id, trimmed and whole number as the text checks would', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        'L-1',
        ' L-1',
        'L-1 ',
        'L 1',
        'é',
        '\u00a0x',
        'x\u200b',
        '007',
        '12',
        '1.5',
        '-5',
        '1e3',
      ),
      fc.string({ maxLength: 6 }),
      fc.stringMatching(/^\d{1,17}$/),
    );
    fc.assert(
      fc.property(cell, (text) => {
        expect(isPlainIdBytes(...inFile(text))).toBe(isPlainId(text));
        if (isTrimmedBytes(...inFile(text))) expect(text.trim()).toBe(text);
        expect(isTrimmedBytes(...inFile(text))).toBe(
          text !== '' && text.trim() === text && /^[!-~]/.test(text) && /[!-~]$/.test(text),
        );
        const v = digitsValue(...inFile(text));
        if (v >= 0) expect(v).toBe(parseDecimal(text));
        else expect(/^\d{1,15}$/.test(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('give the same string for the same bytes', () => {
    const texts = new FewTexts(2);
    const [a, s, e] = inFile('page_view');
    const first = texts.text(a, s, e);
    expect(first).toBe('page_view');
    expect(texts.text(...inFile('page_view'))).toBe(first);
    expect(texts.text(...inFile('chat'))).toBe('chat');
    // Past its size it still answers, without remembering.
    expect(texts.text(...inFile('demo'))).toBe('demo');
    expect(texts.text(...inFile('demo'))).toBe('demo');
  });
});

describe('the plain row reader', () => {
  it('gives the row stream’s rows, numbered the same, for a file without quotes or carriage returns', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '\u00a0', 'a', 'b c', 'é€', '2026-01-05'),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 70 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('', '\n', ' \n'),
        (lines, trailing, lead) => {
          const text = `${lead}id,a,b\n${lines.join('\n')}${trailing ? '\n' : ''}`;
          fc.pre(!/["\r]/.test(text));
          const stream = openCsvStream(enc.encode(text), 7);
          fc.pre(stream !== undefined);
          expect(stream!.forEachPlainRow).toBeDefined();
          const rows: [number, string[]][] = [];
          stream!.forEachRow((row, cells) => {
            rows.push([row, [...cells]]);
          });
          const plain: [number, string[]][] = [];
          stream!.forEachPlainRow!((row, l) => plain.push([row, l.cells()]));
          expect(plain).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits the same rows wherever the file’s bytes lie in their buffer', () => {
    // Runs of bytes above the comma (passed a word at a time) between the bytes that split a row.
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '!', '+', '-', '2026-01-05T10:00:00Z', 'é€😀', 'abcdefghijklmnop', '\t'),
      fc.string({ maxLength: 9 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 12 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, crlf) => {
        const text = `id,a,b\n${lines.join('\n')}`;
        fc.pre(!/["\r]/.test(text));
        const bytes = enc.encode(crlf ? text.replace(/\n/g, '\r\n') : text);
        const rowsAt = (offset: number) => {
          const buffer = new Uint8Array(bytes.length + 8).fill(0x2c);
          buffer.set(bytes, offset);
          const rows: [number, string[]][] = [];
          forEachPlainRow(
            [buffer.subarray(offset, offset + bytes.length)],
            0,
            (row, l) => rows.push([row, l.cells()]),
            crlf,
          );
          return rows;
        };
        const expected = rowsAt(0);
        for (const offset of [1, 2, 3, 5]) expect(rowsAt(offset)).toEqual(expected);
        // As the row stream splits them.
        const stream = openCsvStream(bytes);
        fc.pre(stream !== undefined && stream.forEachPlainRow !== undefined);
        const streamed: [number, string[]][] = [];
        stream!.forEachRow((row, cells) => {
          streamed.push([row, [...cells]]);
        });
        expect(expected).toEqual(streamed);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the same rows from windows that are views at any offset of a buffer, however short', () => {
    // A reader may hand its windows as views into a buffer of its own (subarray), not copies.
    const line = fc.array(fc.constantFrom('', 'a', 'bc', '12345', 'x y'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (lines, finalBreak, windowBytes, offset) => {
          const text = `id,a\n${lines.map((cells) => cells.join(',')).join('\n')}${finalBreak ? '\n' : ''}`;
          const bytes = enc.encode(text);
          const buffer = new Uint8Array(bytes.length + offset);
          buffer.set(bytes, offset);
          const file = buffer.subarray(offset);
          const rowsOf = (stream: ReturnType<typeof openCsvStream>) => {
            const rows: [number, string[]][] = [];
            stream!.forEachPlainRow!((row, l) => rows.push([row, l.cells()]));
            return rows;
          };
          const whole = rowsOf(openCsvStream(file));
          const windowed = rowsOf(
            openCsvStream(file, undefined, {
              read: () => file,
              readRange: (position, length) => file.subarray(position, position + length),
              windowBytes,
            }),
          );
          expect(windowed).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is not offered for a file with a quote or a carriage return outside a CRLF row break', () => {
    expect(openCsvStream(enc.encode('id,a\n1,"x"\n'))!.forEachPlainRow).toBeUndefined();
    expect(openCsvStream(enc.encode('id,a\r\n1,"x"\r\n'))!.forEachPlainRow).toBeUndefined();
    expect(openCsvStream(enc.encode('id,a\n1,x\ry\n'))!.forEachPlainRow).toBeUndefined();
    expect(openCsvStream(enc.encode('id,a\n1,x\r2,y\n'))!.forEachPlainRow).toBeUndefined();
  });

  it('is offered for a file whose rows all end in CRLF, without the CR in the last cell', () => {
    const cells: string[][] = [];
    openCsvStream(enc.encode('id,a\r\n1,x\r\n\r\n2,y'))!.forEachPlainRow!((_, line) => void cells.push(line.cells()));
    expect(cells).toEqual([
      ['1', 'x'],
      ['2', 'y'],
    ]);
  });
});
