/**
 * A pool of scoring workers over shared memory. The dataset's activity columns and the leads'
 * history cut-offs are allocated in SharedArrayBuffers where shared memory exists
 * (src/engine/model/shared-memory.ts), so the workers read them in place; a column that is not
 * (built elsewhere) is copied into one once. The decayed activity sums, the
 * part of scoring whose cost grows with the activities (a half-life change, the first what-if after
 * a load), are then computed by every worker on its own range of leads and joined in lead order
 * (each worker copying its own into the joined arrays, in shared memory).
 * Each lead's sums come from the engine's own function over that lead's activities alone, so the
 * result is bit-identical to computing them on one thread. Where shared memory is missing (a page
 * that is not cross-origin isolated) no pool is made and the engine worker computes everything;
 * a worker that fails to load or crashes stops the pool, every call then rejects at once and the
 * engine worker computes the sums itself.
 */
import type { Dataset } from '../../engine/model/columns';
import { canShareMemory, isShared, sharedArray, type Typed } from '../../engine/model/shared-memory';
import {
  hasIntentSums,
  intentSumsLayout,
  primeIntentScores,
  primeIntentSums,
  type IntentScoresInto,
  type IntentSums,
  type SumActivities,
} from '../../engine/scoring/intent-sums';
import { primeSqlActivity } from '../../engine/scoring/qualification';
import type { RescoreTask } from '../../engine/scoring/rescore';
import type { PoolResponse, WorkerPort } from './protocol';

export interface ScoringPool {
  readonly workers: number;
  /** The decayed sums of every lead, computed by the workers (see `computeIntentSums`). */
  intentSums(ds: Dataset, halfLifeDays: number, asOf: number, cutoff?: Float64Array): Promise<IntentSums>;
  /**
   * Computes and caches the sums `intentSums` (src/engine/scoring) will ask for, unless cached; with
   * `intent` (points and caps per type), the leads' intent scores under them too when the workers
   * can compute them with the sums (see `cachedIntentScores`); with `sqlActivity` (an activity
   * type), the leads' SQL activity flags as of `asOf` as well, when the sums are computed (kept for
   * `qualificationFlags`, see `primeSqlActivity`).
   */
  prime(
    ds: Dataset,
    halfLifeDays: number,
    asOf: number,
    cutoff?: Float64Array,
    intent?: Pick<IntentScoresInto, 'points' | 'caps'>,
    sqlActivity?: string,
  ): Promise<void>;
  /**
   * `prime` (with `intent`) of sums whose instants' entries are laid out already (see
   * `intentSumsLayout`: a moved half-life), with a what-if pass over the intent scores being
   * computed: `passOf` makes it from their (shared) array, and each worker runs it over its range
   * once the range is decayed (see `rescore`). Resolves to the pass's counts added up, or null, with
   * nothing computed, when the sums are cached or not laid out yet.
   */
  primeWithPass(
    ds: Dataset,
    halfLifeDays: number,
    asOf: number,
    cutoff: Float64Array | undefined,
    intent: Pick<IntentScoresInto, 'points' | 'caps'>,
    passOf: (scores: Float32Array) => PoolPass,
  ): Promise<Int32Array | null>;
  /**
   * A what-if pass (`whatIfPass`, src/engine/scoring) split over the workers by lead ranges; its
   * scores written into `task.fit` and `task.intent` (shared arrays), and the counts of every range
   * added up (`tally` long). Large input arrays not in shared memory are copied there once.
   */
  rescore(task: RescoreTask, leads: number, tally: number): Promise<Int32Array>;
  close(): void;
}

export { canShareMemory };

/** A what-if pass for the pool: what it reads and writes, and the length of its counts. */
export interface PoolPass {
  readonly task: RescoreTask;
  readonly tally: number;
}

/** The sums of one range, computed and kept by its worker (task `id`): entries, leads per type. */
interface Counted {
  readonly id: number;
  readonly entries: number;
  readonly leadsOfType: Int32Array;
}

/** `a` itself when it lives in shared memory (the usual case), else a copy that does. */
function shared<T extends Typed>(a: T): T {
  if (isShared(a)) return a;
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/**
 * Lead ranges, one per worker, holding about the same number of activities: range k ends at the
 * first lead whose activities start at or after k/parts of them.
 */
export function splitByActivities(start: Int32Array, parts: number): [number, number][] {
  const leads = start.length - 1;
  const total = start[leads]!;
  const bounds = [0];
  for (let k = 1; k < parts; k++) {
    const target = (total * k) / parts;
    let lo = bounds[k - 1]!;
    let hi = leads;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (start[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    bounds.push(lo);
  }
  bounds.push(leads);
  return bounds.slice(1).map((hi, k) => [bounds[k]!, hi] as [number, number]);
}

export function createScoringPool(spawn: () => WorkerPort, size: number): ScoringPool {
  const ports = Array.from({ length: Math.max(1, size) }, spawn);
  const waiting = new Map<number, (m: PoolResponse) => void>();
  /** Per dataset sent: the workers that have not answered yet, and what to call when none is left. */
  const pending = new Map<number, { left: number; resolve: () => void; reject: (e: Error) => void }>();
  /** Why the pool stopped working (a worker failed to load or crashed); null while it works. */
  let broken: string | null = null;
  function fail(message: string) {
    if (broken !== null) return;
    broken = message;
    for (const [id, answer] of [...waiting]) answer({ kind: 'failed', id, message });
    // A broken pool is never asked again: its workers and what they hold go.
    for (const port of ports) port.terminate();
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  }
  for (const port of ports) {
    port.onError(fail);
    port.onMessage((m) => {
      if (m.kind === 'ready') {
        const p = pending.get(m.dataset);
        if (p && --p.left === 0) {
          pending.delete(m.dataset);
          p.resolve();
        }
      } else waiting.get(m.id)?.(m);
    });
  }
  const datasets = new WeakMap<Dataset, { id: number; ready: Promise<void>; activities: SumActivities }>();
  const cutoffs = new WeakMap<Float64Array, Float64Array>();
  let nextDataset = 1;
  let nextTask = 1;
  let current = 0;

  /**
   * Sends the dataset's activity columns to every worker (once; the workers keep the last): the
   * dataset's own arrays when they are shared, as they are when built where shared memory exists.
   */
  function load(ds: Dataset) {
    let hit = datasets.get(ds);
    if (!hit || hit.id !== current) {
      const a = ds.activities;
      const activities: SumActivities = {
        count: a.count,
        start: shared(a.start),
        type: shared(a.type),
        at: shared(a.at),
        typeNames: [...a.typeNames],
      };
      const id = nextDataset++;
      current = id;
      const ready = new Promise<void>((resolve, reject) => pending.set(id, { left: ports.length, resolve, reject }));
      ports.forEach((p) => p.post({ kind: 'init', dataset: id, activities }));
      hit = { id, ready, activities };
      datasets.set(ds, hit);
    }
    return hit;
  }

  function sharedCutoff(cutoff: Float64Array | undefined): Float64Array | null {
    if (!cutoff) return null;
    let s = cutoffs.get(cutoff);
    if (!s) cutoffs.set(cutoff, (s = shared(cutoff)));
    return s;
  }

  async function intentSums(
    ds: Dataset,
    halfLifeDays: number,
    asOf: number,
    cutoff?: Float64Array,
    intent?: Pick<IntentScoresInto, 'points' | 'caps'>,
    sqlActivity?: string,
  ): Promise<IntentSums> {
    return (await computeSums(ds, halfLifeDays, asOf, cutoff, intent, sqlActivity)).sums;
  }

  /** `intentSums`, and with `passOf` (sums laid out, `intent` given) the pass run after the decay. */
  async function computeSums(
    ds: Dataset,
    halfLifeDays: number,
    asOf: number,
    cutoff?: Float64Array,
    intent?: Pick<IntentScoresInto, 'points' | 'caps'>,
    sqlActivity?: string,
    passOf?: (scores: Float32Array) => PoolPass,
  ): Promise<{ sums: IntentSums; counts: Int32Array | null }> {
    if (broken !== null) throw new Error(broken);
    const d = load(ds);
    const shareCut = sharedCutoff(cutoff);
    // Sums at another half-life of the same instants give every lead's entries: the workers then
    // write the sums alone, in place, into one shared array (no parts to send back and join).
    const layout = intentSumsLayout(ds, asOf, cutoff);
    // Each counted activity costs an exponential: ranges of about equal entries hold about equal
    // counted activities (activities after a lead's instant are skipped), closer than ranges of
    // equal activities, which are split on when no sums of these instants are known yet.
    const ranges = splitByActivities(layout ? layout.start : d.activities.start, ports.length);
    const sum = layout ? sharedArray(Float64Array, layout.sum.length) : null;
    const leads = ds.activities.start.length - 1;
    const scores: IntentScoresInto | null = intent ? { ...intent, out: sharedArray(Float32Array, leads) } : null;
    const sqlCode = sqlActivity === undefined ? -1 : ds.activities.typeNames.indexOf(sqlActivity);
    const sql = sqlCode >= 0 ? { code: sqlCode, out: sharedArray(Uint8Array, leads) } : null;
    const made = layout && scores && passOf ? passOf(scores.out) : null;
    const pass = made ? { task: pooledTask(made.task), tally: made.tally } : null;
    const counts = pass ? sharedArray(Int32Array, ports.length * pass.tally) : null;
    // The tasks are posted now, behind the dataset if it is new (each worker reads its messages in
    // order), so the workers start while the caller's thread goes on with other work.
    const tasks = settledOrDropped(
      ports.map(
        (port, k) =>
          new Promise<Counted | null>((resolve, reject) => {
            const id = nextTask++;
            waiting.set(id, (m) => {
              waiting.delete(id);
              if (m.kind === 'counted') resolve({ id, entries: m.entries, leadsOfType: m.leadsOfType });
              else if (m.kind === 'decayed') resolve(null);
              else if (m.kind === 'failed') reject(new Error(m.message));
            });
            const [lo, hi] = ranges[k]!;
            if (broken !== null) return reject(new Error(broken));
            const task = { id, dataset: d.id, lo, hi, halfLifeDays, asOf, cutoff: shareCut, sql };
            const then = pass && counts ? { task: pass.task, counts, offset: k * pass.tally } : null;
            if (layout && sum)
              port.post({ kind: 'decay', ...task, sum, offset: layout.start[lo]!, scores, pass: then });
            else port.post({ kind: 'sums', ...task, scores });
          }),
      ),
    );
    const [, counted] = await Promise.all([d.ready, tasks]);
    if (sql) primeSqlActivity(ds, asOf, sqlActivity!, sql.out);
    if (layout && sum) {
      const { start, type, types, leadsOfType } = layout;
      const sums = { start, type, sum, halfLifeDays, types, leadsOfType };
      if (scores) primeIntentScores(sums, scores);
      return { sums, counts: pass && counts ? addUp(counts, ports.length, pass.tally) : null };
    }
    const sums = await placeParts(counted as Counted[], ranges, leads, halfLifeDays, ds.activities.typeNames.length);
    if (scores) primeIntentScores(sums, scores);
    return { sums, counts: null };
  }

  /**
   * The answers of a round's tasks, one per worker, once every worker has answered. When one
   * failed, the others drop the sums they computed and keep for the round (they would never be
   * placed, and would stay in the workers' memory until the next dataset), then the failure is
   * thrown.
   */
  async function settledOrDropped(each: readonly Promise<Counted | null>[]): Promise<(Counted | null)[]> {
    const settled = await Promise.allSettled(each);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed === undefined) return settled.map((r) => (r as PromiseFulfilledResult<Counted | null>).value);
    settled.forEach((r, k) => {
      if (r.status === 'fulfilled' && r.value !== null) ports[k]!.post({ kind: 'drop', id: r.value.id });
    });
    throw failed.reason;
  }

  /**
   * The sums the workers computed and kept (`counted`, one per range, in lead order), joined as
   * `joinIntentSums` joins parts: each worker copies its own into the joined arrays, allocated in
   * shared memory, at the running totals of the ranges before it.
   */
  async function placeParts(
    counted: readonly Counted[],
    ranges: readonly [number, number][],
    leads: number,
    halfLifeDays: number,
    types: number,
  ): Promise<IntentSums> {
    const entries = counted.reduce((s, c) => s + c.entries, 0);
    const start = sharedArray(Int32Array, leads + 1);
    const type = sharedArray(Uint8Array, entries);
    const sum = sharedArray(Float64Array, entries);
    const leadsOfType = new Int32Array(types);
    let entry = 0;
    await Promise.all(
      counted.map((c, k) => {
        for (let t = 0; t < types; t++) leadsOfType[t]! += c.leadsOfType[t]!;
        const at = entry;
        entry += c.entries;
        return new Promise<void>((resolve, reject) => {
          const id = c.id;
          waiting.set(id, (m) => {
            waiting.delete(id);
            if (m.kind === 'placed') resolve();
            else if (m.kind === 'failed') reject(new Error(m.message));
          });
          if (broken !== null) return reject(new Error(broken));
          ports[k]!.post({ kind: 'place', id, lead: ranges[k]![0], entry: at, start, type, sum });
        });
      }),
    );
    return { start, type, sum, halfLifeDays, types, leadsOfType };
  }

  return {
    workers: ports.length,
    intentSums,
    rescore: (task, leads, tally) => {
      if (broken !== null) return Promise.reject(new Error(broken));
      return rescoreOnPorts(ports, waiting, () => nextTask++, task, leads, tally);
    },
    async primeWithPass(ds, halfLifeDays, asOf, cutoff, intent, passOf) {
      if (hasIntentSums(ds, halfLifeDays, asOf, cutoff) || !intentSumsLayout(ds, asOf, cutoff)) return null;
      const { sums, counts } = await computeSums(ds, halfLifeDays, asOf, cutoff, intent, undefined, passOf);
      primeIntentSums(ds, asOf, cutoff, sums);
      return counts;
    },
    async prime(ds, halfLifeDays, asOf, cutoff, intent, sqlActivity) {
      if (hasIntentSums(ds, halfLifeDays, asOf, cutoff)) return;
      primeIntentSums(ds, asOf, cutoff, await intentSums(ds, halfLifeDays, asOf, cutoff, intent, sqlActivity));
    },
    close() {
      broken ??= 'the scoring pool is closed';
      ports.forEach((p) => p.terminate());
    },
  };
}

/** Shared copies of arrays a pass reads, kept while their source is (the same array every call). */
const sharedCopies = new WeakMap<Typed, Typed>();

function sharedOnce<T extends Typed>(a: T): T {
  if (isShared(a)) return a;
  let s = sharedCopies.get(a) as T | undefined;
  if (!s) sharedCopies.set(a, (s = shared(a)));
  return s;
}

/** The empty decayed sums a pass that reads intent scores is sent. */
const NO_SUMS = { start: new Int32Array(0), type: new Uint8Array(0), sum: new Float64Array(0) };

/** `leads` leads split into `parts` contiguous ranges of about equal length. */
export const evenRanges = (leads: number, parts: number): [number, number][] =>
  Array.from({ length: parts }, (_, k) => [Math.floor((leads * k) / parts), Math.floor((leads * (k + 1)) / parts)]);

/** `rescore` of the pool: one range of leads per port, about equal in decayed-sum entries. */
async function rescoreOnPorts(
  ports: readonly WorkerPort[],
  waiting: Map<number, (m: PoolResponse) => void>,
  nextId: () => number,
  task: RescoreTask,
  leads: number,
  tally: number,
): Promise<Int32Array> {
  const onPool = pooledTask(task);
  // Ranges of about equal decayed-sum entries when the pass reads them, else of equal leads.
  const ranges = onPool.intentIn
    ? evenRanges(leads, ports.length)
    : splitByActivities(onPool.sumStart.subarray(0, leads + 1), ports.length);
  const counts = sharedArray(Int32Array, ports.length * tally);
  await Promise.all(
    ports.map(
      (port, k) =>
        new Promise<void>((resolve, reject) => {
          const id = nextId();
          waiting.set(id, (m) => {
            waiting.delete(id);
            if (m.kind === 'rescored') resolve();
            else if (m.kind === 'failed') reject(new Error(m.message));
          });
          const [lo, hi] = ranges[k]!;
          port.post({ kind: 'rescore', id, task: onPool, lo, hi, counts, offset: k * tally });
        }),
    ),
  );
  return addUp(counts, ports.length, tally);
}

/** The counts of `parts` ranges (`tally` each, one after the other) added up. */
function addUp(counts: Int32Array, parts: number, tally: number): Int32Array {
  // Integer counts: their sum does not depend on the split.
  const total = counts.slice(0, tally);
  for (let k = 1; k < parts; k++) {
    const part = counts.subarray(k * tally, (k + 1) * tally);
    for (let j = 0; j < tally; j++) total[j]! += part[j]!;
  }
  return total;
}

/** A pass's task with every array it reads in shared memory (a message copies any other). */
function pooledTask(task: RescoreTask): RescoreTask {
  const written = [task.fitIn ? null : task.fit, task.intentIn ? null : task.intent];
  if (written.some((a) => a && !isShared(a))) throw new Error('a pooled pass writes its scores into shared arrays');
  const fitIn = task.fitIn ? sharedOnce(task.fitIn) : null;
  const intentIn = task.intentIn ? sharedOnce(task.intentIn) : null;
  // The small per-type and per-combo arrays aside. With the intent scores given the pass reads no
  // decayed sums: none is sent (the first what-if after a load would otherwise copy them all into
  // shared memory for nothing).
  return {
    ...task,
    combo: sharedOnce(task.combo),
    fitIn,
    sumStart: intentIn ? NO_SUMS.start : sharedOnce(task.sumStart),
    sumType: intentIn ? NO_SUMS.type : sharedOnce(task.sumType),
    sumValue: intentIn ? NO_SUMS.sum : sharedOnce(task.sumValue),
    intentIn,
    mask: sharedOnce(task.mask),
    cls: sharedOnce(task.cls),
    fit: fitIn ?? task.fit,
    intent: intentIn ?? task.intent,
  };
}
