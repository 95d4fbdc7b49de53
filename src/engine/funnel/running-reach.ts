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

/** Stage entry instants (epoch ms) of one lead; NaN or undefined when the stage was not entered. */
export type LeadStageDates = Readonly<Partial<Record<DatedReachStage, number>>>;

/** Steps below `won`, walked from the top down. */
const DOWN: readonly StepStage[] = STEP_STAGES.slice(0, -1).reverse();

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
    if (isBot || !(createdAt <= this.asOf)) return;
    const t = this.tally;
    const hit = (s: DatedReachStage) => {
      const v = at[s];
      return v !== undefined && v <= this.asOf;
    };
    t.lead!++;
    const won = hit('won');
    const lost = !won && hit('lost');
    if (won) t.won!++;
    if (lost) t.lost!++;
    if (hit('disqualified')) t.disqualified!++;
    let later = won || lost;
    for (const s of DOWN) {
      if (s === 'lead') continue;
      if (later || hit(s)) {
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
