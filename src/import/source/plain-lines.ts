/**
 * The data rows of a file that splits plainly (no quote character; rows ending in LF alone, or
 * every one in CRLF; see column-values.ts) as byte ranges: each row's fields are found by their commas and handed on as
 * offsets into the file's bytes, so a reader can check a clean row's values without making a
 * string of every cell. `cells()` gives the row as `forEachRow` gives it, for any other row.
 */

import { alignedWords } from './byte-scan';

const LF = 0x0a;
const COMMA = 0x2c;
const HIGH_BITS = 0x80808080 | 0;

/** One data row: field `k` is `bytes[start[k], end[k])`, for k below `count`. */
export interface PlainRow {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly count: number;
  /** The row's cells as text (as papaparse splits them). */
  cells(): string[];
}

/** Visits every data row of a file that splits plainly, numbered from 1 as `forEachRow` does. */
class Line implements PlainRow {
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** The bytes of the segment being read (see `forEachPlainRow`). */
  bytes: Uint8Array = new Uint8Array(0);

  text(k: number): string {
    return this.decoder.decode(this.bytes.subarray(this.start[k]!, this.end[k]!));
  }

  cells(): string[] {
    const out = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.text(k);
    return out;
  }

  grow(): void {
    const start = new Int32Array(this.start.length * 2);
    const end = new Int32Array(this.end.length * 2);
    start.set(this.start);
    end.set(this.end);
    this.start = start;
    this.end = end;
  }
}

/**
 * Visits every data row of a file that splits plainly, numbered from 1 as `forEachRow` does. The
 * file is given as consecutive segments of whole lines (each but the last ending in a line feed;
 * see byte-ranges.ts), or as one; `from` skips the first one's byte-order mark. A row's offsets are
 * into its own segment, `line.bytes`.
 */
export function forEachPlainRow(
  segments: Iterable<Uint8Array>,
  from: number,
  visit: (row: number, line: PlainRow) => void,
  crlf = false,
): void {
  const line = new Line();
  let seenHeader = false;
  let row = 0;
  let first = true;
  for (const bytes of segments) {
    line.bytes = bytes;
    const n = bytes.length;
    // The field bounds of the line (the line's own arrays, held here while they do not grow).
    let starts = line.start;
    let ends = line.end;
    // The bytes as whole 4-byte words from the first aligned offset (see byte-scan.ts).
    const { words, wordsFrom } = alignedWords(bytes);
    const wordsEnd = wordsFrom + 4 * words.length;
    // A segment ending in a line feed ends with an empty line, blank, as the file's last one.
    for (let pos = first ? from : 0; pos <= n;) {
      let count = 0;
      let fieldStart = pos;
      let i = pos;
      while (i < n) {
        // A whole word of bytes above the comma (digits, letters, most punctuation) is passed at
        // once: (x - 0x2d2d2d2d) & ~x has a high bit set where x has a byte below 0x2d, and only if
        // it has one.
        if (((i - wordsFrom) & 3) === 0 && i >= wordsFrom && i < wordsEnd) {
          const v = words[(i - wordsFrom) >> 2]!;
          if ((((v - 0x2d2d2d2d) | 0) & ~v & HIGH_BITS) === 0) {
            i += 4;
            continue;
          }
        }
        const b = bytes[i]!;
        if (b <= COMMA) {
          if (b === COMMA) {
            if (count + 1 >= starts.length) {
              line.grow();
              starts = line.start;
              ends = line.end;
            }
            starts[count] = fieldStart;
            ends[count++] = i;
            fieldStart = i + 1;
          } else if (b === LF) break;
        }
        i++;
      }
      starts[count] = fieldStart;
      // A CRLF line's last field ends before its CR.
      ends[count++] = crlf && i < n ? i - 1 : i;
      line.count = count;
      pos = i + 1;
      // A line of one field empty once trimmed is blank: neither the header nor a data row.
      if (count === 1 && line.text(0).trim() === '') continue;
      if (!seenHeader) {
        seenHeader = true;
        continue;
      }
      visit(++row, line);
    }
    first = false;
  }
  line.bytes = new Uint8Array(0);
}

/**
 * Visits every data row of a file that splits plainly and holds ASCII bytes alone, with its cells
 * as `forEachRow` gives them: each segment is decoded once and a row's cells are cut from that
 * text, so no cell is decoded on its own (byte offsets are character offsets in ASCII text).
 * Numbered and given as by `forEachPlainRow`.
 */
export function forEachAsciiRow(
  segments: Iterable<Uint8Array>,
  from: number,
  visit: (row: number, cells: string[]) => void,
  crlf = false,
): void {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // The first segment, whose text starts after its byte-order mark (`from`); the others at 0.
  let first: Uint8Array | undefined;
  const tracked = function* (): Generator<Uint8Array> {
    for (const segment of segments) {
      first ??= segment;
      yield segment;
    }
  };
  let bytes: Uint8Array | undefined;
  let text = '';
  let base = 0;
  forEachPlainRow(
    tracked(),
    from,
    (row, line) => {
      if (line.bytes !== bytes) {
        bytes = line.bytes;
        base = bytes === first ? from : 0;
        text = decoder.decode(bytes.subarray(base));
      }
      const { start, end, count } = line;
      const cells = new Array<string>(count);
      for (let k = 0; k < count; k++) cells[k] = text.slice(start[k]! - base, end[k]! - base);
      visit(row, cells);
    },
    crlf,
  );
}
