/**
 * Conversion A→B by period (SPEC §5).
 *
 * **Cohort** (default): of the leads that entered A in the period, the share that reached B by the
 * as-of date — within W days of entering A when a window is given. A cohort is immature while it is
 * younger than the typical time to convert: the window W when given, else the median days from A to
 * B among all leads that converted; its age is measured from the end of the period. Leads neither
 * converted nor closed (disqualified, lost) — and, with a window, whose window has not run out — are
 * "still open".
 *
 * **Period**: leads entering B in the period ÷ leads entering A in the period. Cheap, but it mixes
 * cohorts (the B entries mostly come from earlier A entries), so it can exceed 100% in a quarter.
 *
 * Rates are fractions 0–1 (period rates may exceed 1), null when no lead entered A.
 */
import { DAY_MS } from '../time';
import type { GroupCodes } from './groups';
import { periodIndex, type Period } from './periods';
import type { StageReach } from './reach';
import { quantile, ratio } from './stats';
import type { StagePair } from './tally';

export interface CohortCell {
  readonly period: string;
  /** Leads that entered A in the period. */
  readonly entered: number;
  /** Of those, leads that reached B (within the window, when given). */
  readonly converted: number;
  /** Of those, leads not converted and not closed out, whose outcome is still open. */
  readonly stillOpen: number;
  /** converted ÷ entered; null when entered is 0. */
  readonly rate: number | null;
  /** stillOpen ÷ entered; null when entered is 0. */
  readonly openShare: number | null;
  /** True while the cohort is younger than the maturity days. */
  readonly immature: boolean;
}

export interface CohortOptions {
  readonly periods: readonly Period[];
  /** Count a conversion only within this many days of entering A; null or absent for no window. */
  readonly windowDays?: number | null;
  /** Per-lead groups: one series per group (and "(none)" last); absent for one series. */
  readonly groups?: GroupCodes;
}

export interface CohortConversion {
  readonly pair: StagePair;
  /** Median days from A to B among converted leads; null when none converted. */
  readonly typicalDays: number | null;
  /** Days a cohort needs after its period ends to count as mature; null when unknown. */
  readonly maturityDays: number | null;
  /** One row per period, per group (a single group when no groups were given). */
  readonly cells: readonly (readonly CohortCell[])[];
}

/** Median days A→B over in-scope leads that reached both with known times, in order. */
export function typicalDays(reach: StageReach, pair: StagePair): number | null {
  const a = reach.at[pair.from];
  const b = reach.at[pair.to];
  const days: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (!reach.inScope[i] || !reach.reached[pair.to][i]) continue;
    const d = (b[i]! - a[i]!) / DAY_MS;
    if (d >= 0) days.push(d);
  }
  return quantile(days, 0.5);
}

function groupOf(groups: GroupCodes | undefined, i: number): number {
  if (!groups) return 0;
  const g = groups.codes[i]!;
  return g < 0 || g >= groups.labels.length ? groups.labels.length : g;
}

export function cohortConversion(reach: StageReach, pair: StagePair, options: CohortOptions): CohortConversion {
  const { periods, groups } = options;
  const windowMs = options.windowDays == null ? Infinity : options.windowDays * DAY_MS;
  const G = groups ? groups.labels.length + 1 : 1;
  const P = periods.length;
  const entered = new Int32Array(G * P);
  const converted = new Int32Array(G * P);
  const open = new Int32Array(G * P);
  const a = reach.at[pair.from];
  const b = reach.at[pair.to];
  for (let i = 0; i < reach.inScope.length; i++) {
    if (!reach.inScope[i] || !reach.reached[pair.from][i]) continue;
    const p = periodIndex(periods, a[i]!);
    if (p < 0) continue;
    const cell = groupOf(groups, i) * P + p;
    entered[cell]!++;
    const reachedB = reach.reached[pair.to][i] === 1;
    const inWindow = windowMs === Infinity || b[i]! - a[i]! <= windowMs;
    if (reachedB && inWindow) converted[cell]!++;
    else if (!reachedB && !reach.reached.disqualified[i] && !reach.reached.lost[i] && reach.asOf - a[i]! < windowMs)
      open[cell]!++;
  }
  const typical = typicalDays(reach, pair);
  const maturity = options.windowDays ?? typical;
  const cells = Array.from({ length: G }, (_, g) =>
    periods.map((period, p): CohortCell => {
      const k = g * P + p;
      return {
        period: period.label,
        entered: entered[k]!,
        converted: converted[k]!,
        stillOpen: open[k]!,
        rate: ratio(converted[k]!, entered[k]!),
        openShare: ratio(open[k]!, entered[k]!),
        immature: maturity !== null && reach.asOf - period.end < maturity * DAY_MS,
      };
    }),
  );
  return { pair, typicalDays: typical, maturityDays: maturity, cells };
}

export interface PeriodCell {
  readonly period: string;
  /** Leads whose (first) entry into A falls in the period. */
  readonly enteredFrom: number;
  /** Leads whose (first) entry into B falls in the period. */
  readonly enteredTo: number;
  /** enteredTo ÷ enteredFrom; null when enteredFrom is 0. May exceed 1. */
  readonly rate: number | null;
}

/** Period conversion per period (and group). */
export function periodConversion(
  reach: StageReach,
  pair: StagePair,
  options: Omit<CohortOptions, 'windowDays'>,
): readonly (readonly PeriodCell[])[] {
  const { periods, groups } = options;
  const G = groups ? groups.labels.length + 1 : 1;
  const P = periods.length;
  const from = new Int32Array(G * P);
  const to = new Int32Array(G * P);
  for (let i = 0; i < reach.inScope.length; i++) {
    if (!reach.inScope[i]) continue;
    const g = groupOf(groups, i) * P;
    const pa = reach.reached[pair.from][i] ? periodIndex(periods, reach.at[pair.from][i]!) : -1;
    const pb = reach.reached[pair.to][i] ? periodIndex(periods, reach.at[pair.to][i]!) : -1;
    if (pa >= 0) from[g + pa]!++;
    if (pb >= 0) to[g + pb]!++;
  }
  return Array.from({ length: G }, (_, g) =>
    periods.map((period, p) => ({
      period: period.label,
      enteredFrom: from[g * P + p]!,
      enteredTo: to[g * P + p]!,
      rate: ratio(to[g * P + p]!, from[g * P + p]!),
    })),
  );
}
