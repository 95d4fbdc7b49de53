/**
 * The deals behind the forecast-accuracy card's headline: the current quarter's projection by a
 * method, and what it has won to date. The deals and their parts come from `forecastParts`, the
 * function the projection itself sums, so the list's total is the projection to the cent.
 */
import {
  forecastParts,
  NO_PROBABILITY,
  quarterCandidates,
  countsIn,
  type AccuracyMethod,
  type PointOptions,
} from '../../engine/forecast/accuracy-point';
import type { Dataset } from '../../engine/model/columns';
import { sqoLagDeals } from './deal-list-sqo-lag';

/** Which part of the accuracy headline: a method's projection, or the bookings won to date. */
export type AccuracyPart = AccuracyMethod | 'wonToDate';

/**
 * A method inside a note, as a token the view names (`fillMethods` in lib/forecast-labels.ts), as
 * amounts travel as money tokens.
 */
export const methodToken = (m: AccuracyMethod): string => `{{method:${m}}}`;

export interface ProjectionDeals {
  /** What a row's figure is: what the projection counts of it, what the model expects of it, or its amount. */
  readonly figureKind: 'counted' | 'expected' | 'amount';
  readonly rows: readonly number[];
  /** Each row's part of the figure, cents (unrounded). */
  readonly figure: readonly number[];
  /** The figure, cents; null when the method cannot project (see `note`). */
  readonly total: number | null;
  readonly note: string | null;
}

export interface ProjectionOptions extends PointOptions {
  readonly asOf: number;
  readonly quarter: string;
  readonly money: (cents: number) => string;
}

export function projectionDeals(ds: Dataset, part: AccuracyPart, o: ProjectionOptions): ProjectionDeals {
  const q = o.quarter;
  if (part === 'sqoLag') {
    const s = sqoLagDeals(ds, q, 'forecast', {
      asOf: o.asOf,
      mask: o.mask,
      lookbackQuarters: o.lookbackQuarters ?? null,
      money: o.money,
    });
    return {
      figureKind: 'expected',
      rows: s.rows,
      figure: s.figure.map((x) => x ?? 0),
      total: s.total,
      note: s.note,
    };
  }
  const parts = forecastParts(ds, q, o.asOf, o, quarterCandidates(ds, q, o.mask));
  const rows: number[] = [];
  const figure: number[] = [];
  // Summed as the projection sums them: the won amounts, then the open deals' parts, rounded once.
  let closed = 0;
  let open = 0;
  let noProbability = 0;
  const take = (row: number, cents: number, isWon: boolean) => {
    rows.push(row);
    figure.push(cents);
    if (isWon) closed += cents;
    else open += cents;
  };
  for (const d of parts) {
    if (d.won) {
      take(d.row, d.amountCents, true);
      continue;
    }
    if (part === 'weighted') take(d.row, d.weightedCents, false);
    else if ((part === 'commit' || part === 'bestCase') && countsIn(part, d.category))
      take(d.row, d.amountCents, false);
    else if (part === 'repProbability') {
      if (d.repCents === null) noProbability++;
      else take(d.row, d.repCents, false);
    }
  }
  if (part === 'wonToDate') return { figureKind: 'amount', rows, figure, total: closed, note: null };
  const won = `the deals won so far in ${q} (their amount)`;
  const OPEN_PART: Readonly<Record<Exclude<AccuracyMethod, 'sqoLag'>, string>> = {
    weighted: 'every open deal due in it × p(stage) (its weighted amount)',
    commit: 'the open deals due in it in the Commit category (their amount)',
    bestCase: 'the open deals due in it in Commit or Best case (their amount)',
    repProbability: 'the open deals due in it × the probability their rep entered',
  };
  const left =
    noProbability > 0
      ? ` ${noProbability} open deals due have no rep probability recorded and are left out, as the projection leaves them out.`
      : '';
  const note = `${methodToken(part)}: ${won} + ${OPEN_PART[part]}; an open deal whose close date has passed in the quarter still counts, as a CRM forecast counts it.${left}`;
  const hasProbability = ds.opportunities.changes.probability.some((p) => Number.isFinite(p));
  if (part === 'repProbability' && !hasProbability)
    return {
      figureKind: 'counted',
      rows,
      figure,
      total: null,
      note: `${NO_PROBABILITY}.`,
    };
  return {
    figureKind: 'counted',
    rows,
    figure,
    total: Math.round(closed + open),
    note,
  };
}
