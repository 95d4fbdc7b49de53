/**
 * What each forecast method said, at one instant, about one quarter's bookings, rebuilt from the
 * deal history as it stood at that instant: each deal's status, stage, amount, close date,
 * category and rep probability at that instant (`dealStateAt`), p(stage) from the deals closed
 * before it, the SQO-lag model from the SQOs known then. Nothing recorded later is read.
 *
 * Every method forecasts the quarter's whole bookings: what is already won in the quarter plus
 * what the method expects of the open deals due in it (close date, as recorded then, in the
 * quarter — a deal whose date has passed but is still open counts, as a CRM forecast counts it
 * until the rep moves the date); the SQO-lag model is its own quarter total (SPEC §6), exactly as
 * its chart would have shown it then: a lag no cohort was old enough to have seen counts as none.
 * p(stage) never uses the export's probabilities here: they are today's, not that instant's.
 */
import type { Dataset } from '../model/columns';
import { STATUS_OPEN, STATUS_WON, type ForecastCategory } from '../model/stages';
import { quarterEnd, quarterStart } from '../time';
import { categoryAt, DEFAULT_STAGE_CATEGORIES } from './categories';
import { dealStateAt } from './deal-history';
import { kept } from './lookback';
import { closedAt } from './opportunity-time';
import { sqoLag } from './sqo-lag';
import { probabilityLookup, type StageProbabilityOptions } from './stage-probability';

export const ACCURACY_METHODS = ['weighted', 'commit', 'bestCase', 'sqoLag', 'repProbability'] as const;
/** A forecast method whose accuracy is measured. */
export type AccuracyMethod = (typeof ACCURACY_METHODS)[number];

/** A method's forecast in cents, or null with the reason it cannot be given. */
export type MethodForecast =
  { readonly cents: number; readonly reason: null } | { readonly cents: null; readonly reason: string };

export interface PointOptions extends Omit<StageProbabilityOptions, 'asOf'> {
  /** Stage name → category; replaces the default map where given. */
  readonly stageCategories?: Readonly<Record<string, ForecastCategory>>;
}

export interface ForecastsAt {
  /** Won by the instant, closed in the quarter, cents. */
  readonly closedCents: number;
  readonly byMethod: Readonly<Record<AccuracyMethod, MethodForecast>>;
  /** Open deals due whose rep probability was not recorded then: left out of that method. */
  readonly noProbability: number;
}

export const NO_PROBABILITY =
  'not measurable — needs the rep probability in the deal history (probability column of opportunity_history.csv)';

/** Deals that can count in `quarter`: kept, created before it ends, not closed before it starts. */
export function quarterCandidates(ds: Dataset, quarter: string, mask?: Uint8Array): number[] {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const from = quarterStart(quarter, fy);
  const to = quarterEnd(quarter, fy);
  const out: number[] = [];
  for (let j = 0; j < O.count; j++) {
    if (!kept(mask, j) || !(O.createdAt[j]! < to)) continue;
    if (O.status[j] !== STATUS_OPEN && closedAt(ds, j) < from) continue;
    out.push(j);
  }
  return out;
}

const ok = (cents: number): MethodForecast => ({ cents: Math.round(cents), reason: null });
const no = (reason: string): MethodForecast => ({ cents: null, reason });

function sqoLagAt(ds: Dataset, quarter: string, t: number, opts: PointOptions): MethodForecast {
  const lag = sqoLag(ds, {
    asOf: t,
    mask: opts.mask,
    lookbackQuarters: opts.lookbackQuarters,
    pastQuarters: 0,
    futureQuarters: 0,
  });
  if (lag.avgWonCents === null) return no('not measurable — needs a deal won in the lookback before that instant');
  if (lag.shares.every((s) => s.share === null))
    return no('not measurable — needs an SQO cohort at least a quarter old at that instant');
  const q = lag.quarters.find((x) => x.quarter === quarter);
  return q ? ok(q.forecastCents) : no('not measurable — the instant lies outside the quarter');
}

/** One deal's part in the deal-based methods' forecast of a quarter at an instant, cents (unrounded). */
export interface DealForecastPart {
  readonly row: number;
  /** Won by the instant and closed in the quarter: its amount counts in every deal-based method. */
  readonly won: boolean;
  readonly amountCents: number;
  /** Open deals: amount × p(stage) then; won deals: their amount. */
  readonly weightedCents: number;
  /** The deal's category then (open deals), or null. */
  readonly category: ForecastCategory | null;
  /** Open deals: amount × the rep probability then, or null when none was recorded; won deals: their amount. */
  readonly repCents: number | null;
}

/**
 * The deals each deal-based method counts in `quarter` at instant `t`, with what each adds: the deals
 * won by then and closed in the quarter, and the open deals due in it (see the file comment).
 */
export function forecastParts(
  ds: Dataset,
  quarter: string,
  t: number,
  opts: PointOptions,
  candidates: readonly number[],
): DealForecastPart[] {
  const fy = ds.meta.fiscalYearStartMonth;
  const from = quarterStart(quarter, fy);
  const to = quarterEnd(quarter, fy);
  const map = { ...DEFAULT_STAGE_CATEGORIES, ...opts.stageCategories };
  const pOf = probabilityLookup(ds, { ...opts, asOf: t, exportProbabilities: false });
  const out: DealForecastPart[] = [];
  for (const j of candidates) {
    const s = dealStateAt(ds, j, t);
    if (!Number.isFinite(s.amountCents)) continue;
    if (s.status === STATUS_WON) {
      const c = closedAt(ds, j);
      if (c >= from && c < to)
        out.push({
          row: j,
          won: true,
          amountCents: s.amountCents,
          weightedCents: s.amountCents,
          category: 'closed',
          repCents: s.amountCents,
        });
      continue;
    }
    if (s.status !== STATUS_OPEN || !(s.closeDate >= from && s.closeDate < to)) continue;
    out.push({
      row: j,
      won: false,
      amountCents: s.amountCents,
      weightedCents: s.amountCents * pOf(s.stage).p,
      category: categoryAt(ds, j, t, map)?.category ?? null,
      repCents: Number.isFinite(s.probability) ? s.amountCents * s.probability : null,
    });
  }
  return out;
}

/** Whether an open deal of `category` counts in the Commit (`commit`) or Best case (`bestCase`) forecast. */
export const countsIn = (method: 'commit' | 'bestCase', category: ForecastCategory | null): boolean =>
  category === 'commit' || (method === 'bestCase' && category === 'best_case');

/**
 * Each method's forecast of `quarter`'s bookings at instant `t` (epoch ms, inside the quarter).
 * `candidates` from `quarterCandidates`; `hasProbability`: whether the history records any rep
 * probability at all (else that method is not measurable).
 */
export function forecastsAt(
  ds: Dataset,
  quarter: string,
  t: number,
  opts: PointOptions,
  candidates: readonly number[],
  hasProbability: boolean,
): ForecastsAt {
  let closed = 0;
  let weighted = 0;
  let commit = 0;
  let bestCase = 0;
  let rep = 0;
  let noProbability = 0;
  for (const d of forecastParts(ds, quarter, t, opts, candidates)) {
    if (d.won) {
      closed += d.amountCents;
      continue;
    }
    weighted += d.weightedCents;
    if (countsIn('commit', d.category)) commit += d.amountCents;
    if (countsIn('bestCase', d.category)) bestCase += d.amountCents;
    if (d.repCents !== null) rep += d.repCents;
    else noProbability++;
  }
  return {
    closedCents: closed,
    byMethod: {
      weighted: ok(closed + weighted),
      commit: ok(closed + commit),
      bestCase: ok(closed + bestCase),
      sqoLag: sqoLagAt(ds, quarter, t, opts),
      repProbability: hasProbability ? ok(closed + rep) : no(NO_PROBABILITY),
    },
    noProbability,
  };
}
