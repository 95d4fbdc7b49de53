/**
 * A streaming CSV scanner (RFC 4180: comma, double quotes, CRLF or LF) fed text chunk by chunk. It
 * never joins the file into one string: each chunk is scanned, complete rows are handed to the
 * column sinks field by field, and only the unfinished last row is carried into the next chunk.
 * Rows without quotes — nearly all rows of a canonical file — are split with native `indexOf`.
 */
import type { ColumnSink } from './sinks';

/** What happened to the rows of one file. */
export interface CsvTally {
  /** Data rows read (header excluded, blank lines skipped). */
  rowsRead: number;
  /** Rows refused for a wrong number of fields. */
  rejected: number;
  /** The first rejections (at most 20), 1-based data row numbers. */
  readonly rejections: { row: number; reason: string }[];
}

const MAX_LISTED = 20;

export class CsvScanner {
  private carry = '';
  private sinks: ColumnSink[] | null = null;
  private width = 0;
  private offsets = new Int32Array(64);
  readonly tally: CsvTally = { rowsRead: 0, rejected: 0, rejections: [] };

  /** `bind` receives the header (trimmed, lower case) and returns one sink per header column. */
  constructor(private readonly bind: (header: readonly string[]) => ColumnSink[]) {}

  feed(chunk: string): void {
    let from = 0;
    if (this.carry.length > 0) {
      // Finish the carried row on a small joined string, then scan the chunk itself: searching a
      // joined (cons) string of megabytes makes V8 copy it again and again.
      const nl = chunk.indexOf('\n');
      if (nl < 0 || this.carry.includes('"') || chunk.lastIndexOf('"', nl) >= 0) {
        const text = this.carry + chunk;
        this.carry = text.slice(this.scan(text, 0, false));
        return;
      }
      const head = this.carry + chunk.slice(0, nl + 1);
      this.carry = '';
      this.scan(head, 0, false);
      from = nl + 1;
    }
    this.carry = chunk.slice(this.scan(chunk, from, false));
  }

  /** Scans the last, unterminated row (if any). */
  finish(): CsvTally {
    if (this.carry.length > 0) this.scan(`${this.carry}\n`, 0, true);
    this.carry = '';
    return this.tally;
  }

  /** Scans complete rows of `text`; returns where the unfinished remainder starts. */
  private scan(text: string, from: number, final: boolean): number {
    let pos = from === 0 && text.charCodeAt(0) === 0xfeff && this.sinks === null ? 1 : from;
    let quote = text.indexOf('"', pos);
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) return pos;
      if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
      if (quote >= 0 && quote < nl) {
        const next = this.quotedRow(text, pos, final);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.simpleRow(text, pos, end);
      pos = nl + 1;
    }
  }

  private header(fields: readonly string[]): void {
    this.sinks = this.bind(fields.map((f) => f.trim().toLowerCase()));
    this.width = fields.length;
    if (this.offsets.length < 2 * this.width + 2) this.offsets = new Int32Array(2 * this.width + 2);
  }

  private reject(reason: string): void {
    this.tally.rowsRead++;
    this.tally.rejected++;
    if (this.tally.rejections.length < MAX_LISTED) this.tally.rejections.push({ row: this.tally.rowsRead, reason });
  }

  private simpleRow(text: string, start: number, end: number): void {
    if (start === end) return;
    if (this.sinks === null) return this.header(text.slice(start, end).split(','));
    const offs = this.offsets;
    const cap = this.width;
    let k = 0;
    let p = start;
    for (;;) {
      let c = text.indexOf(',', p);
      if (c < 0 || c > end) c = end;
      if (k < cap) {
        offs[2 * k] = p;
        offs[2 * k + 1] = c;
      }
      k++;
      if (c === end) break;
      p = c + 1;
    }
    if (k !== cap) return this.reject(`expected ${cap} fields, found ${k}`);
    this.tally.rowsRead++;
    const sinks = this.sinks;
    for (let j = 0; j < cap; j++) sinks[j]!.push(text, offs[2 * j]!, offs[2 * j + 1]!);
  }

  /** Parses a row containing quotes; returns the index after its newline, or -1 if it is unfinished. */
  private quotedRow(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    let field = '';
    let i = start;
    let quoted = false;
    const n = text.length;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (quoted) {
        if (ch === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
        } else field += text[i];
        i++;
        continue;
      }
      if (ch === 34) quoted = true;
      else if (ch === 44) {
        fields.push(field);
        field = '';
      } else if (ch === 10) {
        fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        this.quotedFields(fields);
        return i + 1;
      } else field += text[i];
      i++;
    }
    if (!final) return -1;
    fields.push(field);
    this.quotedFields(fields);
    return n;
  }

  private quotedFields(fields: readonly string[]): void {
    if (this.sinks === null) return this.header(fields);
    if (fields.length !== this.width) return this.reject(`expected ${this.width} fields, found ${fields.length}`);
    this.tally.rowsRead++;
    for (let j = 0; j < fields.length; j++) this.sinks[j]!.push(fields[j]!, 0, fields[j]!.length);
  }
}

/** Feeds every chunk to a scanner; `onChunk` sees the running tally after each chunk. */
export async function scanCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
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
