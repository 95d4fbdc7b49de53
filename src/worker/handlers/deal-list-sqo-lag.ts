/**
 * The SQOs behind the SQO-lag figures of a quarter. The model does not add up deal amounts: the
 * forecast of quarter Q counts each SQO created k quarters before Q (k = 0 … the longest lag, SQOs
 * created by the as-of only) at share(k) × the average won deal. The honest list is those SQOs, each
 * beside what the model counts for it; its total is the forecast, computed as the model computes it.
 * SQOs at a lag no cohort has yet been seen through (no share) add nothing and are left out.
 */
import { kept } from '../../engine/forecast/lookback';
import { statusAt } from '../../engine/forecast/opportunity-time';
import { sqoLag } from '../../engine/forecast/sqo-lag';
import type { Dataset } from '../../engine/model/columns';
import { quarterIndexOf, quarterStart } from '../../engine/time';

/** Which SQO-lag figure of a quarter: SQOs created, the full-quarter forecast, or the current quarter's forecast to date. */
export type SqoLagSeries = 'sqos' | 'forecast' | 'toDate';

export interface SqoLagDeals {
  readonly rows: readonly number[];
  /** What the model counts for each row, cents (unrounded); for `sqos`, null (the figure is a count). */
  readonly figure: readonly (number | null)[];
  /** The figure: cents for `forecast` and `toDate`; the count of SQOs for `sqos`. */
  readonly total: number;
  /** What the figure is made of and what the list holds, in words. */
  readonly note: string;
}

export interface SqoLagListOptions {
  readonly asOf: number;
  readonly mask?: Uint8Array;
  readonly lookbackQuarters: number | null;
  /** Formats cents for the note. */
  readonly money: (cents: number) => string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function sqoLagDeals(ds: Dataset, quarter: string, series: SqoLagSeries, o: SqoLagListOptions): SqoLagDeals {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const lag = sqoLag(ds, { asOf: o.asOf, mask: o.mask, lookbackQuarters: o.lookbackQuarters });
  const maxLag = lag.shares.length - 1;
  const nowIdx = quarterIndexOf(o.asOf, fy);
  const qIdx = quarterIndexOf(quarterStart(quarter, fy), fy);
  // The SQOs the model counts: every opportunity that exists at the as-of, by creation quarter.
  const byCohort = new Map<number, number[]>();
  for (let j = 0; j < O.count; j++) {
    if (!kept(o.mask, j) || statusAt(ds, j, o.asOf) < 0) continue;
    const c = quarterIndexOf(O.createdAt[j]!, fy);
    const list = byCohort.get(c);
    if (list) list.push(j);
    else byCohort.set(c, [j]);
  }
  if (series === 'sqos') {
    const rows = qIdx > nowIdx ? [] : (byCohort.get(qIdx) ?? []);
    return {
      rows,
      figure: rows.map(() => null),
      total: rows.length,
      note: `The figure is a count: the ${rows.length} SQOs (opportunities) created in ${quarter}, listed here; the total below is their amount, which the figure does not add up.`,
    };
  }
  const avg = lag.avgWonCents ?? 0;
  const pace = series === 'toDate' ? (lag.pace.share ?? 0) : 1;
  const rows: number[] = [];
  const figure: number[] = [];
  const parts: string[] = [];
  let f = 0;
  for (let k = 0; k <= maxLag; k++) {
    const c = qIdx - k;
    if (c > nowIdx) continue; // SQOs not yet created are not forecast
    const share = lag.shares[k]!.share;
    // A lag no cohort is old enough to have seen counts as none: its SQOs add nothing and are not listed.
    if (share === null) continue;
    const cohort = byCohort.get(c) ?? [];
    f += cohort.length * share;
    for (const j of cohort) {
      rows.push(j);
      figure.push(share * avg * pace);
    }
    if (cohort.length > 0)
      parts.push(`${cohort.length} created ${k} ${k === 1 ? 'quarter' : 'quarters'} earlier × ${pct(share)}`);
  }
  // As the model rounds: once, after multiplying the expected wins by the average won deal.
  const full = Math.round(f * avg);
  const total = series === 'toDate' ? Math.round(full * pace) : full;
  const made = `(${parts.length > 0 ? parts.join(' + ') : 'no SQO'}) × the average won deal ${o.money(Math.round(avg))}`;
  const toDate =
    series === 'toDate'
      ? `, × ${pct(pace)} (the share of a quarter's bookings usually closed by this day of the quarter)`
      : '';
  return {
    rows,
    figure,
    total,
    note:
      `A model, not a sum of these deals' amounts: ${made}${toDate}. ` +
      `The list holds the ${rows.length} SQOs it counts, each beside what the model expects of it (its lag share × the average won deal${series === 'toDate' ? ' × the pace' : ''}); ` +
      'some are already won, lost or still open, and their own amounts differ.',
  };
}
