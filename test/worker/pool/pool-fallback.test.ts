import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { scoringHandlers } from '../../../src/worker/handlers/scoring';
import type { PoolRequest, PoolResponse, WorkerPort } from '../../../src/worker/pool/protocol';
import { canShareMemory, createScoringPool } from '../../../src/worker/pool/scoring-pool';
import { poolWorkerHandler } from '../../../src/worker/pool/worker-core';
import { historyCutoff } from '../../../src/engine/scoring/outcomes';
import { createState } from '../../../src/worker/state';

const base = buildDataset(generateDemoCompany({ leads: 150, seed: 5 }).records);
const copy = (): Dataset => ({ ...base });
const rules = { ...DEFAULT_RULE_SET, halfLifeDays: 9 };

/** A worker that fails: at load (before answering anything), or when asked for sums. */
function failingPort(when: 'load' | 'sums'): WorkerPort {
  let error: (message: string) => void = () => undefined;
  let answer: (m: PoolResponse) => void = () => undefined;
  return {
    post(m: PoolRequest) {
      if (m.kind === 'init' && when === 'load') setTimeout(() => error('script failed to load'), 0);
      else if (m.kind === 'init') setTimeout(() => answer({ kind: 'ready', dataset: m.dataset }), 0);
      else setTimeout(() => error('worker crashed'), 0);
    },
    onMessage: (h) => void (answer = h),
    onError: (h) => void (error = h),
    terminate: () => undefined,
  };
}

describe('scoring without a working pool', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes no pool where the page is not cross-origin isolated or shared memory is missing', () => {
    expect(canShareMemory()).toBe(true);
    vi.stubGlobal('crossOriginIsolated', false);
    expect(canShareMemory()).toBe(false);
    vi.unstubAllGlobals();
    vi.stubGlobal('SharedArrayBuffer', undefined);
    expect(canShareMemory()).toBe(false);
  });

  it.each(['load', 'sums'] as const)(
    'answers a what-if as one thread does when a pool worker fails at %s',
    async (when) => {
      const pool = createScoringPool(() => failingPort(when), 2);
      const input = { filters: {}, draft: rules, applied: DEFAULT_RULE_SET };
      const viaBroken = await scoringHandlers({ ...createState(), dataset: copy() }, pool).whatIf(input);
      const single = await scoringHandlers({ ...createState(), dataset: copy() }, null).whatIf(input);
      expect(viaBroken).toEqual(single);
      // Once broken, the pool refuses at once instead of waiting for workers that will not answer.
      await expect(pool.intentSums(copy(), 9, base.meta.latestAt)).rejects.toThrow(
        when === 'load' ? 'script failed to load' : 'worker crashed',
      );
    },
  );

  it('has the other workers drop the sums they keep for a round in which one worker failed', async () => {
    // Worker 0 is a real pool worker run in this thread; worker 1 answers every sums task with a failure.
    let answer0: (m: PoolResponse) => void = () => undefined;
    const answered0: PoolResponse[] = [];
    const worker0 = poolWorkerHandler((m) => {
      answered0.push(m);
      setTimeout(() => answer0(m), 0);
    });
    const ports: WorkerPort[] = [
      {
        post: (m) => void setTimeout(() => worker0(m), 0),
        onMessage: (h) => void (answer0 = h),
        onError: () => undefined,
        terminate: () => undefined,
      },
      (() => {
        let answer: (m: PoolResponse) => void = () => undefined;
        return {
          post(m: PoolRequest) {
            if (m.kind === 'init') setTimeout(() => answer({ kind: 'ready', dataset: m.dataset }), 0);
            else if (m.kind === 'sums')
              setTimeout(() => answer({ kind: 'failed', id: m.id, message: 'out of memory' }), 0);
          },
          onMessage: (h) => void (answer = h),
          onError: () => undefined,
          terminate: () => undefined,
        };
      })(),
    ];
    const pool = createScoringPool(() => ports.shift()!, 2);
    const ds = copy();
    for (const halfLife of [7, 8, 9])
      await expect(pool.prime(ds, halfLife, ds.meta.latestAt, historyCutoff(ds, 30))).rejects.toThrow('out of memory');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Every part worker 0 computed is gone: asked to place one, it says it holds none.
    const counted = answered0.flatMap((m) => (m.kind === 'counted' ? [m.id] : []));
    expect(counted).toHaveLength(3);
    answered0.length = 0;
    for (const id of counted)
      worker0({
        kind: 'place',
        id,
        lead: 0,
        entry: 0,
        start: new Int32Array(1),
        type: new Uint8Array(0),
        sum: new Float64Array(0),
      });
    expect(answered0.map((m) => (m.kind === 'failed' ? m.message : m.kind))).toEqual(
      counted.map(() => 'scoring worker asked to place sums it does not hold'),
    );
  });
});
