/**
 * Column sinks of the streaming CSV loader: each receives one field at a time as a slice of the
 * current text chunk and appends it to a growable typed array (or a dictionary), so no per-row
 * object is built. Fast paths cover the forms the canonical writer emits; anything else falls back to
 * the canonical reader's parsers, so both readers agree on every value.
 */
import { parseBoolean, parseIsoInstant as parseInstantText } from '../canonical/parse-values';

/** Receives the fields of one column. */
export interface ColumnSink {
  /** Appends the field `text[start, end)` (already unquoted when `text` is a single field). */
  push(text: string, start: number, end: number): void;
  /** Rows pushed so far. */
  readonly length: number;
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const next = make(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * A copy of a slice that does not keep its whole source chunk alive (V8 represents longer slices as
 * views into the parent string, which would retain every chunk of the file).
 */
function detach(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}

/** Dictionary-encoded strings: codes (-1 = empty) and the values in order of first appearance. */
export class DictSink implements ColumnSink {
  private map = new Map<string, number>();
  readonly values: string[] = [];
  private data = new Int32Array(1024);
  length = 0;
  push(text: string, start: number, end: number): void {
    this.data = grow(this.data, this.length + 1, (n) => new Int32Array(n));
    if (start === end) {
      this.data[this.length++] = -1;
      return;
    }
    const key = text.slice(start, end);
    let code = this.map.get(key);
    if (code === undefined) {
      code = this.values.length;
      const own = detach(key);
      this.map.set(own, code);
      this.values.push(own);
    }
    this.data[this.length++] = code;
  }
  codes(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * E-mail addresses kept as their domain only, written `@domain` (what scoring reads): a million
 * distinct addresses would otherwise make a million-entry dictionary. A value without `@` is kept.
 */
export class EmailDomainSink extends DictSink {
  override push(text: string, start: number, end: number): void {
    const at = text.lastIndexOf('@', end - 1);
    super.push(text, at >= start ? at : start, end);
  }
}

/** Unique ids: keeps the ids in row order and the row of each id (first occurrence wins). */
export class IdSink implements ColumnSink {
  readonly ids: string[] = [];
  readonly rowOf = new Map<string, number>();
  get length(): number {
    return this.ids.length;
  }
  push(text: string, start: number, end: number): void {
    const id = detach(text.slice(start, end));
    if (!this.rowOf.has(id)) this.rowOf.set(id, this.ids.length);
    this.ids.push(id);
  }
}

/** A reference to another file's row by id (-1 = empty or unknown id). */
export class RefSink implements ColumnSink {
  private data = new Int32Array(1024);
  length = 0;
  /** Child rows usually come grouped by parent: the previous key is compared in place first. */
  private lastKey = '';
  private lastRow = -1;
  constructor(private readonly rowOf: ReadonlyMap<string, number>) {}
  push(text: string, start: number, end: number): void {
    this.data = grow(this.data, this.length + 1, (n) => new Int32Array(n));
    if (start === end) {
      this.data[this.length++] = -1;
      return;
    }
    if (end - start !== this.lastKey.length || !text.startsWith(this.lastKey, start)) {
      this.lastKey = detach(text.slice(start, end));
      this.lastRow = this.rowOf.get(this.lastKey) ?? -1;
    }
    this.data[this.length++] = this.lastRow;
  }
  rows(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Plain decimal numbers (NaN = empty or not a number), optionally scaled (e.g. ×100 to cents). */
export class NumberSink implements ColumnSink {
  private data = new Float64Array(1024);
  length = 0;
  constructor(private readonly scale = 1) {}
  push(text: string, start: number, end: number): void {
    this.data = grow(this.data, this.length + 1, (n) => new Float64Array(n));
    const v = start === end ? Number.NaN : Number(text.slice(start, end));
    this.data[this.length++] = this.scale === 1 ? v : Math.round(v * this.scale);
  }
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** `true` → 1, anything else → 0. */
export class BoolSink implements ColumnSink {
  private data = new Uint8Array(1024);
  length = 0;
  push(text: string, start: number, end: number): void {
    this.data = grow(this.data, this.length + 1, (n) => new Uint8Array(n));
    const len = end - start;
    const fast = len === 4 && text.startsWith('true', start) ? 1 : len === 5 && text.startsWith('false', start) ? 0 : -1;
    this.data[this.length++] = fast >= 0 ? fast : parseBoolean(text.slice(start, end).trim()) === true ? 1 : 0;
  }
  values(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/** ISO-8601 instants (epoch ms, NaN = empty or malformed); see `parseIsoInstant`. */
export class InstantSink implements ColumnSink {
  private data = new Float64Array(1024);
  length = 0;
  push(text: string, start: number, end: number): void {
    this.data = grow(this.data, this.length + 1, (n) => new Float64Array(n));
    let v = parseIsoInstant(text, start, end);
    if (Number.isNaN(v) && end > start) v = parseInstantText(text.slice(start, end).trim()) ?? Number.NaN;
    this.data[this.length++] = v;
  }
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The canonical instant forms written by the canonical writer — `YYYY-MM-DD` and
 * `YYYY-MM-DDTHH:mm:ss(.sss)Z` — parsed from char codes without building a string. Anything else,
 * or an impossible date such as 2026-02-31, is NaN.
 */
export function parseIsoInstant(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 10 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return Number.NaN;
  const y = digits(text, start, 4);
  const mo = digits(text, start + 5, 2);
  const d = digits(text, start + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return Number.NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return Number.NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) return ms;
  if (len < 20 || text.charCodeAt(start + 10) !== 84 || text.charCodeAt(end - 1) !== 90) return Number.NaN;
  const h = digits(text, start + 11, 2);
  const mi = digits(text, start + 14, 2);
  const s = digits(text, start + 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return Number.NaN;
  ms += ((h * 60 + mi) * 60 + s) * 1000;
  if (len === 20) return ms;
  if (len !== 24 || text.charCodeAt(start + 19) !== 46) return Number.NaN;
  const frac = digits(text, start + 20, 3);
  return frac < 0 ? Number.NaN : ms + frac;
}

/** Ignores a column. */
export const SKIP: ColumnSink = { push() {}, length: 0 };
