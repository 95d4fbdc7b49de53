/**
 * Forecast accuracy on the company's own history (SPEC §6): for each of the last completed
 * quarters (up to 8) and each week k of it, what every method would have forecast for that
 * quarter's bookings from the history as it stood at the start of week k (`forecastsAt`), against
 * the bookings the quarter actually closed.
 *
 * Error at week k = (forecast − actual) ÷ actual: positive when the method over-forecast. A
 * quarter's absolute percentage error is the mean of |error| over its weeks; a method's MAPE is
 * the mean of that over the quarters it could be measured in. The most accurate method has the
 * lowest MAPE among the methods measured in the most quarters (a method measured in fewer
 * quarters is not ranked against them). A figure whose inputs are missing is null with the reason.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_WON } from '../model/stages';
import { addQuarters, DAY_MS, isoDate, quarterEnd, quarterOf, quarterStart } from '../time';
import {
  ACCURACY_METHODS,
  forecastsAt,
  quarterCandidates,
  type AccuracyMethod,
  type MethodForecast,
  type PointOptions,
} from './accuracy-point';
import { hasDealHistory } from './deal-history';
import { kept } from './lookback';
import { closedAt } from './opportunity-time';
import { quarterPace, type QuarterPace } from './quarter-pace';

export { ACCURACY_METHODS, type AccuracyMethod } from './accuracy-point';

/** Weeks of a quarter measured: week k starts (k − 1) × 7 days after the quarter starts. */
export const ACCURACY_WEEKS = 13;
export const MAX_ACCURACY_QUARTERS = 8;
export const NO_HISTORY_REASON =
  'not measurable — needs deal history: opportunity_history.csv, or Salesforce OpportunityHistory / OpportunityFieldHistory';

export interface AccuracyOptions extends PointOptions {
  /** Epoch ms: the "as of" instant; quarters that ended by then are back-tested. */
  readonly asOf: number;
  /** Completed quarters back-tested, the latest ones (default and at most 8). */
  readonly quarters?: number;
}

/** A back-tested quarter and what it actually booked. */
export interface AccuracyQuarter {
  readonly quarter: string;
  /** Won amount with close date in the quarter, cents. */
  readonly actualCents: number;
  /** Why no method can be measured in this quarter (no bookings); null otherwise. */
  readonly reason: string | null;
}

/** One method in one quarter. */
export interface MethodQuarter {
  readonly quarter: string;
  readonly actualCents: number;
  /** Forecast at the start of each week 1…13, cents; null where not measurable. */
  readonly forecastsCents: readonly (number | null)[];
  /** (forecast − actual) ÷ actual per week; null where not measurable. */
  readonly errors: readonly (number | null)[];
  /** Mean |error| over the measured weeks; null when none. */
  readonly ape: number | null;
  readonly reason: string | null;
}

export interface MethodAccuracy {
  readonly method: AccuracyMethod;
  /** Mean of the quarters' `ape`; null when no quarter could be measured. */
  readonly mape: number | null;
  readonly measuredQuarters: number;
  /** Per week k (index k − 1): mean |error| over the quarters measured at that week; null when none. */
  readonly byWeek: readonly (number | null)[];
  readonly quarters: readonly MethodQuarter[];
  /** Why `mape` is null; null otherwise. */
  readonly reason: string | null;
  /** The method's forecast of the current quarter's bookings at `asOf`. */
  readonly projection: MethodForecast;
  /** projection × the quarter's usual pace: what should have closed by `asOf`; null when either is unknown. */
  readonly projectionToDateCents: number | null;
}

export interface CurrentQuarter {
  readonly quarter: string;
  /** Won by `asOf` with close date in the quarter, cents. */
  readonly actualToDateCents: number;
  readonly pace: QuarterPace;
}

export type ForecastAccuracy =
  | {
      readonly measurable: true;
      readonly weeks: number;
      readonly quarters: readonly AccuracyQuarter[];
      readonly methods: readonly MethodAccuracy[];
      readonly best: AccuracyMethod | null;
      /** Why `best` is null; null otherwise. */
      readonly bestReason: string | null;
      readonly current: CurrentQuarter;
    }
  | { readonly measurable: false; readonly reason: string };

/** Won amount with close date in the quarter (every win recorded, whenever it happened), cents. */
export function quarterBookings(ds: Dataset, quarter: string, mask?: Uint8Array): number {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const from = quarterStart(quarter, fy);
  const to = quarterEnd(quarter, fy);
  let sum = 0;
  for (let j = 0; j < O.count; j++) {
    if (!kept(mask, j) || O.status[j] !== STATUS_WON) continue;
    const c = closedAt(ds, j);
    if (c >= from && c < to) sum += summableCents(O.amountCents[j]!);
  }
  return sum;
}

/** The first instant the data knows of: the earliest deal creation or recorded change. */
function dataStart(ds: Dataset, mask?: Uint8Array): number {
  const O = ds.opportunities;
  let first = Infinity;
  for (let j = 0; j < O.count; j++) if (kept(mask, j)) first = Math.min(first, O.createdAt[j]!);
  const at = O.changes.at;
  for (let k = 0; k < at.length; k++) first = Math.min(first, at[k]!);
  return first;
}

/** The completed quarters to back-test: the latest `n` that began after the data did. */
function backtestQuarters(ds: Dataset, asOf: number, n: number, mask?: Uint8Array): string[] {
  const fy = ds.meta.fiscalYearStartMonth;
  const start = dataStart(ds, mask);
  const out: string[] = [];
  for (
    let q = addQuarters(quarterOf(asOf, fy), -1, fy);
    out.length < n && quarterStart(q, fy) > start;
    q = addQuarters(q, -1, fy)
  )
    out.unshift(q);
  return out;
}

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

function measureMethod(
  method: AccuracyMethod,
  quarters: readonly AccuracyQuarter[],
  points: ReadonlyMap<string, readonly ReturnType<typeof forecastsAt>[]>,
) {
  const rows: MethodQuarter[] = quarters.map((q) => {
    const weeks = points.get(q.quarter) ?? [];
    const forecastsCents = weeks.map((p) => p.byMethod[method].cents);
    const errors = forecastsCents.map((f) =>
      f === null || q.actualCents === 0 ? null : (f - q.actualCents) / q.actualCents,
    );
    const abs = errors.filter((e): e is number => e !== null).map(Math.abs);
    const firstReason = weeks.find((p) => p.byMethod[method].reason !== null)?.byMethod[method].reason ?? null;
    return {
      quarter: q.quarter,
      actualCents: q.actualCents,
      forecastsCents,
      errors,
      ape: mean(abs),
      reason: abs.length > 0 ? null : (q.reason ?? firstReason),
    };
  });
  const measured = rows.filter((r) => r.ape !== null);
  const byWeek = Array.from({ length: ACCURACY_WEEKS }, (_, k) =>
    mean(
      rows
        .map((r) => r.errors[k])
        .filter((e): e is number => e !== null && e !== undefined)
        .map(Math.abs),
    ),
  );
  const reason =
    measured.length > 0
      ? null
      : (rows.find((r) => r.reason !== null)?.reason ?? 'not measurable — needs a completed quarter with bookings');
  return { rows, mape: mean(measured.map((r) => r.ape!)), measuredQuarters: measured.length, byWeek, reason };
}

/** The back-test, the current quarter's projection per method, and the most accurate method. */
export function forecastAccuracy(ds: Dataset, opts: AccuracyOptions): ForecastAccuracy {
  if (!hasDealHistory(ds)) return { measurable: false, reason: NO_HISTORY_REASON };
  const fy = ds.meta.fiscalYearStartMonth;
  const n = Math.max(1, Math.min(MAX_ACCURACY_QUARTERS, opts.quarters ?? MAX_ACCURACY_QUARTERS));
  const labels = backtestQuarters(ds, opts.asOf, n, opts.mask);
  if (labels.length === 0) {
    const first = dataStart(ds, opts.mask);
    const since = Number.isFinite(first) ? ` (the first deal or change is recorded on ${isoDate(first)})` : '';
    return {
      measurable: false,
      reason: `not measurable — needs deal history covering a whole completed quarter${since}`,
    };
  }
  const hasProbability = ds.opportunities.changes.probability.some((p) => Number.isFinite(p));
  const quarters: AccuracyQuarter[] = labels.map((quarter) => {
    const actualCents = quarterBookings(ds, quarter, opts.mask);
    return {
      quarter,
      actualCents,
      reason:
        actualCents === 0 ? `not measurable — ${quarter} booked nothing, and a percentage error needs bookings` : null,
    };
  });
  const points = new Map(
    quarters.map((q) => {
      const candidates = quarterCandidates(ds, q.quarter, opts.mask);
      const from = quarterStart(q.quarter, fy);
      const weeks =
        q.actualCents === 0
          ? []
          : Array.from({ length: ACCURACY_WEEKS }, (_, k) =>
              forecastsAt(ds, q.quarter, from + k * 7 * DAY_MS, opts, candidates, hasProbability),
            );
      return [q.quarter, weeks] as const;
    }),
  );
  const now = quarterOf(opts.asOf, fy);
  const present = forecastsAt(ds, now, opts.asOf, opts, quarterCandidates(ds, now, opts.mask), hasProbability);
  const pace = quarterPace(ds, opts.asOf, labels, opts.mask);
  const methods: MethodAccuracy[] = ACCURACY_METHODS.map((method) => {
    const m = measureMethod(method, quarters, points);
    const projection = present.byMethod[method];
    return {
      method,
      mape: m.mape,
      measuredQuarters: m.measuredQuarters,
      byWeek: m.byWeek,
      quarters: m.rows,
      reason: m.reason,
      projection,
      projectionToDateCents:
        projection.cents === null || pace.share === null ? null : Math.round(projection.cents * pace.share),
    };
  });
  const most = Math.max(...methods.map((m) => m.measuredQuarters));
  const ranked = methods
    .filter((m) => m.mape !== null && m.measuredQuarters === most)
    .sort((a, b) => a.mape! - b.mape!);
  return {
    measurable: true,
    weeks: ACCURACY_WEEKS,
    quarters,
    methods,
    best: ranked[0]?.method ?? null,
    bestReason:
      ranked.length > 0 ? null : 'not measurable — no method could be measured in a completed quarter with bookings',
    current: { quarter: now, actualToDateCents: present.closedCents, pace },
  };
}
