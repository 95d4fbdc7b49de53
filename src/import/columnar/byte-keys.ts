/**
 * Byte strings without strings: UTF-8 field decoding, a 32-bit hash of a byte range, and a pool of
 * byte keys with a hash index, so the columnar loader's dictionaries and id lookups decode a field
 * only when it is seen for the first time.
 */
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The text of `bytes[start, end)`. */
export function decodeField(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/** UTF-8 bytes of a string, for feeding a sink by hand. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

type Growable = Int32Array | Uint8Array;

/** A copy of `a` with room for at least `need` elements (capacity doubles). */
function grown<T extends Growable>(a: T, need: number): T {
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
