/**
 * Open pipeline, weighted pipeline and expected bookings (SPEC §6), in total, by stage and by close
 * quarter. Money is integer cents; the weighted sum is exact until its final rounding to the cent.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_OPEN, STATUS_WON } from '../model/stages';
import { quarterOf } from '../time';
import { historicalRates, kept, type HistoricalRates } from './lookback';
import { closedAt, isOverdue, stageAt, statusAt } from './opportunity-time';
import { probabilityLookup, type StageProbability, type StageProbabilityOptions } from './stage-probability';

export interface StagePipeline {
  readonly stage: string;
  readonly count: number;
  /** Open amount in the stage, integer cents. */
  readonly openCents: number;
  /** openCents × p, rounded to the cent. */
  readonly weightedCents: number;
  readonly probability: StageProbability;
}

export interface PipelineSummary {
  /** Open opportunities at asOf. */
  readonly openCount: number;
  /** Σ amount of open opportunities, integer cents. */
  readonly openCents: number;
  /** Σ amount × p(stage), rounded to the cent once. */
  readonly weightedCents: number;
  /** Expected bookings: the weighted pipeline (cents). */
  readonly expectedBookingsCents: number;
  /** Open pipeline × the lookback win rate (cents); null when no deal closed in the lookback. */
  readonly pipelineTimesWinRateCents: number | null;
  readonly rates: HistoricalRates;
  readonly byStage: readonly StagePipeline[];
}

export function pipelineSummary(ds: Dataset, opts: StageProbabilityOptions): PipelineSummary {
  const O = ds.opportunities;
  const pOf = probabilityLookup(ds, opts);
  const stages = new Map<string, { count: number; openCents: number; weighted: number }>();
  let openCount = 0;
  let openCents = 0;
  let weighted = 0;
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j) || statusAt(ds, j, opts.asOf) !== STATUS_OPEN) continue;
    const stage = stageAt(ds, j, opts.asOf);
    const amount = summableCents(O.amountCents[j]!);
    const w = amount * pOf(stage).p;
    openCount++;
    openCents += amount;
    weighted += w;
    const s = stages.get(stage) ?? { count: 0, openCents: 0, weighted: 0 };
    s.count++;
    s.openCents += amount;
    s.weighted += w;
    stages.set(stage, s);
  }
  const rates = historicalRates(ds, opts);
  const order = (name: string) => {
    const k = O.stageNames.indexOf(name);
    return k < 0 ? Infinity : k;
  };
  const byStage = [...stages.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([stage, s]) => ({
      stage,
      count: s.count,
      openCents: s.openCents,
      weightedCents: Math.round(s.weighted),
      probability: pOf(stage),
    }));
  const weightedCents = Math.round(weighted);
  return {
    openCount,
    openCents,
    weightedCents,
    expectedBookingsCents: weightedCents,
    pipelineTimesWinRateCents: rates.winRate === null ? null : Math.round(openCents * rates.winRate),
    rates,
    byStage,
  };
}

/** Pipeline and bookings of one fiscal quarter. */
export interface QuarterPipeline {
  readonly quarter: string;
  /** Open deals whose close date falls in the quarter, cents. */
  readonly openDueCents: number;
  readonly openDueCount: number;
  /** The same weighted by p(stage), cents. */
  readonly weightedDueCents: number;
  /** Won deals with close date in the quarter (by asOf), cents. */
  readonly wonCents: number;
  /** Quota of the quarter in cents; null when the plan has none. */
  readonly quotaCents: number | null;
}

/** Open deals set apart from the quarters: rows, count and amount (integer cents). */
export interface DealSet {
  readonly rows: readonly number[];
  readonly count: number;
  readonly cents: number;
}

export interface PipelineByQuarter {
  readonly quarters: QuarterPipeline[];
  readonly undatedCount: number;
  readonly undatedCents: number;
  /** Open deals whose close date has passed at asOf: overdue, in no quarter. */
  readonly overdue: DealSet;
}

/**
 * Open, weighted and won amounts per close quarter, for every quarter that has a quota, an open
 * deal due or a won deal. Open deals without a close date are left out (counted in `undated`), and
 * so are open deals whose close date has passed (`overdue`): they are due in no quarter.
 */
export function pipelineByQuarter(
  ds: Dataset,
  opts: StageProbabilityOptions,
  /** The quotas to compare with (see `quotaScope`); null: none, the selection has no quota of its own. */
  quotas: ReadonlyMap<string, number> | null = ds.quotas,
): PipelineByQuarter {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const pOf = probabilityLookup(ds, opts);
  const acc = new Map<string, { open: number; count: number; weighted: number; won: number }>();
  const slot = (q: string) => {
    let s = acc.get(q);
    if (!s) acc.set(q, (s = { open: 0, count: 0, weighted: 0, won: 0 }));
    return s;
  };
  for (const q of quotas?.keys() ?? []) slot(q);
  let undatedCount = 0;
  let undatedCents = 0;
  const overdueRows: number[] = [];
  let overdueCents = 0;
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j)) continue;
    const status = statusAt(ds, j, opts.asOf);
    const amount = summableCents(O.amountCents[j]!);
    if (status === STATUS_OPEN) {
      const close = O.closeDate[j]!;
      if (!Number.isFinite(close)) {
        undatedCount++;
        undatedCents += amount;
        continue;
      }
      if (isOverdue(close, opts.asOf)) {
        overdueRows.push(j);
        overdueCents += amount;
        continue;
      }
      const s = slot(quarterOf(close, fy));
      s.open += amount;
      s.count++;
      s.weighted += amount * pOf(stageAt(ds, j, opts.asOf)).p;
    } else if (status === STATUS_WON) {
      const c = closedAt(ds, j);
      if (Number.isFinite(c)) slot(quarterOf(c, fy)).won += amount;
    }
  }
  const quarters = [...acc.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([quarter, s]) => ({
      quarter,
      openDueCents: s.open,
      openDueCount: s.count,
      weightedDueCents: Math.round(s.weighted),
      wonCents: s.won,
      quotaCents: quotas?.get(quarter) ?? null,
    }));
  return {
    quarters,
    undatedCount,
    undatedCents,
    overdue: { rows: overdueRows, count: overdueRows.length, cents: overdueCents },
  };
}
