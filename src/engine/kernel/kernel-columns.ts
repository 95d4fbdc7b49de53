/**
 * The kernel's compact encoding of the feature matrix, built once per dataset and "as of" date:
 *
 * - the ten fit indicators of a lead packed into one 10-bit code, so fit is one lookup in a
 *   1,024-entry table of fit scores computed per set of weights;
 * - the ten intent counts of a lead replaced by the id of its distinct count vector ("pattern"):
 *   a million demo leads have about 60,000 distinct vectors, so the capped raw intent is computed
 *   once per pattern per set of weights and each lead does one lookup and one multiply by its
 *   decay factor.
 *
 * Both tables give exactly the sums the row-major loop computes (same terms, same order), so the
 * scores are bit-identical to the definition in ./workload.ts.
 */
import type { ScoringFeatures } from './features';
import { FEATURE_COUNT, FIT_COUNT, INTENT_COUNT, NO_ACTIVITY_AGE } from './workload';

/** The encoded columns; count, sources, stage and include are as in the wide features. */
export interface KernelColumns extends Pick<ScoringFeatures, 'count' | 'maxAgeDays' | 'source' | 'sourceNames' | 'stage' | 'include'> {
  /** Bit k set when fit feature k matched. */
  readonly fitCode: Uint16Array;
  /** Pattern id of the lead's intent counts: index into `patterns`. */
  readonly pattern: Uint32Array;
  /** `patternCount × INTENT_COUNT` intent counts, one row per distinct vector. */
  readonly patterns: Uint8Array;
  readonly patternCount: number;
  /**
   * Whole days from the latest activity to "as of" (0 when the lead has no activity: it is given
   * the all-zero pattern, so its intent is 0 whatever the decay).
   */
  readonly ageDays: Uint16Array;
}

/** Bytes per lead of the per-lead columns (the pattern table adds patternCount × 10 bytes in all). */
export const KERNEL_BYTES_PER_LEAD = 2 + 4 + 2 + 1 + 1 + 1;

type Alloc = (bytes: number) => ArrayBufferLike;
const plain: Alloc = (b) => new ArrayBuffer(b);

/** An open-addressing set of intent count vectors, ids in order of first appearance. */
class PatternSet {
  rows = new Uint8Array(INTENT_COUNT * 1024);
  count = 0;
  private slots = new Int32Array(4096).fill(-1);

  private static hash(src: Uint8Array, at: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < INTENT_COUNT; k++) h = Math.imul(h ^ src[at + k]!, 0x01000193);
    return h >>> 0;
  }

  private same(id: number, src: Uint8Array, at: number): boolean {
    const base = id * INTENT_COUNT;
    for (let k = 0; k < INTENT_COUNT; k++) if (this.rows[base + k] !== src[at + k]) return false;
    return true;
  }

  idOf(src: Uint8Array, at: number): number {
    const mask = this.slots.length - 1;
    let slot = PatternSet.hash(src, at) & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.same(id, src, at)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if ((id + 1) * INTENT_COUNT > this.rows.length) {
      const grown = new Uint8Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(src.subarray(at, at + INTENT_COUNT), id * INTENT_COUNT);
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = id;
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = PatternSet.hash(this.rows, id * INTENT_COUNT) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** Encodes wide feature columns for the kernel; `alloc` places the columns in shared memory. */
export function encodeFeatures(f: ScoringFeatures, alloc: Alloc = plain): KernelColumns {
  const n = f.count;
  const fitCode = new Uint16Array(alloc(n * 2));
  const pattern = new Uint32Array(alloc(n * 4));
  const ageDays = new Uint16Array(alloc(n * 2));
  const copy = (a: Uint8Array): Uint8Array => {
    const c = new Uint8Array(alloc(n));
    c.set(a.subarray(0, n));
    return c;
  };
  const set = new PatternSet();
  const m = f.matrix;
  // A lead without activity scores 0 intent whatever its counts say: it gets the all-zero pattern.
  const zero = new Uint8Array(INTENT_COUNT);
  for (let i = 0; i < n; i++) {
    const b = i * FEATURE_COUNT;
    let code = 0;
    for (let k = 0; k < FIT_COUNT; k++) if (m[b + k] !== 0) code |= 1 << k;
    fitCode[i] = code;
    const age = f.ageDays[i]!;
    pattern[i] = age === NO_ACTIVITY_AGE ? set.idOf(zero, 0) : set.idOf(m, b + FIT_COUNT);
    ageDays[i] = age === NO_ACTIVITY_AGE ? 0 : age;
  }
  const patterns = new Uint8Array(alloc(Math.max(1, set.count) * INTENT_COUNT));
  patterns.set(set.rows.subarray(0, set.count * INTENT_COUNT));
  return {
    count: n,
    fitCode,
    pattern,
    patterns,
    patternCount: set.count,
    ageDays,
    maxAgeDays: f.maxAgeDays,
    source: copy(f.source),
    sourceNames: f.sourceNames,
    stage: copy(f.stage),
    include: copy(f.include),
  };
}

/** Bytes held by the encoded columns, pattern table included. */
export function kernelColumnBytes(k: KernelColumns): number {
  return k.count * KERNEL_BYTES_PER_LEAD + k.patterns.byteLength;
}
