/**
 * Bookings by quarter from SQO creation (SPEC §6, §10). The lag distribution comes from the data:
 * share(k) = SQOs won k quarters after their creation quarter ÷ SQOs created, over the cohorts old
 * enough to have seen lag k in full. Forecast bookings of quarter Q = Σ_k SQOs created in Q−k ×
 * share(k) × average won amount. A drop in SQO creation therefore lands as a shortfall k quarters on.
 * The current quarter's actual is to date, so it is set against the forecast to date: the forecast ×
 * the share of their bookings the past quarters shown had closed by the same point (`quarterPace`).
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_WON } from '../model/stages';
import { addQuarters, quarterIndexOf, quarterOf } from '../time';
import { historicalRates, kept, type ForecastOptions } from './lookback';
import { closedAt, statusAt } from './opportunity-time';
import { quarterPace, type QuarterPace } from './quarter-pace';

export interface SqoLagOptions extends ForecastOptions {
  /** Longest lag measured; later wins count at this lag (default 4 quarters). */
  readonly maxLag?: number;
  /** Past quarters shown before the current one (default 7). */
  readonly pastQuarters?: number;
  /** Future quarters projected after the current one (default 2). */
  readonly futureQuarters?: number;
}

export interface LagShare {
  /** Quarters between creation and the win. */
  readonly lag: number;
  /** SQOs of the eligible cohorts won at this lag. */
  readonly won: number;
  /** SQOs created in the eligible cohorts (those whose quarter + lag is before the current quarter). */
  readonly cohortSqos: number;
  /** won ÷ cohortSqos; null when no cohort is old enough. */
  readonly share: number | null;
}

export interface LagQuarter {
  readonly quarter: string;
  readonly tense: 'past' | 'current' | 'future';
  /** SQOs (opportunities) created in the quarter; null for future quarters. */
  readonly sqosCreated: number | null;
  /** Won amount with close date in the quarter, cents; null for future quarters. */
  readonly actualCents: number | null;
  /** Σ_k created(Q−k) × share(k) × average won amount, cents (rounded once); from SQOs known at asOf. */
  readonly forecastCents: number;
  /** Current quarter: forecastCents × the pace share, what should have closed by asOf (cents); null otherwise or when the pace is unknown. */
  readonly forecastToDateCents: number | null;
  /** (actual − forecast) ÷ forecast for past quarters; null otherwise or when forecast is 0. */
  readonly error: number | null;
}

export interface SqoLagResult {
  readonly shares: readonly LagShare[];
  /** Mean won amount over the lookback, cents; null when none was won. */
  readonly avgWonCents: number | null;
  readonly quarters: readonly LagQuarter[];
  /** Σ |actual − forecast| ÷ Σ actual over past quarters (weighted absolute % error); null when no actual. */
  readonly wape: number | null;
  /** How much of a quarter's bookings the past quarters shown had closed by asOf's point of the quarter. */
  readonly pace: QuarterPace;
}

const index = (label: string): number => {
  const y = Number(label.slice(0, 4));
  const q = Number(label.slice(6));
  return y * 4 + q - 1;
};

export function sqoLag(ds: Dataset, opts: SqoLagOptions): SqoLagResult {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const maxLag = opts.maxLag ?? 4;
  const now = quarterOf(opts.asOf, fy);
  const nowIdx = index(now);
  const created = new Map<number, number>();
  const wonAt = new Map<number, number>(); // key: creationIdx * 64 + lag
  const actual = new Map<number, number>();
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j)) continue;
    const status = statusAt(ds, j, opts.asOf);
    if (status < 0) continue;
    const c = quarterIndexOf(O.createdAt[j]!, fy);
    created.set(c, (created.get(c) ?? 0) + 1);
    if (status !== STATUS_WON) continue;
    const closed = closedAt(ds, j);
    if (!Number.isFinite(closed)) continue;
    const w = quarterIndexOf(closed, fy);
    actual.set(w, (actual.get(w) ?? 0) + summableCents(O.amountCents[j]!));
    const lag = Math.min(maxLag, Math.max(0, w - c));
    wonAt.set(c * 64 + lag, (wonAt.get(c * 64 + lag) ?? 0) + 1);
  }
  const shares: LagShare[] = [];
  for (let k = 0; k <= maxLag; k++) {
    let won = 0;
    let cohort = 0;
    for (const [c, n] of created) {
      // Lag k is seen in full once quarter c + k has ended; the last lag also needs every later one.
      if (c + k >= nowIdx) continue;
      cohort += n;
      won += wonAt.get(c * 64 + k) ?? 0;
    }
    shares.push({ lag: k, won, cohortSqos: cohort, share: cohort === 0 ? null : won / cohort });
  }
  const avgWonCents = historicalRates(ds, opts).avgWonCents;
  const quarters: LagQuarter[] = [];
  const past = opts.pastQuarters ?? 7;
  const future = opts.futureQuarters ?? 2;
  const pastLabels = Array.from({ length: past }, (_, k) => addQuarters(now, k - past, fy));
  const pace = quarterPace(ds, opts.asOf, pastLabels, opts.mask);
  let absErr = 0;
  let actualSum = 0;
  for (let d = -past; d <= future; d++) {
    const qIdx = nowIdx + d;
    let f = 0;
    for (let k = 0; k <= maxLag; k++) {
      const c = qIdx - k;
      if (c > nowIdx) continue; // SQOs not yet created are not forecast
      f += (created.get(c) ?? 0) * (shares[k]!.share ?? 0);
    }
    const forecastCents = Math.round(f * (avgWonCents ?? 0));
    const tense = d < 0 ? 'past' : d === 0 ? 'current' : 'future';
    const a = d > 0 ? null : (actual.get(qIdx) ?? 0);
    if (tense === 'past' && a !== null) {
      absErr += Math.abs(a - forecastCents);
      actualSum += a;
    }
    quarters.push({
      quarter: addQuarters(now, d, fy),
      tense,
      sqosCreated: d > 0 ? null : (created.get(qIdx) ?? 0),
      actualCents: a,
      forecastCents,
      forecastToDateCents: tense === 'current' && pace.share !== null ? Math.round(forecastCents * pace.share) : null,
      error: tense === 'past' && forecastCents > 0 && a !== null ? (a - forecastCents) / forecastCents : null,
    });
  }
  return { shares, avgWonCents, quarters, wape: actualSum === 0 ? null : absErr / actualSum, pace };
}
