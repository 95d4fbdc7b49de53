/**
 * The figures of one detector: how many opportunities it flags, the pipeline value involved, and
 * the flagged cohort's win rate beside the clean cohort's.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../model/stages';
import { statusAt } from '../forecast/opportunity-time';

export interface CohortWinRate {
  readonly won: number;
  /** Won + lost by asOf. */
  readonly closed: number;
  /** won ÷ closed; null when nothing closed. */
  readonly winRate: number | null;
}

export interface DetectorFigures {
  /** Opportunities the detector looked at (created by asOf, inside the filters). */
  readonly considered: number;
  /** Flagged opportunities. */
  readonly count: number;
  /** Σ amount of flagged opportunities, any status, integer cents. */
  readonly amountCents: number;
  /** Σ amount of flagged opportunities still open at asOf, cents. */
  readonly openAmountCents: number;
  readonly flagged: CohortWinRate;
  readonly clean: CohortWinRate;
  /** Row indexes of the flagged opportunities, in dataset order. */
  readonly rows: Int32Array;
}

const rate = (won: number, closed: number): CohortWinRate => ({
  won,
  closed,
  winRate: closed === 0 ? null : won / closed,
});

/** Figures of a detector's flags over the opportunities kept by `mask` and created by `asOf`. */
export function detectorFigures(ds: Dataset, flags: Uint8Array, asOf: number, mask?: Uint8Array): DetectorFigures {
  const O = ds.opportunities;
  let considered = 0;
  let amount = 0;
  let open = 0;
  const won = [0, 0];
  const closed = [0, 0];
  const rows: number[] = [];
  for (let j = 0; j < O.count; j++) {
    if (mask && !mask[j]) continue;
    const s = statusAt(ds, j, asOf);
    if (s < 0) continue;
    considered++;
    const f = flags[j] ? 1 : 0;
    if (f) {
      rows.push(j);
      amount += summableCents(O.amountCents[j]!);
      if (s === STATUS_OPEN) open += summableCents(O.amountCents[j]!);
    }
    if (s === STATUS_WON) won[f]!++;
    if (s === STATUS_WON || s === STATUS_LOST) closed[f]!++;
  }
  return {
    considered,
    count: rows.length,
    amountCents: amount,
    openAmountCents: open,
    flagged: rate(won[1]!, closed[1]!),
    clean: rate(won[0]!, closed[0]!),
    rows: Int32Array.from(rows),
  };
}
