/**
 * A streaming CSV scanner (RFC 4180: comma, double quotes, CRLF or LF, an optional UTF-8 BOM) fed
 * chunk by chunk, as UTF-8 bytes (e.g. `Blob.stream()` or a file stream) or as text. It never joins
 * the file into one buffer or string: each chunk is scanned byte by byte, complete rows are handed to
 * the column sinks as byte ranges of the chunk, and only the unfinished last row is carried into the
 * next chunk. UTF-8 needs no decoding to find the delimiters: no byte of a multi-byte character is
 * below 0x80. Rows with quotes are unquoted into a scratch buffer first.
 */
import { SKIP, type ColumnSink } from './sinks';

/** What happened to the rows of one file. */
export interface CsvTally {
  /** Data rows read (header excluded, blank lines skipped). */
  rowsRead: number;
  /** Rows refused for a wrong number of fields. */
  rejected: number;
  /** The first rejections (at most 20), 1-based data row numbers. */
  readonly rejections: { row: number; reason: string }[];
}

/** Chunks of one file: UTF-8 bytes or text. */
export type CsvChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

const MAX_LISTED = 20;
/** Rows whose field bounds are buffered before the sinks take them, column by column. */
const BATCH_ROWS = 512;
const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class CsvScanner {
  /** The unfinished last row of the previous chunk (a copy), or null. */
  private carry: Uint8Array | null = null;
  /** A high surrogate ending the previous text chunk, completed by the next one. */
  private pendingSurrogate = '';
  private sinks: ColumnSink[] | null = null;
  /** Columns whose sink is not SKIP, and their sinks. */
  private used: Int32Array = new Int32Array(0);
  private usedSinks: ColumnSink[] = [];
  private width = 0;
  /** Field j of the current row spans `[starts[j], starts[j + 1] - 1)`. */
  private starts = new Int32Array(64);
  private scratch = new Uint8Array(1024);
  /** Field bounds of the buffered rows: per row, a [start, end) pair per used column. */
  private bounds = new Int32Array(0);
  private batched = 0;
  private batchBytes: Uint8Array | null = null;
  readonly tally: CsvTally = { rowsRead: 0, rejected: 0, rejections: [] };

  /** `bind` receives the header (trimmed, lower case) and returns one sink per header column. */
  constructor(private readonly bind: (header: readonly string[]) => ColumnSink[]) {}

  feed(chunk: string | Uint8Array): void {
    let bytes = typeof chunk === 'string' ? this.encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes.length === 0) return;
    let from = 0;
    if (this.carry !== null) {
      // Finish the carried row on a small joined buffer, then scan the chunk in place.
      const carry = this.carry;
      this.carry = null;
      const nl = bytes.indexOf(LF);
      if (nl < 0) bytes = concat(carry, bytes);
      else {
        const head = concat(carry, bytes.subarray(0, nl + 1));
        const done = this.scan(head, 0, false);
        if (done === head.length) from = nl + 1;
        else bytes = concat(head.subarray(done), bytes.subarray(nl + 1)); // a quoted newline
      }
    }
    const done = this.scan(bytes, from, false);
    if (done < bytes.length) this.carry = bytes.slice(done);
  }

  /** Scans the last, unterminated row (if any). */
  finish(): CsvTally {
    if (this.pendingSurrogate !== '') this.feed('');
    const carry = this.carry;
    this.carry = null;
    if (carry !== null) this.scan(carry, 0, true);
    return this.tally;
  }

  private encode(text: string): Uint8Array {
    let t = this.pendingSurrogate + text;
    this.pendingSurrogate = '';
    const last = t.charCodeAt(t.length - 1);
    if (last >= 0xd800 && last <= 0xdbff && text !== '') {
      this.pendingSurrogate = t.slice(-1);
      t = t.slice(0, -1);
    }
    return encoder.encode(t);
  }

  /**
   * Scans complete rows of `buf` from `from`; returns where the unfinished remainder starts. With
   * `final`, the end of `buf` ends the last row.
   */
  private scan(buf: Uint8Array, from: number, final: boolean): number {
    const done = this.scanRows(buf, from, final);
    this.flush();
    return done;
  }

  /** Hands the buffered rows to the sinks, one call per column. */
  private flush(): void {
    const rows = this.batched;
    if (rows === 0) return;
    const bytes = this.batchBytes!;
    const bounds = this.bounds;
    const sinks = this.usedSinks;
    const stride = 2 * sinks.length;
    for (let u = 0; u < sinks.length; u++) {
      const sink = sinks[u]!;
      if (sink.pushRows) sink.pushRows(bytes, bounds, 2 * u, stride, rows);
      else for (let r = 0, o = 2 * u; r < rows; r++, o += stride) sink.push(bytes, bounds[o]!, bounds[o + 1]!);
    }
    this.batched = 0;
    this.batchBytes = null;
  }

  private scanRows(buf: Uint8Array, from: number, final: boolean): number {
    const n = buf.length;
    let starts = this.starts;
    let cap = this.width;
    let row = from;
    let k = 0;
    starts[0] = from;
    let i = from;
    // Four bytes at a time where the buffer is aligned: a word with no byte below 45 (no comma,
    // quote, CR or LF) is skipped whole. (w - 0x2d2d2d2d) & ~w & 0x80808080 is zero exactly then.
    const words = (buf.byteOffset & 3) === 0 ? new Int32Array(buf.buffer, buf.byteOffset, n >> 2) : null;
    const wordEnd = words === null ? 0 : n & ~3;
    while (i < n) {
      if ((i & 3) === 0 && i < wordEnd) {
        const w = words![i >> 2]!;
        if (((w - 0x2d2d2d2d) & ~w & 0x80808080) === 0) {
          i += 4;
          continue;
        }
      }
      const b = buf[i]!;
      if (b > COMMA) {
        i++;
        continue;
      }
      if (b === COMMA) {
        k++;
        if (k < cap) starts[k] = i + 1;
      } else if (b === LF) {
        this.row(buf, row, i > row && buf[i - 1] === CR ? i - 1 : i, k + 1);
        cap = this.width;
        starts = this.starts;
        row = i + 1;
        k = 0;
        starts[0] = row;
      } else if (b === QUOTE) {
        const next = this.quotedRow(buf, row, final);
        if (next < 0) return row;
        cap = this.width;
        starts = this.starts;
        i = row = next;
        k = 0;
        starts[0] = row;
        continue;
      }
      i++;
    }
    if (!final || row >= n) return row;
    this.row(buf, row, buf[n - 1] === CR ? n - 1 : n, k + 1);
    return n;
  }

  /** Hands the fields of an unquoted row `[start, end)` with `fields` fields to the sinks. */
  private row(buf: Uint8Array, start: number, end: number, fields: number): void {
    if (start === end) return;
    if (this.sinks === null) return this.header(decoder.decode(buf.subarray(start, end)).split(','));
    const cap = this.width;
    if (fields !== cap) return this.reject(`expected ${cap} fields, found ${fields}`);
    this.tally.rowsRead++;
    const starts = this.starts;
    starts[cap] = end + 1;
    const used = this.used;
    const bounds = this.bounds;
    let o = this.batched * 2 * used.length;
    for (let u = 0; u < used.length; u++) {
      const j = used[u]!;
      bounds[o++] = starts[j]!;
      bounds[o++] = starts[j + 1]! - 1;
    }
    this.batchBytes = buf;
    if (++this.batched === BATCH_ROWS) this.flush();
  }

  private header(fields: string[]): void {
    if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
    const sinks = this.bind(fields.map((f) => f.trim().toLowerCase()));
    this.sinks = sinks;
    this.width = fields.length;
    const used = sinks.flatMap((s, j) => (s === SKIP ? [] : [j]));
    this.used = Int32Array.from(used);
    this.usedSinks = used.map((j) => sinks[j]!);
    this.bounds = new Int32Array(BATCH_ROWS * 2 * used.length);
    if (this.starts.length < this.width + 1) this.starts = new Int32Array(this.width + 1);
  }

  private reject(reason: string): void {
    this.tally.rowsRead++;
    this.tally.rejected++;
    if (this.tally.rejections.length < MAX_LISTED) this.tally.rejections.push({ row: this.tally.rowsRead, reason });
  }

  /**
   * Parses a row containing quotes into the scratch buffer; returns the index after its newline, or
   * -1 if it is unfinished.
   */
  private quotedRow(buf: Uint8Array, start: number, final: boolean): number {
    const n = buf.length;
    if (this.scratch.length < n - start) this.scratch = new Uint8Array(Math.max(n - start, 2 * this.scratch.length));
    const out = this.scratch;
    const ends: number[] = [];
    let w = 0;
    let i = start;
    let quoted = false;
    while (i < n) {
      const ch = buf[i]!;
      if (quoted) {
        if (ch === QUOTE) {
          if (buf[i + 1] === QUOTE) {
            out[w++] = QUOTE;
            i += 2;
            continue;
          }
          quoted = false;
        } else out[w++] = ch;
        i++;
        continue;
      }
      if (ch === QUOTE) quoted = true;
      else if (ch === COMMA) ends.push(w);
      else if (ch === LF) {
        const last = ends.length === 0 ? 0 : ends[ends.length - 1]!;
        ends.push(w > last && out[w - 1] === CR ? w - 1 : w);
        this.quotedFields(out, ends);
        return i + 1;
      } else out[w++] = ch;
      i++;
    }
    if (!final) return -1;
    ends.push(w);
    this.quotedFields(out, ends);
    return n;
  }

  /** Field j of `out` spans `[ends[j - 1], ends[j])` (from 0 for the first). */
  private quotedFields(out: Uint8Array, ends: readonly number[]): void {
    if (this.sinks === null) {
      let from = 0;
      return this.header(ends.map((e) => decoder.decode(out.subarray(from, (from = e)))));
    }
    if (ends.length !== this.width) return this.reject(`expected ${this.width} fields, found ${ends.length}`);
    this.flush();
    this.tally.rowsRead++;
    const used = this.used;
    const sinks = this.usedSinks;
    for (let u = 0; u < used.length; u++) {
      const j = used[u]!;
      sinks[u]!.push(out, j === 0 ? 0 : ends[j - 1]!, ends[j]!);
    }
  }
}

/** Feeds every chunk to a scanner; `onChunk` sees the running tally after each chunk. */
export async function scanCsv(
  chunks: CsvChunks,
  bind: (header: readonly string[]) => ColumnSink[],
  onChunk?: (tally: Readonly<CsvTally>) => void,
): Promise<CsvTally> {
  const scanner = new CsvScanner(bind);
  for await (const chunk of chunks) {
    scanner.feed(chunk);
    onChunk?.(scanner.tally);
  }
  return scanner.finish();
}
