import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { isShared } from '../../../src/engine/model/shared-memory';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import { scoringHandlers } from '../../../src/worker/handlers/scoring';
import type { PoolRequest, PoolResponse, WorkerPort } from '../../../src/worker/pool/protocol';
import { createScoringPool } from '../../../src/worker/pool/scoring-pool';
import { poolWorkerHandler } from '../../../src/worker/pool/worker-core';
import { createState } from '../../../src/worker/state';

const { records } = generateDemoCompany({ leads: 300, seed: 23 });

/** The dataset built where shared memory is missing (a page that is not cross-origin isolated). */
function buildWithoutSharedMemory(): Dataset {
  vi.stubGlobal('SharedArrayBuffer', undefined);
  try {
    return buildDataset(records);
  } finally {
    vi.unstubAllGlobals();
  }
}

/** A pool worker run in this thread, recording every message the pool sends it. */
function inProcessPort(sent: PoolRequest[]): WorkerPort {
  let answer: (m: PoolResponse) => void = () => undefined;
  const handle = poolWorkerHandler((m) => setTimeout(() => answer(m), 0));
  return {
    post(m) {
      sent.push(m);
      setTimeout(() => handle(m), 0);
    },
    onMessage: (h) => void (answer = h),
    onError: () => undefined,
    terminate: () => undefined,
  };
}

const drafts: RuleSet[] = [
  DEFAULT_RULE_SET,
  { ...DEFAULT_RULE_SET, halfLifeDays: 11 },
  {
    ...DEFAULT_RULE_SET,
    activities: DEFAULT_RULE_SET.activities.map((a, k) => (k === 0 ? { ...a, points: -a.points, cap: 7 } : a)),
  },
];

/**
 * Checks the drafts' what-ifs on a pool over `pooledDs` equal one thread's over `singleDs`; returns
 * the messages the pool sent (two workers: two `init` messages) and the pool, to be closed.
 */
async function pooledEqualsSingle(pooledDs: Dataset, singleDs: Dataset) {
  const sent: PoolRequest[] = [];
  const pool = createScoringPool(() => inProcessPort(sent), 2);
  const pooled = scoringHandlers({ ...createState(), dataset: pooledDs }, pool);
  const single = scoringHandlers({ ...createState(), dataset: singleDs }, null);
  for (const draft of drafts) {
    const input = { filters: {}, draft, applied: DEFAULT_RULE_SET };
    expect(await pooled.whatIf(input)).toEqual(await single.whatIf(input));
  }
  const inits = sent.flatMap((m) => (m.kind === 'init' ? [m] : []));
  expect(inits).toHaveLength(2);
  return { sent, inits, pool };
}

describe('activity columns in shared memory', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are built in shared memory where it exists, and as plain arrays of the same values elsewhere', () => {
    const shared = buildDataset(records);
    const plain = buildWithoutSharedMemory();
    for (const k of ['start', 'type', 'at'] as const) {
      expect(isShared(shared.activities[k])).toBe(true);
      expect(isShared(plain.activities[k])).toBe(false);
      expect(Array.from(shared.activities[k])).toEqual(Array.from(plain.activities[k]));
    }
    const rules = DEFAULT_RULE_SET;
    const o = {
      asOf: shared.meta.latestAt,
      maturityDays: rules.maturityDays,
      scoringWindowDays: rules.scoringWindowDays,
    };
    expect(isShared(leadOutcomes(shared, o).cutoff)).toBe(true);
    expect(Array.from(leadOutcomes(shared, o).cutoff)).toEqual(Array.from(leadOutcomes(plain, o).cutoff));
  });

  it('are sent to the pool as they are, with no copy, and give the figures of plain columns on one thread', async () => {
    const ds = buildDataset(records);
    const { sent, inits, pool } = await pooledEqualsSingle(ds, buildWithoutSharedMemory());
    for (const m of inits) {
      expect(m.activities.start).toBe(ds.activities.start);
      expect(m.activities.type).toBe(ds.activities.type);
      expect(m.activities.at).toBe(ds.activities.at);
    }
    const r = DEFAULT_RULE_SET;
    const { cutoff } = leadOutcomes(ds, {
      asOf: ds.meta.latestAt,
      maturityDays: r.maturityDays,
      scoringWindowDays: r.scoringWindowDays,
    });
    const tasks = sent.filter((m) => m.kind === 'sums' || m.kind === 'decay');
    expect(tasks.length).toBeGreaterThan(0);
    for (const m of tasks) expect(m.cutoff).toBe(cutoff);
    // The first what-if's tasks (one per worker) read the SQL activity flags too; a moved
    // half-life's do not (the flags are known by then).
    expect(tasks.slice(0, 2).every((m) => m.sql !== null)).toBe(true);
    expect(tasks.length).toBeGreaterThan(2);
    for (const m of tasks.slice(2)) expect(m.sql).toBeNull();
    // The first what-if's pass reads the intent scores the workers computed with the sums: it is
    // sent no decayed sums (none is copied into shared memory for it).
    const passes = sent.flatMap((m) => (m.kind === 'rescore' ? [m.task] : []));
    expect(passes.some((p) => p.intentIn)).toBe(true);
    for (const t of passes.filter((p) => p.intentIn)) expect(t.sumValue.length + t.sumStart.length).toBe(0);
    pool.close();
  });

  it('are copied into shared memory once for the pool when built without it, with the same figures', async () => {
    const plain = buildWithoutSharedMemory();
    const { inits, pool } = await pooledEqualsSingle(plain, buildDataset(records));
    for (const m of inits) {
      expect(m.activities.at).not.toBe(plain.activities.at);
      expect(isShared(m.activities.at)).toBe(true);
    }
    pool.close();
  });
});
