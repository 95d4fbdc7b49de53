/**
 * Reference values from public B2B funnel benchmarks (SPEC §5), each with its source, drawn as
 * labelled reference lines. They are context, not targets computed from the data.
 */

/** A rate benchmark: a fraction 0–1, or a range of fractions. */
export interface RateBenchmark {
  readonly id: 'sqlToSqo' | 'sqoToWonAverage' | 'sqoToWonBestInClass';
  /** The conversion it refers to, as a rate key of the funnel report. */
  readonly rate: 'sqlToSqo' | 'sqoToWon';
  readonly label: string;
  /** Lower bound (or the single value), fraction 0–1. */
  readonly low: number;
  /** Upper bound, fraction 0–1; equal to `low` for a single value. */
  readonly high: number;
  readonly source: string;
}

/** A duration benchmark in days. */
export interface DaysBenchmark {
  readonly id: 'salesCycleMidMarket';
  readonly label: string;
  readonly lowDays: number;
  readonly highDays: number;
  readonly source: string;
}

export const RATE_BENCHMARKS: readonly RateBenchmark[] = [
  {
    id: 'sqlToSqo',
    rate: 'sqlToSqo',
    label: 'Average SQL→opportunity 59%',
    low: 0.59,
    high: 0.59,
    source: 'Gartner, average SQL-to-opportunity conversion',
  },
  {
    id: 'sqoToWonAverage',
    rate: 'sqoToWon',
    label: 'Industry average 20–25%',
    low: 0.2,
    high: 0.25,
    source: 'B2B industry average opportunity win rate',
  },
  {
    id: 'sqoToWonBestInClass',
    rate: 'sqoToWon',
    label: 'Best in class above 40%',
    low: 0.4,
    high: 0.4,
    source: 'Best-in-class B2B sales teams',
  },
];

export const CYCLE_BENCHMARK: DaysBenchmark = {
  id: 'salesCycleMidMarket',
  label: 'Mid-market sales cycle 30–90 days',
  lowDays: 30,
  highDays: 90,
  source: 'Typical B2B mid-market deal cycle',
};
