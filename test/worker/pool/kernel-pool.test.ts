import { describe, expect, it } from 'vitest';
import { encodeFeatures } from '../../../src/engine/kernel/kernel-columns';
import { buildScoringFeatures } from '../../../src/engine/kernel/build-features';
import { fullRecompute, type KernelAggregates } from '../../../src/engine/kernel/recompute';
import { DEFAULT_KERNEL_THRESHOLDS, DEFAULT_KERNEL_WEIGHTS } from '../../../src/engine/kernel/workload';
import { createKernelPool, sharedAlloc, splitRanges } from '../../../src/worker/pool/kernel-pool';
import { kernelWorkerHandler } from '../../../src/worker/pool/kernel-worker-core';
import type { PoolRequest, PoolResponse, WorkerPort } from '../../../src/worker/pool/protocol';
import { randomFeatures } from '../../engine/kernel/random-features';

/** A worker port run in this thread, answering asynchronously like a real worker; counts its requests. */
function fakePort(log: PoolRequest[]): WorkerPort {
  let handler: (m: PoolResponse) => void = () => {};
  const handle = kernelWorkerHandler((m) => setTimeout(() => handler(m), 0));
  return {
    post: (m) => {
      log.push(m);
      setTimeout(() => handle(m), 0);
    },
    onMessage: (h) => {
      handler = h;
    },
    terminate: () => {},
  };
}

const plain = (a: KernelAggregates | null) =>
  a && { included: a.included, mql: a.mql, stageSource: Array.from(a.stageSource), tierSource: Array.from(a.tierSource), histogram: Array.from(a.histogram) };

describe('kernel pool', () => {
  it('splits leads into contiguous ranges covering every lead once', () => {
    expect(splitRanges(10, 3)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(splitRanges(1, 2)).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('merges the workers’ counts into exactly the single-thread result, scores in the shared cache', async () => {
    const f = encodeFeatures(randomFeatures(5000, 21));
    const log: PoolRequest[] = [];
    const pool = await createKernelPool(f, () => fakePort(log), 2, true);
    const got = await pool.recompute(DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS);
    const cache = { fit: new Float64Array(f.count), intent: new Float64Array(f.count) };
    expect(plain(got)).toEqual(plain(fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS, cache)));
    expect(pool.workers).toBe(2);
    expect(Array.from(pool.cache.intent)).toEqual(Array.from(cache.intent));
    pool.close();
  });

  it('falls back to one worker scoring every lead without shared memory', async () => {
    const f = encodeFeatures(randomFeatures(1000, 4));
    const log: PoolRequest[] = [];
    const pool = await createKernelPool(f, () => fakePort(log), 4, false);
    expect(pool.workers).toBe(1);
    await pool.recompute(DEFAULT_KERNEL_WEIGHTS, DEFAULT_KERNEL_THRESHOLDS);
    expect(log.filter((m) => m.kind === 'recompute').map((m) => m.kind === 'recompute' && [m.lo, m.hi])).toEqual([[0, 1000]]);
    pool.close();
  });

  it('computes only the latest of rapid requests: superseded ones resolve null', async () => {
    const f = encodeFeatures(randomFeatures(2000, 8));
    const log: PoolRequest[] = [];
    const pool = await createKernelPool(f, () => fakePort(log), 1, true);
    const t = (mqlMinFit: number) => ({ ...DEFAULT_KERNEL_THRESHOLDS, mqlMinFit });
    const results = await Promise.all([10, 20, 30, 40].map((v) => pool.recompute(DEFAULT_KERNEL_WEIGHTS, t(v))));
    // The first runs at once; 20 and 30 are superseded while it runs; 40 runs next.
    expect(results.map((r) => r === null)).toEqual([false, true, true, false]);
    expect(log.filter((m) => m.kind === 'recompute').map((m) => m.kind === 'recompute' && m.thresholds.mqlMinFit)).toEqual([10, 40]);
    expect(plain(results[3]!)).toEqual(plain(fullRecompute(f, DEFAULT_KERNEL_WEIGHTS, t(40))));
    pool.close();
  });

  it('places built features in shared memory when asked', () => {
    const f = buildScoringFeatures(
      {
        leads: {
          count: 0,
          account: new Int32Array(0),
          email: { kind: 'dict', codes: new Int32Array(0), values: [] },
          persona: { kind: 'dict', codes: new Int32Array(0), values: [] },
          seniority: { kind: 'dict', codes: new Int32Array(0), values: [] },
          source: { kind: 'dict', codes: new Int32Array(0), values: [] },
          isBot: new Uint8Array(0),
          stageAt: { mql: new Float64Array(0), sal: new Float64Array(0), sql: new Float64Array(0), sqo: new Float64Array(0), won: new Float64Array(0), lost: new Float64Array(0), disqualified: new Float64Array(0), recycled: new Float64Array(0) },
        },
        accounts: { industry: { kind: 'dict', codes: new Int32Array(0), values: [] }, employees: new Float64Array(0), annualRevenueCents: new Float64Array(0), region: { kind: 'dict', codes: new Int32Array(0), values: [] } },
        activities: { count: 0, lead: new Int32Array(0), type: new Uint8Array(0), typeNames: [], at: new Float64Array(0) },
      },
      0,
      sharedAlloc,
    );
    expect(f.matrix.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
