/**
 * p(stage) for the weighted pipeline (SPEC §10): of the opportunities that ever entered a stage and
 * closed in the lookback window, the share won; where fewer than `minClosed` (default 20) closed
 * deals passed through the stage, the probability the user entered for it.
 */
import type { Dataset } from '../model/columns';
import { STATUS_WON } from '../model/stages';
import { closedInWindow, kept, lookbackStart, type ForecastOptions } from './lookback';
import { statusAt } from './opportunity-time';

/** Default user probabilities per open stage, as fractions 0–1 (editable). */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<string, number>> = {
  sqo: 0.1,
  discovery: 0.2,
  proposal: 0.35,
  negotiation: 0.6,
};

export const DEFAULT_MIN_CLOSED = 20;

export interface StageProbabilityOptions extends ForecastOptions {
  /** User-entered probabilities per stage name (0–1); stages not listed use the `sqo` entry. */
  readonly userProbabilities?: Readonly<Record<string, number>>;
  /** Fewest closed deals through a stage for the data's rate to be used (default 20). */
  readonly minClosed?: number;
  /** `data` (default) uses history where it suffices; `user` uses the entered probabilities only. */
  readonly source?: 'data' | 'user';
}

/** The probability used for one stage and where it came from. */
export interface StageProbability {
  readonly stage: string;
  /** Closed deals (in the window) that ever entered the stage. */
  readonly closed: number;
  /** Of those, won. */
  readonly won: number;
  /** won ÷ closed; null when closed is 0. */
  readonly historical: number | null;
  /** The probability applied, 0–1. */
  readonly p: number;
  readonly source: 'data' | 'user';
}

const CLOSED_STAGES = new Set(['won', 'lost']);

/** The user's probability of a stage (the `sqo` entry for unlisted stages, else 0.1). */
export function userProbability(stage: string, user: Readonly<Record<string, number>>): number {
  return user[stage] ?? user.sqo ?? DEFAULT_STAGE_PROBABILITIES.sqo!;
}

/** p(stage) for every open stage name in the dataset's stage dictionary. */
export function stageProbabilities(ds: Dataset, opts: StageProbabilityOptions): Map<string, StageProbability> {
  const O = ds.opportunities;
  const names = O.stageNames;
  const closed = new Int32Array(names.length);
  const won = new Int32Array(names.length);
  const seen = new Int32Array(names.length).fill(-1);
  const from = lookbackStart(opts.asOf, opts.lookbackQuarters);
  const { start, stage, at } = O.history;
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j) || !closedInWindow(ds, j, opts.asOf, from)) continue;
    const isWon = statusAt(ds, j, opts.asOf) === STATUS_WON;
    for (let e = start[j]!; e < start[j + 1]!; e++) {
      const s = stage[e]!;
      if (at[e]! > opts.asOf || seen[s] === j) continue;
      seen[s] = j; // count each deal once per stage even when re-staged
      closed[s]!++;
      if (isWon) won[s]!++;
    }
  }
  const user = opts.userProbabilities ?? DEFAULT_STAGE_PROBABILITIES;
  const minClosed = opts.minClosed ?? DEFAULT_MIN_CLOSED;
  const out = new Map<string, StageProbability>();
  names.forEach((name, s) => {
    if (CLOSED_STAGES.has(name)) return;
    const c = closed[s]!;
    const w = won[s]!;
    const historical = c === 0 ? null : w / c;
    const useData = opts.source !== 'user' && c >= minClosed && historical !== null;
    out.set(name, {
      stage: name,
      closed: c,
      won: w,
      historical,
      p: useData ? historical : userProbability(name, user),
      source: useData ? 'data' : 'user',
    });
  });
  return out;
}
