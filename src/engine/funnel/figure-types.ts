/** The shape of the Funnel view's figures for one filter (`funnel-figures.ts`). */
import type { CohortConversion, PeriodCell } from './conversion';
import type { GroupCodes } from './groups';
import type { Period } from './periods';
import type { FunnelMode } from './reach';
import type { FunnelTally, GroupedTally, PairKey } from './tally';
import type { StageDuration } from './time-in-stage';
import type { ClosedWinRate } from './win-rate';

export type ConversionBasis = 'cohort' | 'period';

export interface FigureOptions {
  /** Cohort or period conversion by quarter. */
  readonly basis: ConversionBasis;
  /** Cohort conversion window in days; null for none. */
  readonly windowDays: number | null;
  /** The breakdown's groups: the tally and the MQL→SQO and SQL→SQO conversions per group. */
  readonly groups: GroupCodes;
}

/** Conversion by quarter of one pair, in the chosen basis; one row of cells per group. */
export type ConversionFigures =
  | { readonly basis: 'cohort'; readonly cohort: CohortConversion }
  | { readonly basis: 'period'; readonly cells: readonly (readonly PeriodCell[])[] };

/** The pairs whose conversion is also given per group. */
export const GROUPED_PAIRS = ['mqlToSqo', 'sqlToSqo'] as const;
export type GroupedPair = (typeof GROUPED_PAIRS)[number];

export interface FunnelFigures {
  readonly mode: FunnelMode;
  /** Epoch ms. */
  readonly asOf: number;
  readonly periods: readonly Period[];
  readonly total: FunnelTally;
  readonly grouped: GroupedTally;
  /** Per lead stage, the leads in scope that entered it more than once by asOf. */
  readonly reentries: Record<string, number>;
  /** Every stage pair over all leads in scope (one row of cells). */
  readonly conversions: Readonly<Record<PairKey, ConversionFigures>>;
  /** MQL→SQO and SQL→SQO per group: a row per group code, then one for leads without a value. */
  readonly groupedConversions: Readonly<Record<GroupedPair, ConversionFigures>>;
  readonly timeInStage: readonly StageDuration[];
  readonly closedWinRates: readonly ClosedWinRate[];
}

/** The leads in scope: a mask, their count and the earliest creation among them. */
export interface LeadScope {
  readonly mask: Uint8Array;
  readonly count: number;
  readonly first: number;
}
