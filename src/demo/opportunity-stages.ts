/**
 * Stage histories of demo opportunities: sqo → discovery → proposal → negotiation → won | lost over
 * a 30–120 day cycle, losses dropping out at any stage, and planted re-stages that go back from
 * proposal or negotiation to `sqo` (often at the start of a new quarter, to count again as new).
 */
import type { StageEvent } from '../engine/model/records';
import { DAY_MS, quarterEnd, quarterOf } from '../engine/time';
import type { Rng } from './prng';

export interface StagePlan {
  readonly history: StageEvent<string>[];
  /** Epoch ms of the won/lost entry; NaN when still open at the horizon. */
  readonly closedAt: number;
  /** Close instant the deal will reach (past the horizon for open deals): the basis of its close date. */
  readonly plannedClose: number;
  /** True when a backward move to `sqo` was recorded before the horizon. */
  readonly restaged: boolean;
}

const PIPELINE = ['discovery', 'proposal', 'negotiation'] as const;

/** Appends `stage` at `at` unless past the horizon; keeps entries strictly increasing in time. */
function push(history: StageEvent<string>[], stage: string, at: number, horizon: number): boolean {
  const prev = history[history.length - 1];
  const t = Math.round(prev ? Math.max(at, prev.at + 3_600_000) : at);
  if (t >= horizon) return false;
  history.push({ stage, at: t });
  return true;
}

/**
 * One pass from `sqo` at `start` to an outcome after `cycleDays`; `reach` is how many pipeline stages
 * (1–3) are entered before the outcome. Returns false once an entry falls past the horizon.
 */
function pass(
  rng: Rng,
  history: StageEvent<string>[],
  start: number,
  cycleDays: number,
  reach: number,
  outcome: string | null,
  horizon: number,
): boolean {
  const cycle = cycleDays * DAY_MS;
  if (!push(history, 'sqo', start, horizon)) return false;
  const at = [
    start + Math.min(rng.lognormal(4, 0.5) * DAY_MS, 0.2 * cycle),
    start + cycle * rng.uniform(0.3, 0.5),
    start + cycle * rng.uniform(0.6, 0.85),
  ];
  for (let k = 0; k < reach; k++) if (!push(history, PIPELINE[k]!, at[k]!, horizon)) return false;
  return outcome === null || push(history, outcome, start + cycle, horizon);
}

/** Pipeline stages a lost deal entered before it was lost (1–3). */
function lostReach(rng: Rng): number {
  const u = rng.next();
  return u < 0.4 ? 1 : u < 0.75 ? 2 : 3;
}

/** Days of a won or lost cycle. */
export function cycleDays(rng: Rng, won: boolean): number {
  return won
    ? Math.min(180, Math.max(25, rng.lognormal(62, 0.38)))
    : Math.min(240, Math.max(7, rng.lognormal(50, 0.6)));
}

/** A straight history: forward through the stages, then won or lost. */
export function straightStages(rng: Rng, sqoAt: number, won: boolean, horizon: number): StagePlan {
  const history: StageEvent<string>[] = [];
  const days = cycleDays(rng, won);
  const reach = won ? 3 : lostReach(rng);
  const done = pass(rng, history, sqoAt, days, reach, won ? 'won' : 'lost', horizon);
  const plannedClose = sqoAt + days * DAY_MS;
  return { history, closedAt: done ? history[history.length - 1]!.at : NaN, plannedClose, restaged: false };
}

/**
 * A re-staged history: a first pass up to proposal or negotiation, then back to `sqo` — at the start
 * of the next quarter when that is near, else some days later — and a second pass to the outcome.
 */
export function restagedStages(rng: Rng, sqoAt: number, won: boolean, horizon: number): StagePlan {
  const history: StageEvent<string>[] = [];
  const first = rng.lognormal(40, 0.3);
  const reach = rng.chance(0.5) ? 2 : 3;
  pass(rng, history, sqoAt, first, reach, null, horizon);
  const lastAt = history[history.length - 1]!.at;
  const nextQuarter = quarterEnd(quarterOf(lastAt));
  const back =
    nextQuarter - lastAt < 30 * DAY_MS
      ? nextQuarter + rng.uniform(0, 3) * DAY_MS
      : lastAt + rng.uniform(3, 20) * DAY_MS;
  const restaged = history.length === reach + 1 && back < horizon;
  const second = cycleDays(rng, won) * 0.75;
  const done = restaged && pass(rng, history, back, second, won ? 3 : lostReach(rng), won ? 'won' : 'lost', horizon);
  const plannedClose = back + second * DAY_MS;
  return { history, closedAt: done ? history[history.length - 1]!.at : NaN, plannedClose, restaged };
}
