/**
 * Columns that grow one row at a time, for readers that do not know the row count in advance: a
 * typed array doubled when full (amortised O(1) per row), and a dictionary-encoded string column.
 * `done()` returns a view trimmed to the rows appended.
 */

type Typed = Float64Array | Int32Array | Uint8Array;
type TypedCtor<A extends Typed> = new (length: number) => A;

export class GrowingArray<A extends Typed> {
  private data: A;
  length = 0;

  constructor(
    private readonly Ctor: TypedCtor<A>,
    private readonly fill: number = 0,
    capacity = 1024,
  ) {
    this.data = new Ctor(capacity);
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

  /** The appended values (a copy of exactly `length` values; the builder's buffer is released). */
  done(): A {
    const out = this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as A);
    this.data = new this.Ctor(0);
    return out;
  }
}

/** A dictionary-encoded string column grown row by row; empty and missing values are code -1. */
export class GrowingDict {
  readonly codes = new GrowingArray(Int32Array, -1);
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** Appends one row's value. */
  push(value: string | undefined): void {
    this.codes.push(value === undefined || value === '' ? -1 : this.code(value));
  }

  /** Sets row `row` (rows not set stay missing). */
  set(row: number, value: string): void {
    this.codes.set(row, this.code(value));
  }

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      const own = ownString(value);
      this.values.push(own);
      this.index.set(own, code);
    }
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
