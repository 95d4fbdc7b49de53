/**
 * Columns that grow one row at a time, for readers that do not know the row count in advance: a
 * typed array doubled when full (amortised O(1) per row), and a dictionary-encoded string column.
 * `done()` returns a view trimmed to the rows appended.
 */

import type { DictColumn } from './columns';

type Typed = Float64Array | Int32Array | Uint8Array;
type TypedCtor<A extends Typed> = new (length: number) => A;

/** Rows a growing column holds before it first grows, unless told how many to expect. */
const FIRST_CAPACITY = 1024;

/** `done()` keeps a buffer as a view when less than 1/64 of it is spare, else copies (see `done`). */
const SPARE_KEPT_BELOW = 64;

export class GrowingArray<A extends Typed> {
  private data: A;
  length = 0;

  /**
   * `capacity`: the rows expected (a column that gets exactly that many is finished without a
   * copy); more still fit, the array then grows as usual.
   */
  constructor(
    private readonly Ctor: TypedCtor<A>,
    private readonly fill: number = 0,
    capacity = FIRST_CAPACITY,
  ) {
    this.data = new Ctor(Math.max(1, Math.floor(capacity)));
    if (fill !== 0) this.data.fill(fill);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, v: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = v;
    if (i >= this.length) this.length = i + 1;
  }

  /** Makes the length `n`; new slots hold the fill value. */
  resize(n: number): void {
    if (n > this.data.length) this.grow(n);
    this.length = n;
  }

  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const next = new this.Ctor(cap);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    next.set(this.data as never);
    this.data = next;
  }

  /**
   * The appended values, exactly `length` of them; the builder's buffer is released. A buffer
   * sized from a row estimate that was a little over (a few rows rejected) is kept as a view of
   * its first `length` values rather than copied: a copy of a column of millions of rows costs its
   * time and, as memory outside the heap, a full garbage collection of a heap holding the import.
   */
  done(): A {
    const spare = this.data.length - this.length;
    const out =
      spare === 0
        ? this.data
        : spare <= this.data.length / SPARE_KEPT_BELOW
          ? (this.data.subarray(0, this.length) as A)
          : (this.data.slice(0, this.length) as A);
    this.data = new this.Ctor(0);
    return out;
  }
}

/** A dictionary-encoded string column grown row by row; empty and missing values are code -1. */
export class GrowingDict {
  readonly codes: GrowingArray<Int32Array>;
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** `rows`: the rows expected (see `GrowingArray`). */
  constructor(rows?: number) {
    this.codes = new GrowingArray(Int32Array, -1, rows);
  }

  /** Appends one row's value. */
  push(value: string | undefined): void {
    this.codes.push(value === undefined || value === '' ? -1 : this.code(value));
  }

  /** Appends one row's code (from `code`, or -1: missing). */
  pushCode(code: number): void {
    this.codes.push(code);
  }

  /** Sets row `row` (rows not set stay missing). */
  set(row: number, value: string): void {
    this.codes.set(row, this.code(value));
  }

  /** The code of a value, adding it (as a string of its own: `ownString`) when new. */
  code(value: string): number {
    return this.index.get(value) ?? this.codeOfOwn(ownString(value));
  }

  /** `code` of a text already in memory of its own (decoded from bytes, not cut from a larger text). */
  codeOfOwn(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

/** A GrowingDict's column of `rows` rows (rows never appended are missing); the builder is released. */
export function dictOf(d: GrowingDict, rows: number): DictColumn {
  d.codes.resize(rows);
  return { kind: 'dict', codes: d.codes.done(), values: d.values };
}

/**
 * A set of byte strings (cells of a file being read), each numbered from 0 in the order added: a hash
 * table over copies of their bytes, so a cell seen before is found without making it a string.
 */
export class BytesTable {
  /** Per slot: 1 + the number of the entry held, 0: free. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  /** Entry k's bytes are `pool[starts[k], starts[k + 1])`. */
  private starts = new Int32Array(513);
  private pool = new Uint8Array(4096);
  /** The number of entries. */
  size = 0;

  /** The number of the entry holding `bytes[start, end)`, or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const k = this.entry(bytes, start, end, false);
    return k < 0 ? -1 : k;
  }

  /** Whether entry `k` (below `size`) holds `bytes[start, end)`. */
  holds(k: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[k]!;
    const n = end - start;
    if (this.starts[k + 1]! - from !== n) return false;
    const pool = this.pool;
    for (let i = 0; i < n; i++) if (pool[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /**
   * The number of the entry holding `bytes[start, end)`, adding it when new (then as `~number`,
   * negative; with `add` false nothing is added and the answer is negative).
   */
  entry(bytes: Uint8Array, start: number, end: number, add = true): number {
    // FNV-1a, as an int32 (as the hashes are kept) also for an empty cell.
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    const slots = this.slots;
    const hashes = this.hashes;
    const starts = this.starts;
    const pool = this.pool;
    const mask = slots.length - 1;
    const n = end - start;
    let slot = h & mask;
    for (;;) {
      const k = slots[slot]! - 1;
      if (k < 0) break;
      if (hashes[k] === h) {
        const from = starts[k]!;
        if (starts[k + 1]! - from === n) {
          let i = 0;
          while (i < n && pool[from + i] === bytes[start + i]) i++;
          if (i === n) return k;
        }
      }
      slot = (slot + 1) & mask;
    }
    return add ? ~this.add(bytes, start, end, h, slot) : -1;
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const k = this.size++;
    const used = this.starts[k]!;
    const next = used + (end - start);
    if (next > this.pool.length) this.pool = grown(this.pool, next);
    this.pool.set(bytes.subarray(start, end), used);
    if (k + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, k + 2);
      this.starts = grown(this.starts, k + 3);
    }
    this.starts[k + 1] = next;
    this.hashes[k] = h;
    this.slots[slot] = k + 1;
    if (2 * this.size > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.size; k++) {
      let slot = this.hashes[k]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    }
    this.slots = slots;
  }
}

/** A copy of `a` at least `min` long (doubling). */
function grown<A extends Int32Array | Uint8Array>(a: A, min: number): A {
  let n = a.length * 2;
  while (n < min) n *= 2;
  const out = new (a.constructor as new (n: number) => A)(n);
  out.set(a);
  return out;
}

/** Row numbers found by id (a Map of ids, or an `IdIndex`). */
export interface IdLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** Surrogate code units: a text with one is kept by its text (see `IdIndex`). */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The row of each id, found by its text or by its UTF-8 bytes still in a file (a cell is looked up
 * without making it a string). Ids are held as bytes in a `BytesTable`; a text with a surrogate
 * (which UTF-8 bytes do not always give back: a lone one) and bytes of a four-byte character are
 * held by their text in a Map of their own, so each id has one place, whichever way it comes.
 */
export class IdIndex implements IdLookup {
  private readonly table = new BytesTable();
  private rows = new Int32Array(1024);
  private readonly byText = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private scratch = new Uint8Array(256);
  /** The entry last found (-1: none yet). */
  private lastFound = -1;

  /** The bytes of a text without a surrogate, in `scratch[0, length)`. */
  private encoded(id: string): number {
    if (3 * id.length > this.scratch.length) this.scratch = new Uint8Array(3 * id.length);
    return this.encoder.encodeInto(id, this.scratch).written;
  }

  get(id: string): number | undefined {
    if (SURROGATE.test(id)) return this.byText.get(id);
    return this.find(this.scratch, 0, this.encoded(id));
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds the id at `row` unless it is there already (the first row is kept); true when added. */
  add(id: string, row: number): boolean {
    if (SURROGATE.test(id)) {
      if (this.byText.has(id)) return false;
      this.byText.set(id, row);
      return true;
    }
    return this.addAt(this.scratch, 0, this.encoded(id), row);
  }

  /** `get` of the text of `bytes[start, end)` (valid UTF-8). */
  getBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
    if (fourByte(bytes, start, end)) return this.byText.get(this.decoder.decode(bytes.subarray(start, end)));
    return this.find(bytes, start, end);
  }

  /** `add` of the text of `bytes[start, end)` (valid UTF-8). */
  addBytes(bytes: Uint8Array, start: number, end: number, row: number): boolean {
    if (fourByte(bytes, start, end)) return this.add(this.decoder.decode(bytes.subarray(start, end)), row);
    return this.addAt(bytes, start, end, row);
  }

  private find(bytes: Uint8Array, start: number, end: number): number | undefined {
    // Ids are often asked in the order they were added (a file grouped by lead, in the leads'
    // order): the entry after the last one found is tried before the id is hashed.
    const table = this.table;
    const next = this.lastFound + 1;
    const k = next < table.size && table.holds(next, bytes, start, end) ? next : table.find(bytes, start, end);
    if (k < 0) return undefined;
    this.lastFound = k;
    return this.rows[k];
  }

  private addAt(bytes: Uint8Array, start: number, end: number, row: number): boolean {
    const k = this.table.entry(bytes, start, end);
    if (k >= 0) return false;
    const at = ~k;
    if (at >= this.rows.length) this.rows = grown(this.rows, at + 1);
    this.rows[at] = row;
    return true;
  }
}

/** Whether the bytes hold a four-byte UTF-8 character (a surrogate pair as text). */
function fourByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0xf0) return true;
  return false;
}

/** Distinct values a `BytesCodes` remembers; a column with more (ids, e-mails) is decoded cell by cell. */
const REMEMBERED = 1024;

/** Slots of a `BytesCodes`' recent entries (a power of two). */
const RECENT_SLOTS = 256;

/**
 * The dictionary code of a UTF-8 cell still in a file's bytes (`bytes[start, end)`): `dict.code`
 * of its text, the same code in the same order of first appearance. Values are remembered by their
 * bytes (up to `REMEMBERED` of them), so a column of few distinct values (a type, a country, a
 * campaign) is coded without a string per cell; a column of more stops remembering and decodes
 * each cell.
 */
export class BytesCodes {
  private table: BytesTable | undefined = new BytesTable();
  private readonly codes: number[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /**
   * The entry last met in each of a few slots chosen by a cell's length and its first and last
   * bytes (-1: none): a value met before is usually found there, checked byte for byte, before it
   * is hashed.
   */
  private readonly recent = new Int32Array(RECENT_SLOTS).fill(-1);

  constructor(private readonly dict: GrowingDict) {}

  code(bytes: Uint8Array, start: number, end: number): number {
    const table = this.table;
    if (table === undefined) return this.dict.codeOfOwn(this.decoder.decode(bytes.subarray(start, end)));
    const n = end - start;
    const slot = n === 0 ? 0 : (n * 31 + bytes[start]! * 7 + bytes[end - 1]!) & (RECENT_SLOTS - 1);
    const seen = this.recent[slot]!;
    if (seen >= 0 && table.holds(seen, bytes, start, end)) return this.codes[seen]!;
    const k = table.entry(bytes, start, end);
    if (k >= 0) {
      this.recent[slot] = k;
      return this.codes[k]!;
    }
    this.recent[slot] = ~k;
    const code = this.dict.codeOfOwn(this.decoder.decode(bytes.subarray(start, end)));
    this.codes.push(code);
    // More distinct values than it holds: it stops looking.
    if (table.size > REMEMBERED) this.table = undefined;
    return code;
  }
}

/**
 * The same text in memory of its own. A cell cut from a larger text (a chunk of a file being read)
 * may keep that whole text alive while it lives; a value kept for the whole dataset (a dictionary
 * entry, an id) is copied so that only its own characters stay. A short text is copied by slicing
 * (V8 copies slices shorter than `SLICE_COPIES_BELOW` characters); a longer one by a JSON round
 * trip, which makes a flat string of its own, where a slice would be a view (about 32 bytes more
 * per text: the view and the one-character-longer text it keeps). Exact for any text.
 */
export function ownString(value: string): string {
  return value.length < SLICE_COPIES_BELOW ? (' ' + value).slice(1) : (JSON.parse(JSON.stringify(value)) as string);
}

/** V8's shortest sliced string (`SlicedString::kMinLength`); shorter slices are copies. */
const SLICE_COPIES_BELOW = 13;
