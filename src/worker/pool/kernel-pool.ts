/**
 * A pool of kernel workers. With shared memory (the page is cross-origin isolated, or Node), the
 * feature columns and the score cache are SharedArrayBuffers: every worker scores its own range of
 * leads in place and returns only its counts, which are merged here. Without shared memory, one
 * worker holds a copy of the columns and scores all leads (the single-worker fallback).
 *
 * Only the latest request matters while a slider moves: `recompute` while one is in flight replaces
 * any queued request, so at most one recompute runs and at most one waits.
 */
import type { KernelColumns } from '../../engine/kernel/kernel-columns';
import { allocateAggregates, allocateScoreCache, mergeAggregates, type KernelAggregates, type ScoreCache } from '../../engine/kernel/recompute';
import type { KernelThresholds, KernelWeights } from '../../engine/kernel/workload';
import type { PoolResponse, WorkerPort } from './protocol';

export interface KernelPool {
  /** Scores every lead and returns the counts; resolves null when superseded by a later call. */
  recompute(weights: KernelWeights, thresholds: KernelThresholds): Promise<KernelAggregates | null>;
  /** The cached scores (shared with the workers when memory is shared). */
  readonly cache: ScoreCache;
  readonly workers: number;
  readonly shared: boolean;
  close(): void;
}

/** Whether SharedArrayBuffer can be used (cross-origin isolated page, worker or Node). */
export function canShareMemory(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };
  return typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

export const sharedAlloc = (bytes: number): ArrayBufferLike => new SharedArrayBuffer(bytes);

/** Even lead ranges, one per worker. */
export function splitRanges(count: number, parts: number): [number, number][] {
  const size = Math.ceil(count / parts);
  return Array.from({ length: parts }, (_, k) => [Math.min(count, k * size), Math.min(count, (k + 1) * size)] as [number, number]);
}

/**
 * Starts `size` workers (1 without shared memory). `features` must live in SharedArrayBuffers
 * (see `sharedAlloc`) when `shared` is true.
 */
export async function createKernelPool(features: KernelColumns, spawn: () => WorkerPort, size: number, shared = canShareMemory()): Promise<KernelPool> {
  const count = shared ? Math.max(1, size) : 1;
  const cache = allocateScoreCache(features.count, shared ? sharedAlloc : undefined);
  const ports = Array.from({ length: count }, spawn);
  const waiting = new Map<number, (r: PoolResponse) => void>();
  const ready: Promise<void>[] = ports.map(
    (port) =>
      new Promise<void>((resolve) => {
        port.onMessage((m) => {
          if (m.kind === 'ready') resolve();
          else waiting.get(m.id)?.(m);
        });
      }),
  );
  ports.forEach((port) => port.post({ kind: 'init', features, cache }));
  await Promise.all(ready);
  const ranges = splitRanges(features.count, count);
  let nextId = 0;
  let running: Promise<unknown> | null = null;
  let latest = 0;

  const run = async (weights: KernelWeights, thresholds: KernelThresholds): Promise<KernelAggregates> => {
    const parts = await Promise.all(
      ports.map((port, k) => {
        const id = nextId++;
        return new Promise<KernelAggregates>((resolve, reject) => {
          waiting.set(id, (m) => {
            waiting.delete(id);
            if (m.kind === 'done') resolve(m.counts);
            else if (m.kind === 'failed') reject(new Error(m.message));
          });
          port.post({ kind: 'recompute', id, weights, thresholds, lo: ranges[k]![0], hi: ranges[k]![1] });
        });
      }),
    );
    const total = allocateAggregates(features.sourceNames.length);
    for (const p of parts) mergeAggregates(total, p);
    return total;
  };

  return {
    cache,
    workers: count,
    shared,
    async recompute(weights, thresholds) {
      const ticket = ++latest;
      while (running !== null) {
        await running.catch(() => undefined);
        if (ticket !== latest) return null;
      }
      const job = run(weights, thresholds);
      running = job;
      try {
        return await job;
      } finally {
        running = null;
      }
    },
    close() {
      ports.forEach((p) => p.terminate());
    },
  };
}
