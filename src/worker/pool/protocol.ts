/**
 * Messages between the scoring pool and its workers. The activity columns live in
 * SharedArrayBuffers and are sent once per dataset; each task names a lead range, a half-life, an
 * instant and (shared too) the leads' cut-offs. The worker computes the decayed sums of that range
 * and keeps them until told where they go in the joined arrays (shared), or writes the sums alone
 * into a shared array when the entries' layout is known.
 */
import type { IntentScoresInto, SumActivities } from '../../engine/scoring/intent-sums';
import type { RescoreTask } from '../../engine/scoring/rescore';

/** A task over the leads `lo .. hi - 1` of a dataset the worker holds. */
interface RangeTask {
  readonly id: number;
  readonly dataset: number;
  readonly lo: number;
  readonly hi: number;
  readonly halfLifeDays: number;
  readonly asOf: number;
  readonly cutoff: Float64Array | null;
  /** Where to write the range's SQL activity flags (`sqlActivityRange`) as of `asOf`, if asked. */
  readonly sql: { readonly code: number; readonly out: Uint8Array } | null;
}

export type PoolRequest =
  | { readonly kind: 'init'; readonly dataset: number; readonly activities: SumActivities }
  | (RangeTask & {
      readonly kind: 'sums';
      /** Points and caps per type, and the shared array to write the leads' intent scores into. */
      readonly scores: IntentScoresInto | null;
    })
  | (RangeTask & {
      /** The sums alone, written into `sum` (shared) from `offset` (see `decaySumsInto`). */
      readonly kind: 'decay';
      readonly sum: Float64Array;
      readonly offset: number;
      /** Points and caps per type, and the shared array to write the leads' intent scores into. */
      readonly scores: IntentScoresInto | null;
      /**
       * A what-if pass reading those intent scores, run over the same range once it is decayed
       * (`rescoreRange`: its counts into `counts` from `offset`), or null.
       */
      readonly pass: { readonly task: RescoreTask; readonly counts: Int32Array; readonly offset: number } | null;
    })
  | PlaceRequest
  /** The sums kept for task `id` will not be placed (another worker's part of the round failed). */
  | { readonly kind: 'drop'; readonly id: number }
  | RescoreRequest;

/**
 * The sums a worker computed for task `id` (and kept), copied into the joined arrays (shared):
 * its entries from `entry` on, its leads' starts from lead `lead + 1` on, moved by `entry`.
 */
export interface PlaceRequest {
  readonly kind: 'place';
  readonly id: number;
  readonly lead: number;
  readonly entry: number;
  readonly start: Int32Array;
  readonly type: Uint8Array;
  readonly sum: Float64Array;
}

/**
 * A what-if pass over the leads `lo .. hi - 1` (`rescoreRange`): every array of `task` is shared;
 * the range's scores go into `task.fit` and `task.intent`, its counts into `counts` from `offset`.
 */
export interface RescoreRequest {
  readonly kind: 'rescore';
  readonly id: number;
  readonly task: RescoreTask;
  readonly lo: number;
  readonly hi: number;
  readonly counts: Int32Array;
  readonly offset: number;
}

export type PoolResponse =
  | { readonly kind: 'ready'; readonly dataset: number }
  /** The sums of a range were computed and kept: how many entries, and leads having each type. */
  | { readonly kind: 'counted'; readonly id: number; readonly entries: number; readonly leadsOfType: Int32Array }
  | { readonly kind: 'placed'; readonly id: number }
  | { readonly kind: 'decayed'; readonly id: number }
  | { readonly kind: 'rescored'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The few operations the pool needs from a Web Worker or a Node worker thread. */
export interface WorkerPort {
  post(message: PoolRequest): void;
  onMessage(handler: (message: PoolResponse) => void): void;
  /** A worker that cannot load or has crashed: it will answer nothing more. */
  onError(handler: (message: string) => void): void;
  terminate(): void;
}
