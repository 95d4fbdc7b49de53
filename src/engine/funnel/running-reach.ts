/**
 * Stage reach counted as leads arrive (SPEC §2, §5), for a funnel that shows while a leads file is
 * still being read. Inclusive mode, as `computeReach`: a lead that reached a later stage counts as
 * having passed every earlier one; `won` wins over `lost`. Bots and leads created after `asOf` are
 * out of scope, and stage dates after `asOf` have not happened yet. Only the lead's own stage dates
 * are counted (no opportunities are folded in): over the same leads, without opportunities, the
 * counts equal `tallyFunnel(computeReach(dataset, leadMask(dataset, {}), asOf)).counts`.
 *
 * Counts only add up, so a caller can read them after every chunk of rows: O(1) per lead, no per-lead
 * memory.
 */
import type { StageCounts } from './tally';
import { REACH_STAGES, STEP_STAGES, type StepStage } from './reach';

/** The lead stages with a date of their own (the `*_at` columns reach reads). */
export const DATED_REACH_STAGES = ['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const;
export type DatedReachStage = (typeof DATED_REACH_STAGES)[number];

/**
 * Stage entry instants (epoch ms) of one lead, in the order of DATED_REACH_STAGES; NaN when the stage
 * was not entered. An array (reused by the caller) so that counting a lead allocates nothing.
 */
export type LeadStageDates = ArrayLike<number>;

const WON = 4;
const LOST = 5;
const DISQUALIFIED = 6;

/** Steps from `sqo` down to `mql` with their index in DATED_REACH_STAGES. */
const DOWN: readonly (readonly [StepStage, number])[] = STEP_STAGES.slice(1, -1)
  .reverse()
  .map((s) => [s, DATED_REACH_STAGES.indexOf(s as DatedReachStage)] as const);

export class RunningReach {
  private readonly tally: Record<string, number> = Object.fromEntries(REACH_STAGES.map((s) => [s, 0]));
  private seen = 0;

  /** `asOf` in epoch ms; the default counts every dated entry. */
  constructor(readonly asOf: number = Infinity) {}

  /** Leads offered so far (in scope or not). */
  get leadsSeen(): number {
    return this.seen;
  }

  /** Counts one lead. `createdAt` NaN puts the lead out of scope. */
  add(createdAt: number, isBot: boolean, at: LeadStageDates): void {
    this.seen++;
    const asOf = this.asOf;
    if (isBot || !(createdAt <= asOf)) return;
    const t = this.tally;
    t.lead!++;
    const won = at[WON]! <= asOf;
    const lost = !won && at[LOST]! <= asOf;
    if (won) t.won!++;
    if (lost) t.lost!++;
    if (at[DISQUALIFIED]! <= asOf) t.disqualified!++;
    let later = won || lost;
    for (const [s, k] of DOWN) {
      if (later || at[k]! <= asOf) {
        t[s]!++;
        later = true;
      }
    }
  }

  /** A copy of the counts so far. */
  counts(): StageCounts {
    return { ...this.tally } as StageCounts;
  }
}
