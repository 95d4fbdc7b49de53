/**
 * Messages between the kernel pool and its workers. The feature columns and the score cache live in
 * SharedArrayBuffers (when the page is cross-origin isolated) and are sent once; each recompute
 * sends only the weights, thresholds and a lead range, and gets back only the counts.
 */
import type { KernelColumns } from '../../engine/kernel/kernel-columns';
import type { KernelAggregates, ScoreCache } from '../../engine/kernel/recompute';
import type { KernelThresholds, KernelWeights } from '../../engine/kernel/workload';

export type PoolRequest =
  | { readonly kind: 'init'; readonly features: KernelColumns; readonly cache: ScoreCache }
  | { readonly kind: 'recompute'; readonly id: number; readonly weights: KernelWeights; readonly thresholds: KernelThresholds; readonly lo: number; readonly hi: number };

export type PoolResponse =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly counts: KernelAggregates }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The few operations the pool needs from a Web Worker or a Node worker thread. */
export interface WorkerPort {
  post(message: PoolRequest): void;
  onMessage(handler: (message: PoolResponse) => void): void;
  terminate(): void;
}
