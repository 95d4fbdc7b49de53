/**
 * The funnel of a leads file while it is still being read: the bytes of a canonical leads.csv (SPEC
 * §3: `id`, `created_at`, `is_bot` and one `*_at` column per stage) are fed chunk by chunk, complete
 * rows are counted into a `RunningReach` as they arrive, and a snapshot can be taken after any chunk.
 * Only the few columns reach needs are looked at; nothing per row is kept. A file whose header is not
 * a leads header (no `id`, `created_at` or stage date column) is ignored after its first line.
 *
 * Rows count as the canonical reader would accept them for the funnel: a non-empty id and an ISO
 * `created_at`; an unparseable stage date counts as no date (the reader drops it as a repair). Other
 * reasons the reader may reject a row (a duplicate id, an unknown account) are only known once the
 * whole folder is read, so the snapshot is labelled as the rows read so far.
 */
import { RunningReach, DATED_REACH_STAGES, type DatedReachStage } from '../engine/funnel/running-reach';
import type { StageCounts } from '../engine/funnel/tally';
import { LEAD_STAGE_COLUMNS } from './canonical/columns';
import { parseBoolean, parseIsoInstant } from './values/parse-values';

export interface LeadsFunnelSnapshot {
  /** Data rows read so far (complete lines after the header). */
  readonly rowsRead: number;
  /** Rows the whole file likely holds, from the bytes read so far; null when the size is unknown. */
  readonly estimatedRows: number | null;
  /** Every byte has been read. */
  readonly complete: boolean;
  /** Inclusive stage reach of the leads read so far (bots left out). */
  readonly counts: StageCounts;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

interface Columns {
  readonly id: number;
  readonly createdAt: number;
  readonly isBot: number;
  /** Field index → slot in DATED_REACH_STAGES. */
  readonly stages: readonly (readonly [index: number, slot: number])[];
}

function bindHeader(fields: readonly string[]): Columns | null {
  const names = fields.map((f, k) => (k === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const stages: [number, number][] = [];
  for (const [column, stage] of LEAD_STAGE_COLUMNS) {
    const k = at(column);
    const slot = DATED_REACH_STAGES.indexOf(stage as DatedReachStage);
    if (k >= 0 && slot >= 0) stages.push([k, slot]);
  }
  const id = at('id');
  const createdAt = at('created_at');
  if (id < 0 || createdAt < 0 || stages.length === 0) return null;
  return { id, createdAt, isBot: at('is_bot'), stages };
}

export class LeadsFunnelStream {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly reach = new RunningReach();
  /** Text of the record not yet complete. */
  private carry = '';
  /** The row reader once the header is read; null when the header is not a leads header. */
  private reader: RowReader | null | undefined;
  private bytes = 0;
  private done = false;

  /** `totalBytes`: the file's size when known, for the estimate of its rows. */
  constructor(private readonly totalBytes: number | null = null) {}

  /** False once the header showed this is not a leads file. */
  get relevant(): boolean {
    return this.reader !== null;
  }

  /** True once the header is read and is a leads header. */
  get isLeads(): boolean {
    return this.reader !== null && this.reader !== undefined;
  }

  /** Feeds the next bytes of the file. */
  pushBytes(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.reader === null) return;
    this.pushText(this.decoder.decode(chunk, { stream: true }));
  }

  /** Feeds the next text of the file (when the caller decodes). */
  pushText(text: string): void {
    if (this.reader === null) return;
    let rest = text;
    if (this.reader === undefined) {
      const header = readHeader(this.carry + rest, false);
      if (header === undefined) {
        this.carry += rest;
        return;
      }
      this.carry = '';
      rest = header.rest;
      this.reader = header.reader(this.reach);
      if (this.reader === null) return;
    }
    const reader = this.reader;
    if (this.carry !== '' && !reader.bareCr && !this.carry.includes('"')) {
      // Finish the carried partial line on its own, so the chunk itself is scanned as it came
      // (scanning carry + chunk would first copy the whole chunk into a new string).
      const nl = rest.indexOf('\n');
      if (nl < 0) {
        this.carry += rest;
        return;
      }
      this.carry = reader.scan(this.carry + rest.slice(0, nl + 1), false);
      rest = rest.slice(nl + 1);
    }
    this.carry = reader.scan(this.carry + rest, false);
  }

  /** The file has ended: counts its last line even without a final newline. */
  end(): void {
    if (this.reader !== null) {
      let text = this.carry + this.decoder.decode();
      if (this.reader === undefined) {
        const header = readHeader(text, true);
        this.reader = header ? header.reader(this.reach) : null;
        text = header ? header.rest : '';
      }
      this.reader?.scan(text, true);
    }
    this.carry = '';
    this.done = true;
  }

  snapshot(): LeadsFunnelSnapshot {
    const rows = this.reader ? this.reader.rows : 0;
    const estimatedRows = this.done
      ? rows
      : this.totalBytes !== null && this.bytes > 0
        ? Math.max(rows, Math.round((rows * this.totalBytes) / this.bytes))
        : null;
    return { rowsRead: rows, estimatedRows, complete: this.done, counts: this.reach.counts() };
  }
}

/**
 * The header line of `text` (quotes respected, blank lines skipped): a maker of the row reader and
 * the text after the header; undefined when the header does not end within `text` yet.
 */
function readHeader(
  text: string,
  final: boolean,
): { reader: (reach: RunningReach) => RowReader | null; rest: string } | undefined {
  const n = text.length;
  let start = 0;
  for (;;) {
    const fields: string[] = [];
    let fieldStart = start;
    let quoted = false;
    let i = start;
    let ended = -1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) quoted = false;
      } else if (c === QUOTE) quoted = true;
      else if (c === COMMA) {
        fields.push(text.slice(fieldStart, i));
        fieldStart = i + 1;
      } else if (c === LF || c === CR) {
        ended = i;
        break;
      }
    }
    if (ended < 0 && !final) return undefined;
    const end = ended < 0 ? n : ended;
    if (end === start && ended >= 0) {
      start = ended + 1; // a blank line before the header
      continue;
    }
    fields.push(text.slice(fieldStart, end));
    if (ended >= 0 && text.charCodeAt(ended) === CR && ended + 1 === n && !final) return undefined; // CR of a CRLF cut in two
    const crlf = ended >= 0 && text.charCodeAt(ended) === CR && text.charCodeAt(ended + 1) === LF;
    const bareCr = ended >= 0 && text.charCodeAt(ended) === CR && !crlf;
    const columns = bindHeader(fields);
    return {
      reader: (reach) => (columns ? new RowReader(columns, reach, bareCr) : null),
      rest: ended < 0 ? '' : text.slice(crlf ? ended + 2 : ended + 1),
    };
  }
}

/**
 * Counts the data rows of a leads file whose header is known. Every field is set in the constructor
 * and keeps its type, so the hot loop runs on one stable object shape.
 */
class RowReader {
  /** Data rows read (complete lines after the header). */
  rows = 0;
  /** Offsets of the current row's fields, up to the last one the funnel reads. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The current row's stage dates (see RunningReach). */
  private readonly at = new Float64Array(DATED_REACH_STAGES.length);

  /** `bareCr`: lines end with a bare CR, so every record goes through the character scan. */
  constructor(
    private readonly columns: Columns,
    private readonly reach: RunningReach,
    readonly bareCr: boolean,
  ) {
    const width = Math.max(columns.id, columns.createdAt, columns.isBot, ...columns.stages.map(([k]) => k)) + 1;
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  /**
   * Handles every complete record of `text`; returns the incomplete tail. Row fields are read in
   * place by their offsets, and only up to the last one the funnel needs. A record without quotes is
   * split with `indexOf` (most rows); one with quotes, and files with bare-CR line ends, go through
   * the quote-aware character scan.
   */
  scan(text: string, final: boolean): string {
    return this.scanFrom(text, final, text.indexOf('"'));
  }

  /** `scan` given where the first quote of `text` is (-1 for none). */
  private scanFrom(text: string, final: boolean, firstQuote: number): string {
    const n = text.length;
    const width = this.starts.length;
    let pos = 0;
    let quote = firstQuote;
    while (pos < n) {
      if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
      const nl = this.bareCr ? -1 : text.indexOf('\n', pos);
      if (this.bareCr || (quote >= 0 && (nl < 0 || quote < nl))) {
        const next = this.scanRecord(text, pos, final);
        if (next < 0) return text.slice(pos);
        pos = next;
        continue;
      }
      if (nl < 0 && !final) return text.slice(pos);
      const lineEnd = nl < 0 ? n : nl;
      const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      if (end > pos) {
        let k = 0;
        let from = pos;
        while (k < width) {
          const comma = text.indexOf(',', from);
          const to = comma < 0 || comma > end ? end : comma;
          this.starts[k] = from;
          this.ends[k++] = to;
          if (to === end) break;
          from = to + 1;
        }
        this.row(text, k);
      }
      pos = lineEnd + 1;
    }
    return '';
  }

  /**
   * Reads one record from `start` character by character (quotes respected); returns where the next
   * record starts, or -1 when the record does not end within `text` (and more text may follow).
   */
  private scanRecord(text: string, start: number, final: boolean): number {
    const n = text.length;
    const width = this.starts.length;
    let k = 0;
    let fieldStart = start;
    let quoted = false;
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) quoted = false; // a doubled quote re-opens on the next character
      } else if (c === QUOTE) quoted = true;
      else if (c === COMMA) {
        if (k < width) {
          this.starts[k] = fieldStart;
          this.ends[k] = i;
        }
        k++;
        fieldStart = i + 1;
      } else if (c === LF || c === CR) {
        if (c === CR && i + 1 === n && !final) return -1; // may be the first half of CRLF
        if (i > start) {
          if (k < width) {
            this.starts[k] = fieldStart;
            this.ends[k] = i;
          }
          this.row(text, k + 1);
        }
        return c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      }
    }
    if (!final) return -1;
    if (!quoted && start < n) {
      if (k < width) {
        this.starts[k] = fieldStart;
        this.ends[k] = n;
      }
      this.row(text, k + 1);
    }
    return n;
  }

  /** Counts the row whose first `fields` field offsets are in starts/ends. */
  private row(text: string, fields: number): void {
    const c = this.columns;
    const { starts, ends } = this;
    this.rows++;
    if (c.id >= fields || c.createdAt >= fields || isBlank(text, starts[c.id]!, ends[c.id]!)) return;
    const createdAt = instantAt(text, starts[c.createdAt]!, ends[c.createdAt]!);
    if (Number.isNaN(createdAt)) return;
    const isBot = c.isBot >= 0 && c.isBot < fields && booleanAt(text, starts[c.isBot]!, ends[c.isBot]!);
    const at = this.at.fill(Number.NaN);
    for (const [k, slot] of c.stages) if (k < fields) at[slot] = instantAt(text, starts[k]!, ends[k]!);
    this.reach.add(createdAt, isBot, at);
  }
}

/** A field's text: unquoted and trimmed. */
function fieldText(text: string, start: number, end: number): string {
  const f = text.slice(start, end).trim();
  return f.length >= 2 && f.charCodeAt(0) === QUOTE && f.charCodeAt(f.length - 1) === QUOTE
    ? f.slice(1, -1).replaceAll('""', '"').trim()
    : f;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== QUOTE) return false;
  }
  return true;
}

function booleanAt(text: string, start: number, end: number): boolean {
  if (end - start === 4 && text.startsWith('true', start)) return true;
  if (end - start === 5 && text.startsWith('false', start)) return false;
  return parseBoolean(fieldText(text, start, end)) === true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at [at, at + len) as a number, or -1 when any is not a digit. */
function digits(text: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The instant in a field, epoch ms; NaN when empty or not a date. The canonical writer's forms
 * (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm:ss.sssZ`) are read from char codes; anything else goes through
 * the canonical reader's parser, so both agree on every value.
 */
function instantAt(text: string, start: number, end: number): number {
  if (end === start) return Number.NaN;
  const len = end - start;
  if ((len === 10 || len === 24) && text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    const y = digits(text, start, 4);
    const mo = digits(text, start + 5, 2);
    const d = digits(text, start + 8, 2);
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const dim = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
    if (y >= 1000 && mo >= 1 && d >= 1 && d <= dim) {
      if (len === 10) return Date.UTC(y, mo - 1, d);
      if (
        text.startsWith('T', start + 10) &&
        text.startsWith(':', start + 13) &&
        text.startsWith(':', start + 16) &&
        text.startsWith('.', start + 19) &&
        text.startsWith('Z', start + 23)
      ) {
        const h = digits(text, start + 11, 2);
        const mi = digits(text, start + 14, 2);
        const sec = digits(text, start + 17, 2);
        const ms = digits(text, start + 20, 3);
        if (h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0)
          return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
      }
    }
  }
  const f = fieldText(text, start, end);
  return f === '' ? Number.NaN : (parseIsoInstant(f) ?? Number.NaN);
}
