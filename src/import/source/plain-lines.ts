/**
 * The data rows of a file that splits plainly (no quote character; rows ending in LF alone, or
 * every one in CRLF; see column-values.ts) as byte ranges: each row's fields are found by their commas and handed on as
 * offsets into the file's bytes, so a reader can check a clean row's values without making a
 * string of every cell. `cells()` gives the row as `forEachRow` gives it, for any other row.
 */

const LF = 0x0a;
const COMMA = 0x2c;

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

  constructor(readonly bytes: Uint8Array) {}

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

/** Visits every data row of a file that splits plainly, numbered from 1 as `forEachRow` does. */
export function forEachPlainRow(
  bytes: Uint8Array,
  from: number,
  visit: (row: number, line: PlainRow) => void,
  crlf = false,
): void {
  const line = new Line(bytes);
  let seenHeader = false;
  let row = 0;
  const n = bytes.length;
  // The field bounds of the line (the line's own arrays, held here while they do not grow).
  let starts = line.start;
  let ends = line.end;
  for (let pos = from; pos <= n;) {
    let count = 0;
    let fieldStart = pos;
    let i = pos;
    for (; i < n; i++) {
      const b = bytes[i]!;
      // Digits, letters and most punctuation are above the comma: one comparison passes them.
      if (b > COMMA) continue;
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
}
