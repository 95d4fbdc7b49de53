/**
 * Stage entries within a time window, for headline figures: how many leads entered each stage, and
 * how many deals closed won or lost, between two instants. The Overview compares the quarter to date
 * with the same stretch of the previous quarter, so a half-finished quarter is never set against a
 * whole one.
 */
import { REACH_STAGES, type StageReach } from './reach';
import type { StageCounts } from './tally';
import { ratio } from './stats';

export interface WindowCounts {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  /** Leads whose (first) entry into each stage falls in the window. */
  readonly entries: StageCounts;
  /** SQO entries ÷ MQL entries in the window (a period conversion); null when no MQL entered. */
  readonly mqlToSqo: number | null;
  /** Won ÷ (won + lost) of deals closed in the window; null when none closed. */
  readonly winRate: number | null;
}

export function windowCounts(reach: StageReach, from: number, to: number): WindowCounts {
  const entries = Object.fromEntries(REACH_STAGES.map((s) => [s, 0])) as StageCounts;
  for (const s of REACH_STAGES) {
    const at = reach.at[s];
    const reached = reach.reached[s];
    let n = 0;
    for (let i = 0; i < at.length; i++) if (reach.inScope[i] && reached[i] && at[i]! >= from && at[i]! < to) n++;
    entries[s] = n;
  }
  return {
    from,
    to,
    entries,
    mqlToSqo: ratio(entries.sqo, entries.mql),
    winRate: ratio(entries.won, entries.won + entries.lost),
  };
}
