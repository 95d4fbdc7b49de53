/**
 * Column sinks of the streaming CSV loader: each receives one field at a time as a byte range of the
 * current UTF-8 chunk and appends it to a growable typed array (or a dictionary), so no per-row
 * object and no per-field string is built. Dictionaries are keyed by the field's bytes: only a value
 * seen for the first time is decoded to a string. Fast paths cover the forms the canonical writer
 * emits; anything else is decoded and handed to the canonical reader's parsers, so both readers agree
 * on every value.
 */
import { parseBoolean, parseIsoInstant as parseInstantText } from '../canonical/parse-values';
import { ByteKeys, decodeField, hashBytes } from './byte-keys';
import { parseIsoInstant } from './iso-instant';

/** Receives the fields of one column. */
export interface ColumnSink {
  /** Appends the field `bytes[start, end)` (UTF-8, already unquoted). */
  push(bytes: Uint8Array, start: number, end: number): void;
  /**
   * Appends `rows` fields at once: row r's field is `bytes[bounds[at + r × stride], bounds[at + r ×
   * stride + 1])`. One call per column per batch of rows keeps each sink's loop monomorphic.
   */
  pushRows?(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void;
  /** Rows pushed so far. */
  readonly length: number;
}

/** Rows per block of a growing column. */
const BLOCK = 1 << 15;

type Typed = Float64Array | Int32Array | Uint8Array;

/**
 * An append-only typed column kept in fixed-size blocks and joined once at the end: growing never
 * copies, and the only garbage is the blocks once joined.
 */
class Blocks<T extends Typed> {
  private readonly full: T[] = [];
  block: T;
  pos = 0;
  constructor(private readonly make: (n: number) => T) {
    this.block = make(BLOCK);
  }
  /** Call when `pos === BLOCK`, before writing `block[pos++]`. */
  next(): void {
    this.full.push(this.block);
    this.block = this.make(BLOCK);
    this.pos = 0;
  }
  get length(): number {
    return this.full.length * BLOCK + this.pos;
  }
  /** The whole column as one array. */
  join(): T {
    const out = this.make(this.length);
    let at = 0;
    for (const b of this.full) {
      out.set(b, at);
      at += BLOCK;
    }
    out.set(this.block.subarray(0, this.pos), at);
    return out;
  }
}

const f64 = () => new Blocks((n) => new Float64Array(n));
const i32 = () => new Blocks((n) => new Int32Array(n));

/** Dictionary-encoded strings: codes (-1 = empty) and the values in order of first appearance. */
export class DictSink implements ColumnSink {
  private keys = new ByteKeys();
  readonly values: string[] = [];
  private data = i32();
  get length(): number {
    return this.data.length;
  }
  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const d = this.data;
    if (d.pos === BLOCK) d.next();
    if (start === end) {
      d.block[d.pos++] = -1;
      return;
    }
    const hash = hashBytes(bytes, start, end);
    let code = this.keys.find(bytes, start, end, hash);
    if (code < 0) {
      code = this.keys.add(bytes, start, end, hash);
      this.values.push(decodeField(bytes, start, end));
    }
    d.block[d.pos++] = code;
  }
  codes(): Int32Array {
    return this.data.join();
  }
}

/**
 * E-mail addresses kept as their domain only, written `@domain` (what scoring reads): a million
 * distinct addresses would otherwise make a million-entry dictionary. A value without `@` is kept.
 */
export class EmailDomainSink extends DictSink {
  override push(bytes: Uint8Array, start: number, end: number): void {
    let at = end - 1;
    while (at >= start && bytes[at] !== 64) at--;
    super.push(bytes, at >= start ? at : start, end);
  }
}

/**
 * Unique ids: keeps each row's id bytes and finds the row of an id (first occurrence wins). Over the
 * leading rows whose ids ascend in byte order, as the canonical writer numbers them, an id can have
 * no earlier duplicate, so a row just after the previous answer is tried first: children listed by
 * parent find their parent without hashing. The hash index is built only when a lookup needs it.
 * The ids are decoded to strings once, in batches, when asked for.
 */
export class IdSink implements ColumnSink {
  private readonly keys = new ByteKeys();
  private readonly decoded: string[] = [];
  /** Rows [0, sortedRows) have strictly ascending ids. */
  private sortedRows = 0;
  /** Lookups answered by binary search: a few are cheaper than building the hash index. */
  private searches = 0;
  get length(): number {
    return this.keys.size;
  }

  /** The ids in row order. */
  get ids(): string[] {
    if (this.decoded.length < this.keys.size) this.keys.decode(this.decoded.length, this.decoded);
    return this.decoded;
  }

  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const row = this.keys.append(bytes, start, end);
    if (this.sortedRows === row && (row === 0 || this.keys.ascends(row))) this.sortedRows = row + 1;
  }

  /**
   * The row of the id `bytes[start, end)`, or -1. With `near` ≥ -1, the few rows just after `near`
   * are tried before the hash index.
   */
  rowOf(bytes: Uint8Array, start: number, end: number, near = -2): number {
    if (near >= -1) {
      const stop = Math.min(this.sortedRows, near + 9);
      for (let r = near + 1; r < stop; r++) if (this.keys.equals(r, bytes, start, end)) return r;
    }
    const n = this.keys.size;
    if (n === 0) return -1;
    if (this.sortedRows === n && this.searches++ < n >> 4) return this.keys.search(n, bytes, start, end);
    return this.keys.find(bytes, start, end);
  }
}

/** A reference to another file's row by id (-1 = empty or unknown id). */
export class RefSink implements ColumnSink {
  private data = i32();
  get length(): number {
    return this.data.length;
  }
  /** Child rows usually come grouped by parent: the previous key is compared first. */
  private lastKey = new Uint8Array(64);
  private lastLength = -1;
  private lastRow = -1;
  /** The last row found: the next key is looked for just after it (-2: don't). */
  private near = -1;
  /** Lookups the guess from `near` answered, and those it did not. */
  private hits = 0;
  private misses = 0;
  constructor(private readonly target: Pick<IdSink, 'rowOf'>) {}
  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const d = this.data;
    if (d.pos === BLOCK) d.next();
    if (start === end) {
      d.block[d.pos++] = -1;
      return;
    }
    const len = end - start;
    let same = len === this.lastLength;
    const last = this.lastKey;
    for (let k = 0; same && k < len; k++) same = last[k] === bytes[start + k];
    if (!same) {
      const key = len > last.length ? (this.lastKey = new Uint8Array(len)) : last;
      for (let k = 0; k < len; k++) key[k] = bytes[start + k]!;
      this.lastLength = len;
      const near = this.near;
      const row = this.target.rowOf(bytes, start, end, near);
      this.lastRow = row;
      if (near >= -1) {
        if (row > near && row <= near + 8) this.hits++;
        else if (++this.misses > this.hits + 64) this.near = -2; // not grouped by parent: hash only
        if (row >= 0 && this.near >= -1) this.near = row;
      }
    }
    d.block[d.pos++] = this.lastRow;
  }
  rows(): Int32Array {
    return this.data.join();
  }
}

/** Plain decimal numbers (NaN = empty or not a number), optionally scaled (e.g. ×100 to cents). */
export class NumberSink implements ColumnSink {
  private data = f64();
  get length(): number {
    return this.data.length;
  }
  constructor(private readonly scale = 1) {}
  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const d = this.data;
    if (d.pos === BLOCK) d.next();
    let v = start === end || end - start > 15 ? -1 : 0;
    for (let i = start; v >= 0 && i < end; i++) {
      const d = bytes[i]! - 48;
      v = d >= 0 && d <= 9 ? v * 10 + d : -1;
    }
    if (v < 0) v = start === end ? Number.NaN : Number(decodeField(bytes, start, end));
    d.block[d.pos++] = this.scale === 1 ? v : Math.round(v * this.scale);
  }
  values(): Float64Array {
    return this.data.join();
  }
}

/** `true` → 1, anything else → 0. */
export class BoolSink implements ColumnSink {
  private data = new Blocks((n) => new Uint8Array(n));
  get length(): number {
    return this.data.length;
  }
  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const d = this.data;
    if (d.pos === BLOCK) d.next();
    const len = end - start;
    const b = bytes[start];
    let v: number;
    if (len === 4 && b === 116 && bytes[start + 1] === 114 && bytes[start + 2] === 117 && bytes[start + 3] === 101) v = 1;
    else if (len === 5 && b === 102 && bytes[start + 1] === 97 && bytes[start + 2] === 108 && bytes[start + 3] === 115 && bytes[start + 4] === 101) v = 0;
    else v = parseBoolean(decodeField(bytes, start, end).trim()) === true ? 1 : 0;
    d.block[d.pos++] = v;
  }
  values(): Uint8Array {
    return this.data.join();
  }
}

/** ISO-8601 instants (epoch ms, NaN = empty or malformed); see `parseIsoInstant`. */
export class InstantSink implements ColumnSink {
  private data = f64();
  get length(): number {
    return this.data.length;
  }
  pushRows(bytes: Uint8Array, bounds: Int32Array, at: number, stride: number, rows: number): void {
    for (let r = 0, o = at; r < rows; r++, o += stride) this.push(bytes, bounds[o]!, bounds[o + 1]!);
  }
  push(bytes: Uint8Array, start: number, end: number): void {
    const d = this.data;
    if (d.pos === BLOCK) d.next();
    let v = start === end ? Number.NaN : parseIsoInstant(bytes, start, end);
    if (Number.isNaN(v) && end > start) v = parseInstantText(decodeField(bytes, start, end).trim()) ?? Number.NaN;
    d.block[d.pos++] = v;
  }
  values(): Float64Array {
    return this.data.join();
  }
}

/** Ignores a column. */
export const SKIP: ColumnSink = { push() {}, length: 0 };
