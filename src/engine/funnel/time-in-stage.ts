/**
 * Time in stage (SPEC §5): days from the recorded entry of one funnel stage to the recorded entry of
 * the next, per adjacent pair, over in-scope leads that recorded both. Inferred (skipped) entries are
 * left out: they would count as zero days. Entries out of order (B before A, e.g. after re-staging)
 * are counted apart and left out of the figures.
 */
import { DAY_MS } from '../time';
import { STEP_STAGES, type StageReach, type StepStage } from './reach';
import { quantileOfSorted } from './stats';

/** Histogram bins in days: [low, high). */
export const DAY_BINS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 3],
  [3, 7],
  [7, 14],
  [14, 30],
  [30, 60],
  [60, 90],
  [90, 180],
  [180, Infinity],
];

export interface DayBin {
  readonly lowDays: number;
  /** Exclusive; Infinity for the last bin. */
  readonly highDays: number;
  readonly leads: number;
}

export interface StageDuration {
  readonly from: StepStage;
  readonly to: StepStage;
  /** Leads with both entries recorded in order. */
  readonly leads: number;
  /** Days; null when no lead qualifies. Quantiles interpolate between ranks. */
  readonly medianDays: number | null;
  readonly p75Days: number | null;
  readonly bins: readonly DayBin[];
  /** Leads whose B entry precedes their A entry. */
  readonly outOfOrder: number;
}

export function timeInStage(reach: StageReach): StageDuration[] {
  const out: StageDuration[] = [];
  for (let k = 0; k + 1 < STEP_STAGES.length; k++) {
    const from = STEP_STAGES[k]!;
    const to = STEP_STAGES[k + 1]!;
    const a = reach.recordedAt[from];
    const b = reach.recordedAt[to];
    const days: number[] = [];
    let outOfOrder = 0;
    for (let i = 0; i < a.length; i++) {
      if (!reach.inScope[i] || !reach.recorded[from][i] || !reach.recorded[to][i]) continue;
      const d = (b[i]! - a[i]!) / DAY_MS;
      if (d >= 0) days.push(d);
      else if (d < 0) outOfOrder++;
    }
    out.push(stageDuration(from, to, Float64Array.from(days).sort(), outOfOrder));
  }
  return out;
}

/** The figures of one pair from its leads' days (≥ 0, ascending) and the count of leads out of order. */
export function stageDuration(from: StepStage, to: StepStage, days: Float64Array, outOfOrder: number): StageDuration {
  const counts = new Array<number>(DAY_BINS.length).fill(0);
  let bin = 0;
  for (const d of days) {
    while (!(d < DAY_BINS[bin]![1])) bin++;
    counts[bin]!++;
  }
  return {
    from,
    to,
    leads: days.length,
    medianDays: quantileOfSorted(days, 0.5),
    p75Days: quantileOfSorted(days, 0.75),
    bins: DAY_BINS.map((bin, j) => ({ lowDays: bin[0], highDays: bin[1], leads: counts[j]! })),
    outOfOrder,
  };
}
