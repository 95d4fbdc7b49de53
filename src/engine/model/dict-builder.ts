import type { DictColumn } from './columns';
import { ownString } from './grow';

/** Builds a dictionary-encoded column one row at a time. */
export class DictBuilder {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  readonly codes: Int32Array;

  constructor(rows: number, seed: readonly string[] = []) {
    this.codes = new Int32Array(rows).fill(-1);
    for (const v of seed) this.code(v);
  }

  /**
   * The code of a value, adding it to the dictionary when new. A new value is kept as a string of
   * its own (`ownString`): a cell cut from a file's text would keep the whole text alive.
   */
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

  set(row: number, value: string | undefined): void {
    this.codes[row] = value === undefined || value === '' ? -1 : this.code(value);
  }

  build(): DictColumn {
    return { kind: 'dict', codes: this.codes, values: this.values };
  }
}

/** A dictionary column from an array of optional strings. */
export function dictColumn(values: readonly (string | undefined)[]): DictColumn {
  const b = new DictBuilder(values.length);
  values.forEach((v, i) => b.set(i, v));
  return b.build();
}

/**
 * CSR index from a parent index per child (children need not be sorted). Returns start and order;
 * `allocate` makes the start array (e.g. in shared memory, see ./shared-memory.ts).
 */
export function csrFromParents(
  parentOf: ArrayLike<number>,
  parents: number,
  allocate: (length: number) => Int32Array = (length) => new Int32Array(length),
): { start: Int32Array; order: Int32Array } {
  const start = allocate(parents + 1);
  for (let i = 0; i < parentOf.length; i++) {
    const p = parentOf[i] ?? -1;
    if (p >= 0) start[p + 1] = (start[p + 1] ?? 0) + 1;
  }
  for (let p = 0; p < parents; p++) start[p + 1] = (start[p + 1] ?? 0) + (start[p] ?? 0);
  const fill = start.slice(0, parents);
  const order = new Int32Array(start[parents] ?? 0);
  for (let i = 0; i < parentOf.length; i++) {
    const p = parentOf[i] ?? -1;
    if (p >= 0) order[fill[p]!++] = i;
  }
  return { start, order };
}
