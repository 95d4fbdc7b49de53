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
import { RunningReach, DATED_REACH_STAGES, type DatedReachStage, type LeadStageDates } from '../engine/funnel/running-reach';
import type { StageCounts } from '../engine/funnel/tally';
import { LEAD_STAGE_COLUMNS } from './canonical/columns';
import { parseBoolean, parseIsoInstant } from './canonical/parse-values';

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
  readonly stages: readonly (readonly [index: number, stage: DatedReachStage])[];
}

function bindHeader(fields: readonly string[]): Columns | null {
  const names = fields.map((f, k) => (k === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const stages: [number, DatedReachStage][] = [];
  for (const [column, stage] of LEAD_STAGE_COLUMNS) {
    const k = at(column);
    if (k >= 0 && (DATED_REACH_STAGES as readonly string[]).includes(stage)) stages.push([k, stage as DatedReachStage]);
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
  private columns: Columns | null | undefined;
  /** 1 for the fields the funnel reads; null until the header is bound (every field is cut out). */
  private wanted: Uint8Array | null = null;
  private rows = 0;
  private bytes = 0;
  private done = false;

  /** `totalBytes`: the file's size when known, for the estimate of its rows. */
  constructor(private readonly totalBytes: number | null = null) {}

  /** False once the header showed this is not a leads file. */
  get relevant(): boolean {
    return this.columns !== null;
  }

  /** Feeds the next bytes of the file. */
  pushBytes(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.columns === null) return;
    this.pushText(this.decoder.decode(chunk, { stream: true }));
  }

  /** Feeds the next text of the file (when the caller decodes). */
  pushText(text: string): void {
    if (this.columns === null) return;
    this.carry = this.scan(this.carry + text, false);
  }

  /** The file has ended: counts its last line even without a final newline. */
  end(): void {
    if (this.columns !== null) {
      const rest = this.decoder.decode();
      this.scan(this.carry + rest, true);
    }
    this.carry = '';
    this.done = true;
  }

  snapshot(): LeadsFunnelSnapshot {
    const estimatedRows =
      this.done
        ? this.rows
        : this.totalBytes !== null && this.bytes > 0
          ? Math.max(this.rows, Math.round((this.rows * this.totalBytes) / this.bytes))
          : null;
    return { rowsRead: this.rows, estimatedRows, complete: this.done, counts: this.reach.counts() };
  }

  /**
   * Handles every complete record of `text`; returns the incomplete tail. Only the fields the funnel
   * reads are cut out of the text (all of them for the header).
   */
  private scan(text: string, final: boolean): string {
    const fields: string[] = [];
    let k = 0;
    let recordStart = 0;
    let fieldStart = 0;
    let quoted = false;
    const n = text.length;
    const field = (end: number) => {
      if (this.wanted === null || this.wanted[k] === 1) {
        let f = text.slice(fieldStart, end);
        if (f.length >= 2 && f.charCodeAt(0) === QUOTE && f.charCodeAt(f.length - 1) === QUOTE) f = f.slice(1, -1).replaceAll('""', '"');
        fields[k] = f;
      }
      k++;
    };
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) quoted = false; // a doubled quote re-opens on the next character
      } else if (c === QUOTE) quoted = true;
      else if (c === COMMA) {
        field(i);
        fieldStart = i + 1;
      } else if (c === LF || c === CR) {
        field(i);
        // A blank line (CRLF's LF included) is no record.
        if (i > recordStart) this.record(fields);
        if (this.columns === null) return '';
        fields.length = 0;
        k = 0;
        recordStart = fieldStart = i + 1;
      }
    }
    if (!final) return text.slice(recordStart);
    if (recordStart < n && !quoted) {
      field(n);
      this.record(fields);
    }
    return '';
  }

  private record(fields: readonly string[]): void {
    if (this.columns === undefined) {
      this.columns = bindHeader(fields);
      if (this.columns) {
        const c = this.columns;
        const keep = [c.id, c.createdAt, c.isBot, ...c.stages.map(([k]) => k)].filter((k) => k >= 0);
        this.wanted = new Uint8Array(Math.max(...keep) + 1);
        for (const k of keep) this.wanted[k] = 1;
      }
      return;
    }
    const c = this.columns;
    if (c === null) return;
    this.rows++;
    if ((fields[c.id] ?? '').trim() === '') return;
    const createdAt = parseIsoInstant((fields[c.createdAt] ?? '').trim());
    if (createdAt === undefined) return;
    const isBot = c.isBot >= 0 && parseBoolean((fields[c.isBot] ?? '').trim()) === true;
    const at: Partial<Record<DatedReachStage, number>> = {};
    for (const [k, stage] of c.stages) {
      const text = (fields[k] ?? '').trim();
      if (text === '') continue;
      const ms = parseIsoInstant(text);
      if (ms !== undefined) at[stage] = ms;
    }
    this.reach.add(createdAt, isBot, at as LeadStageDates);
  }
}
