/**
 * Column sinks of the streaming CSV loader: each receives one field at a time as a byte range of the
 * current UTF-8 chunk and appends it to a growable typed array (or a dictionary), so no per-row
 * object and no per-field string is built. Dictionaries are keyed by the field's bytes: only a value
 * seen for the first time is decoded to a string. Fast paths cover the forms the canonical writer
 * emits; anything else is decoded and handed to the canonical reader's parsers, so both readers agree
 * on every value.
 */
import { parseBoolean, parseIsoInstant as parseInstantText } from '../canonical/parse-values';

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

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The text of `bytes[start, end)`. */
export function decodeField(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** UTF-8 bytes of a string, for feeding a sink by hand. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

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

/** A copy of `a` with room for at least `need` elements (capacity doubles). */
function grown<T extends Typed>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** A 32-bit hash of `bytes[start, end)` (MurmurHash3's mixing, four bytes at a time). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = end - start;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let sh = 0; i < end; i++, sh += 8) k |= bytes[i]! << sh;
  k = Math.imul(k, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Byte strings numbered 0, 1, 2… in order of appending, their bytes kept in one pool, with a hash
 * index (open addressing; each slot holds a hash and an entry) over the entries indexed so far.
 * Finding a key builds no string. Equal keys may be appended twice: the index keeps the first.
 */
export class ByteKeys {
  private pool = new Uint8Array(4096);
  private starts = new Int32Array(1025);
  /** Pairs [hash, entry + 1]; entry + 1 = 0 marks an empty slot. */
  private slots = new Int32Array(2048);
  private indexed = 0;
  size = 0;

  /** Appends a key without indexing it; returns its number. */
  append(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.size++;
    if (entry + 2 > this.starts.length) this.starts = grown(this.starts, entry + 2);
    const from = this.starts[entry]!;
    const to = from + end - start;
    if (to > this.pool.length) this.pool = grown(this.pool, to);
    for (let i = start, o = from; i < end; i++, o++) this.pool[o] = bytes[i]!;
    this.starts[entry + 1] = to;
    return entry;
  }

  /** Whether entry `entry` equals `bytes[start, end)`. */
  equals(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[entry]!;
    const len = end - start;
    if (this.starts[entry + 1]! - from !== len) return false;
    const pool = this.pool;
    for (let k = 0; k < len; k++) if (pool[from + k] !== bytes[start + k]) return false;
    return true;
  }

  /** Whether entry `entry` sorts strictly after entry `entry - 1`, comparing bytes. */
  ascends(entry: number): boolean {
    const p = this.starts[entry - 1]!;
    return this.compare(entry, this.pool, p, this.starts[entry]!) > 0;
  }

  /** Entry `entry` compared with `bytes[start, end)` in byte order: negative, 0 or positive. */
  compare(entry: number, bytes: Uint8Array, start: number, end: number): number {
    const from = this.starts[entry]!;
    const len = this.starts[entry + 1]! - from;
    const pool = this.pool;
    for (let k = 0; k < len; k++) {
      if (start + k === end) return 1;
      const d = pool[from + k]! - bytes[start + k]!;
      if (d !== 0) return d;
    }
    return len - (end - start);
  }

  /** Binary search of entries [0, count), which must be in strictly ascending order; -1 if absent. */
  search(count: number, bytes: Uint8Array, start: number, end: number): number {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(mid, bytes, start, end);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The first indexed entry equal to `bytes[start, end)`, or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash = hashBytes(bytes, start, end)): number {
    if (this.indexed < this.size) this.indexAll();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[2 * s + 1]! - 1;
      if (entry < 0) return -1;
      if (slots[2 * s] === hash && this.equals(entry, bytes, start, end)) return entry;
    }
  }

  /** Appends and indexes a key known to be absent; returns its number. */
  add(bytes: Uint8Array, start: number, end: number, hash = hashBytes(bytes, start, end)): number {
    const entry = this.append(bytes, start, end);
    this.indexed++;
    if (4 * this.indexed > this.slots.length) this.rehash();
    this.place(entry, hash);
    return entry;
  }

  /** Indexes the entries appended since (a key equal to an indexed one is left out). */
  private indexAll(): void {
    while (this.indexed < this.size) {
      const e = this.indexed++;
      const from = this.starts[e]!;
      const to = this.starts[e + 1]!;
      const hash = hashBytes(this.pool, from, to);
      if (4 * this.indexed > this.slots.length) this.rehash();
      const mask = (this.slots.length >> 1) - 1;
      let s = hash & mask;
      let seen = false;
      for (; this.slots[2 * s + 1] !== 0; s = (s + 1) & mask) {
        if (this.slots[2 * s] === hash && this.equals(this.slots[2 * s + 1]! - 1, this.pool, from, to)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        this.slots[2 * s] = hash;
        this.slots[2 * s + 1] = e + 1;
      }
    }
  }

  private place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = hash & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = entry + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s + 1]! - 1, old[s]!);
  }

  /**
   * Pushes the text of each entry from `from` on, decoded in batches of about 1 MB: one decode per
   * batch, then a slice per entry when every byte of the batch decoded to one character (ASCII).
   */
  decode(from: number, into: string[]): void {
    const starts = this.starts;
    for (let e = from; e < this.size; ) {
      const a = starts[e]!;
      let last = e + 1;
      while (last < this.size && starts[last + 1]! - a < 1 << 20) last++;
      const text = decodeField(this.pool, a, starts[last]!);
      if (text.length === starts[last]! - a) for (let k = e; k < last; k++) into.push(text.slice(starts[k]! - a, starts[k + 1]! - a));
      else for (let k = e; k < last; k++) into.push(decodeField(this.pool, starts[k]!, starts[k + 1]!));
      e = last;
    }
  }
}

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
 * `YYYY-MM-DDTHH:mm:ss(.sss)Z` — parsed from UTF-8 bytes without building a string or calling
 * `Date.parse`. Anything else, or an impossible date such as 2026-02-31, is NaN.
 */
export function parseIsoInstant(b: Uint8Array, s: number, end: number): number {
  const len = end - s;
  if (len < 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return Number.NaN;
  // Each byte minus 48 is a digit when it is in 0…9: then v | (v + 6) < 16; a negative v or one
  // above 9 sets a higher bit. OR-ing these over several bytes tests them all at once.
  const y0 = b[s]! - 48;
  const y1 = b[s + 1]! - 48;
  const y2 = b[s + 2]! - 48;
  const y3 = b[s + 3]! - 48;
  const m0 = b[s + 5]! - 48;
  const m1 = b[s + 6]! - 48;
  const d0 = b[s + 8]! - 48;
  const d1 = b[s + 9]! - 48;
  if ((y0 | (y0 + 6) | y1 | (y1 + 6) | y2 | (y2 + 6) | y3 | (y3 + 6) | m0 | (m0 + 6) | m1 | (m1 + 6) | d0 | (d0 + 6) | d1 | (d1 + 6)) & ~15) {
    return Number.NaN;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return Number.NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return Number.NaN;
  const ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) return ms;
  if ((len !== 20 && len !== 24) || b[s + 10] !== 84 || b[s + 13] !== 58 || b[s + 16] !== 58 || b[end - 1] !== 90) return Number.NaN;
  const h0 = b[s + 11]! - 48;
  const h1 = b[s + 12]! - 48;
  const i0 = b[s + 14]! - 48;
  const i1 = b[s + 15]! - 48;
  const s0 = b[s + 17]! - 48;
  const s1 = b[s + 18]! - 48;
  if ((h0 | (h0 + 6) | h1 | (h1 + 6) | i0 | (i0 + 6) | i1 | (i1 + 6) | s0 | (s0 + 6) | s1 | (s1 + 6)) & ~15) return Number.NaN;
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const sec = s0 * 10 + s1;
  if (h > 23 || mi > 59 || sec > 59) return Number.NaN;
  const t = ms + ((h * 60 + mi) * 60 + sec) * 1000;
  if (len === 20) return t;
  const f0 = b[s + 20]! - 48;
  const f1 = b[s + 21]! - 48;
  const f2 = b[s + 22]! - 48;
  if (b[s + 19] !== 46 || (f0 | (f0 + 6) | f1 | (f1 + 6) | f2 | (f2 + 6)) & ~15) return Number.NaN;
  return t + f0 * 100 + f1 * 10 + f2;
}

/** Ignores a column. */
export const SKIP: ColumnSink = { push() {}, length: 0 };
