/**
 * Coverage, attainment and the gap to quota per quarter (SPEC §6, §10), and sales velocity.
 */
import type { Dataset } from '../model/columns';
import { quarterOf } from '../time';
import type { HistoricalRates } from './lookback';
import type { QuarterPipeline } from './pipeline';

/** Where a quarter stands against asOf. */
export type QuarterTense = 'past' | 'current' | 'future';

export interface QuarterCoverage {
  readonly quarter: string;
  readonly tense: QuarterTense;
  /** Integer cents. */
  readonly quotaCents: number;
  readonly wonCents: number;
  readonly openDueCents: number;
  readonly weightedDueCents: number;
  /** quota − won, cents (≤ 0 once the quota is met). */
  readonly remainingCents: number;
  /**
   * openDue ÷ (quota − won); `'quota met'` when won ≥ quota (SPEC §10), never a number then.
   */
  readonly coverage: number | 'quota met';
  /** won ÷ quota; null when the quota is 0. */
  readonly attainment: number | null;
  /** won + weighted open due: what the quarter is expected to book, cents. */
  readonly projectedCents: number;
  /** quota − projected, cents: positive is a shortfall, negative a projected beat. */
  readonly gapCents: number;
}

/** Coverage of every quarter that has a quota. */
export function coverageByQuarter(ds: Dataset, quarters: readonly QuarterPipeline[], asOf: number): QuarterCoverage[] {
  return coverageOfQuarters(quarters, asOf, ds.meta.fiscalYearStartMonth);
}

/** Coverage of every quarter that has a quota, from per-quarter pipeline figures however computed. */
export function coverageOfQuarters(
  quarters: readonly Pick<
    QuarterPipeline,
    'quarter' | 'quotaCents' | 'wonCents' | 'openDueCents' | 'weightedDueCents'
  >[],
  asOf: number,
  fiscalYearStartMonth: number,
): QuarterCoverage[] {
  const now = quarterOf(asOf, fiscalYearStartMonth);
  const out: QuarterCoverage[] = [];
  for (const q of quarters) {
    if (q.quotaCents === null) continue;
    const remaining = q.quotaCents - q.wonCents;
    const projected = q.wonCents + q.weightedDueCents;
    out.push({
      quarter: q.quarter,
      tense: q.quarter < now ? 'past' : q.quarter === now ? 'current' : 'future',
      quotaCents: q.quotaCents,
      wonCents: q.wonCents,
      openDueCents: q.openDueCents,
      weightedDueCents: q.weightedDueCents,
      remainingCents: remaining,
      coverage: remaining <= 0 ? 'quota met' : q.openDueCents / remaining,
      attainment: q.quotaCents === 0 ? null : q.wonCents / q.quotaCents,
      projectedCents: projected,
      gapCents: q.quotaCents - projected,
    });
  }
  return out;
}

/** The coverage a win rate implies you need: 1 ÷ win rate; null when the win rate is 0 or unknown. */
export function impliedCoverage(winRate: number | null): number | null {
  return winRate === null || winRate <= 0 ? null : 1 / winRate;
}

export interface SalesVelocity {
  readonly openCount: number;
  readonly winRate: number | null;
  /** Mean won deal, cents. */
  readonly avgDealCents: number | null;
  readonly cycleDaysMean: number | null;
  readonly cycleDaysMedian: number | null;
  /**
   * (open × win rate × average won deal) ÷ mean cycle days: cents of bookings per day; null when
   * an input is unknown or the cycle is 0 days.
   */
  readonly centsPerDay: number | null;
}

export function salesVelocity(openCount: number, rates: HistoricalRates): SalesVelocity {
  const { winRate, avgWonCents, cycleDaysMean, cycleDaysMedian } = rates;
  const centsPerDay =
    winRate === null || avgWonCents === null || cycleDaysMean === null || cycleDaysMean <= 0
      ? null
      : (openCount * winRate * avgWonCents) / cycleDaysMean;
  return { openCount, winRate, avgDealCents: avgWonCents, cycleDaysMean, cycleDaysMedian, centsPerDay };
}
