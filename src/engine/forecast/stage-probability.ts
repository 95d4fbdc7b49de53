/**
 * p(stage) for the weighted pipeline (SPEC §10): of the opportunities that ever entered a stage and
 * closed in the lookback window, the share won; where fewer than `minClosed` (default 20) closed
 * deals passed through the stage, the probability the export itself records for the stage's open
 * deals (Salesforce `Probability`, HubSpot deal-stage probability: their mean); where the export
 * records none, the probability the user entered (a default until the user changes it).
 */
import type { Dataset } from '../model/columns';
import { STATUS_OPEN, STATUS_WON } from '../model/stages';
import { closedInWindow, kept, lookbackStart, type ForecastOptions } from './lookback';
import { stageAt, statusAt } from './opportunity-time';

/** Default user probabilities per open stage, as fractions 0–1 (editable). */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<string, number>> = {
  sqo: 0.1,
  discovery: 0.2,
  proposal: 0.35,
  negotiation: 0.6,
};

export const DEFAULT_MIN_CLOSED = 20;

export interface StageProbabilityOptions extends ForecastOptions {
  /** User-entered probabilities per stage name (0–1); stages not listed use the `sqo` entry. */
  readonly userProbabilities?: Readonly<Record<string, number>>;
  /** Fewest closed deals through a stage for the data's rate to be used (default 20). */
  readonly minClosed?: number;
  /** `data` (default) uses history where it suffices, else the export's, else the entered ones; `user` uses the entered probabilities only. */
  readonly source?: 'data' | 'user';
  /**
   * Whether the export's recorded probabilities may stand in for thin stage history (default true).
   * A back-test at a past instant sets false: the export holds today's probabilities, not that day's.
   */
  readonly exportProbabilities?: boolean;
}

/** The probability used for one stage and where it came from. */
export interface StageProbability {
  readonly stage: string;
  /** Closed deals (in the window) that ever entered the stage. */
  readonly closed: number;
  /** Of those, won. */
  readonly won: number;
  /** won ÷ closed; null when closed is 0. */
  readonly historical: number | null;
  /** Mean probability the export records for the open deals in the stage, 0–1; null when none records one. */
  readonly exported: number | null;
  /** Open deals in the stage whose probability the export records. */
  readonly exportedDeals: number;
  /** The probability applied, 0–1. */
  readonly p: number;
  /** Where p came from: the stage history (`data`), the export's probability (`export`) or the probability entered (`user`). */
  readonly source: ProbabilitySource;
}

export type ProbabilitySource = 'data' | 'export' | 'user';

/** How each source is named in the views and the report. */
export const SOURCE_LABEL: Readonly<Record<ProbabilitySource, string>> = {
  data: 'stage history',
  export: 'export probability',
  user: 'entered default',
};

const CLOSED_STAGES = new Set(['won', 'lost']);

/** The user's probability of a stage (the `sqo` entry for unlisted stages, else 0.1). */
export function userProbability(stage: string, user: Readonly<Record<string, number>>): number {
  return user[stage] ?? user.sqo ?? DEFAULT_STAGE_PROBABILITIES.sqo!;
}

/** Mean export probability of the open deals per stage name at asOf, with their count. */
function exportedByStage(ds: Dataset, opts: StageProbabilityOptions): Map<string, { sum: number; n: number }> {
  const O = ds.opportunities;
  const out = new Map<string, { sum: number; n: number }>();
  for (let j = 0; j < O.count; j++) {
    const p = O.probability[j]!;
    if (!Number.isFinite(p) || !kept(opts.mask, j) || statusAt(ds, j, opts.asOf) !== STATUS_OPEN) continue;
    const name = stageAt(ds, j, opts.asOf);
    const e = out.get(name) ?? { sum: 0, n: 0 };
    e.sum += p;
    e.n++;
    out.set(name, e);
  }
  return out;
}

/**
 * p(stage) for every open stage name: those of the dataset's stage dictionary and those open deals
 * are in at asOf. Stages absent from the map use `fallbackProbability`.
 */
export function stageProbabilities(ds: Dataset, opts: StageProbabilityOptions): Map<string, StageProbability> {
  const O = ds.opportunities;
  const names = O.stageNames;
  const closed = new Int32Array(names.length);
  const won = new Int32Array(names.length);
  const seen = new Int32Array(names.length).fill(-1);
  const from = lookbackStart(opts.asOf, opts.lookbackQuarters);
  const { start, stage, at } = O.history;
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j) || !closedInWindow(ds, j, opts.asOf, from)) continue;
    const isWon = statusAt(ds, j, opts.asOf) === STATUS_WON;
    for (let e = start[j]!; e < start[j + 1]!; e++) {
      const s = stage[e]!;
      if (at[e]! > opts.asOf || seen[s] === j) continue;
      seen[s] = j; // count each deal once per stage even when re-staged
      closed[s]!++;
      if (isWon) won[s]!++;
    }
  }
  const exported =
    opts.source === 'user' || opts.exportProbabilities === false
      ? new Map<string, { sum: number; n: number }>()
      : exportedByStage(ds, opts);
  const minClosed = opts.minClosed ?? DEFAULT_MIN_CLOSED;
  const out = new Map<string, StageProbability>();
  const add = (name: string, c: number, w: number) => {
    if (CLOSED_STAGES.has(name) || out.has(name)) return;
    const historical = c === 0 ? null : w / c;
    const e = exported.get(name);
    const exp = e && e.n > 0 ? e.sum / e.n : null;
    const useData = opts.source !== 'user' && c >= minClosed && historical !== null;
    const source: ProbabilitySource = useData ? 'data' : exp !== null ? 'export' : 'user';
    out.set(name, {
      stage: name,
      closed: c,
      won: w,
      historical,
      exported: exp,
      exportedDeals: e?.n ?? 0,
      p:
        source === 'data'
          ? historical!
          : source === 'export'
            ? exp!
            : userProbability(name, opts.userProbabilities ?? DEFAULT_STAGE_PROBABILITIES),
      source,
    });
  };
  names.forEach((name, s) => add(name, closed[s]!, won[s]!));
  for (const name of exported.keys()) add(name, 0, 0);
  return out;
}

/** p(stage) of a stage no deal passed through and no export records: the entered probability. */
export function fallbackProbability(stage: string, opts: StageProbabilityOptions): StageProbability {
  return {
    stage,
    closed: 0,
    won: 0,
    historical: null,
    exported: null,
    exportedDeals: 0,
    p: userProbability(stage, opts.userProbabilities ?? DEFAULT_STAGE_PROBABILITIES),
    source: 'user',
  };
}

/** A lookup of p(stage) by stage name, falling back to the entered probability. */
export function probabilityLookup(ds: Dataset, opts: StageProbabilityOptions): (stage: string) => StageProbability {
  const table = stageProbabilities(ds, opts);
  return (stage) => table.get(stage) ?? fallbackProbability(stage, opts);
}
