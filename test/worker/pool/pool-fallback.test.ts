import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { scoringHandlers } from '../../../src/worker/handlers/scoring';
import type { PoolRequest, PoolResponse, WorkerPort } from '../../../src/worker/pool/protocol';
import { canShareMemory, createScoringPool } from '../../../src/worker/pool/scoring-pool';
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
});
