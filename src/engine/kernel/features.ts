/**
 * The kernel's features as built from the data: a row-major Uint8 feature matrix plus a few small
 * columns (25 bytes per lead). The kernel itself reads their compact encoding (./kernel-columns.ts);
 * the matrix is what the encoding, the benchmark's baselines and the tests start from.
 */
import { FEATURE_COUNT, KERNEL_STAGES } from './workload';

/** Columnar kernel input for `count` leads. */
export interface ScoringFeatures {
  readonly count: number;
  /** Row-major `count × FEATURE_COUNT`: fit indicators (0/1) then intent counts (0–255). */
  readonly matrix: Uint8Array;
  /** Whole days from the lead's latest activity to "as of"; NO_ACTIVITY_AGE when none. */
  readonly ageDays: Uint16Array;
  /** Largest age below NO_ACTIVITY_AGE (sizes the decay table). */
  readonly maxAgeDays: number;
  /** Source code per lead: index into `sourceNames`; the last code is "(none)". */
  readonly source: Uint8Array;
  readonly sourceNames: readonly string[];
  /** Furthest recorded funnel stage: index into KERNEL_STAGES. */
  readonly stage: Uint8Array;
  /** 1 = counted, 0 = excluded (bots, filtered out). */
  readonly include: Uint8Array;
}

/** Allocates empty feature columns (the buffers may be shared with workers). */
export function allocateFeatures(
  count: number,
  sourceNames: readonly string[],
  alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b),
): ScoringFeatures {
  return {
    count,
    matrix: new Uint8Array(alloc(count * FEATURE_COUNT)),
    ageDays: new Uint16Array(alloc(count * 2)),
    maxAgeDays: 0,
    source: new Uint8Array(alloc(count)),
    sourceNames,
    stage: new Uint8Array(alloc(count)),
    include: new Uint8Array(alloc(count)),
  };
}

/** Number of (stage, source) groups of a feature set. */
export function groupCount(features: Pick<ScoringFeatures, 'sourceNames'>): number {
  return KERNEL_STAGES.length * features.sourceNames.length;
}
