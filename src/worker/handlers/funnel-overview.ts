/**
 * The Overview's view-model: headline figures for the quarter to date beside the same stretch of
 * the previous quarter (so a half-finished quarter is not set against a whole one), and the funnel.
 */
import type { Dataset } from '../../engine/model/columns';
import { tallyFunnel, type FunnelRates } from '../../engine/funnel/tally';
import { windowCounts, type WindowCounts } from '../../engine/funnel/window-counts';
import { addQuarters, isoDate, quarterEnd, quarterOf, quarterStart } from '../../engine/time';
import { stageRows, type FunnelStageRow } from './funnel-model';
import type { ResolvedScope } from './funnel-scope';

export type HeadlineKey = 'leads' | 'mqls' | 'sqls' | 'sqos' | 'won' | 'wonAmount' | 'mqlToSqo' | 'winRate';

export interface HeadlineFigure {
  readonly key: HeadlineKey;
  readonly label: string;
  /** `count` leads, `money` integer cents, `rate` a fraction 0–1 (MQL→SQO here may exceed 1). */
  readonly kind: 'count' | 'money' | 'rate';
  readonly current: number | null;
  readonly previous: number | null;
  /**
   * Counts and money: relative change (current − previous) ÷ previous, null when previous is 0.
   * Rates: the difference in fraction points (0.05 = 5 percentage points), null when either is null.
   */
  readonly change: number | null;
  readonly definition: string;
}

export interface OverviewWindow {
  readonly label: string;
  /** ISO days, both inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface OverviewModel {
  readonly asOf: string;
  readonly currency: string;
  readonly current: OverviewWindow;
  readonly previous: OverviewWindow;
  readonly headline: readonly HeadlineFigure[];
  readonly stages: readonly FunnelStageRow[];
  readonly rates: FunnelRates;
}

const DEFINITIONS: Record<HeadlineKey, [string, HeadlineFigure['kind'], string]> = {
  leads: ['Leads', 'count', 'Leads created in the window (bots excluded).'],
  mqls: ['MQLs', 'count', 'Leads that first entered MQL in the window (inclusive mode: a later stage implies MQL).'],
  sqls: ['SQLs', 'count', 'Leads that first entered SQL in the window.'],
  sqos: ['SQOs', 'count', 'Leads that first became an SQO (opportunity) in the window.'],
  won: ['Won', 'count', 'Leads won in the window (won opportunity closed, or a won date).'],
  wonAmount: ['Won amount', 'money', 'Amount of the won opportunities of the leads won in the window.'],
  mqlToSqo: ['MQL→SQO (period)', 'rate', 'SQO entries ÷ MQL entries in the window: a period conversion that mixes cohorts.'],
  winRate: ['Win rate', 'rate', 'Won ÷ (won + lost) of the deals closed in the window.'],
};

function valueOf(key: HeadlineKey, w: WindowCounts, wonCents: number): number | null {
  switch (key) {
    case 'leads': return w.entries.lead;
    case 'mqls': return w.entries.mql;
    case 'sqls': return w.entries.sql;
    case 'sqos': return w.entries.sqo;
    case 'won': return w.entries.won;
    case 'wonAmount': return wonCents;
    case 'mqlToSqo': return w.mqlToSqo;
    case 'winRate': return w.winRate;
  }
}

function wonCentsIn(scope: ResolvedScope, from: number, to: number): number {
  const { reach } = scope;
  let sum = 0;
  for (let i = 0; i < reach.inScope.length; i++) {
    const t = reach.at.won[i]!;
    if (reach.inScope[i] && reach.reached.won[i] && t >= from && t < to) sum += reach.wonCents[i]!;
  }
  return sum;
}

export function buildOverviewModel(ds: Dataset, scope: ResolvedScope): OverviewModel {
  const fy = ds.meta.fiscalYearStartMonth;
  const asOf = scope.reach.asOf;
  const q = quarterOf(asOf, fy);
  const curFrom = quarterStart(q, fy);
  const curTo = asOf + 1;
  const prevQ = addQuarters(q, -1, fy);
  const prevFrom = quarterStart(prevQ, fy);
  const prevTo = Math.min(quarterEnd(prevQ, fy), prevFrom + (curTo - curFrom));
  const cur = windowCounts(scope.reach, curFrom, curTo);
  const prev = windowCounts(scope.reach, prevFrom, prevTo);
  const curWon = wonCentsIn(scope, curFrom, curTo);
  const prevWon = wonCentsIn(scope, prevFrom, prevTo);
  const headline = (Object.keys(DEFINITIONS) as HeadlineKey[]).map((key): HeadlineFigure => {
    const [label, kind, definition] = DEFINITIONS[key];
    const current = valueOf(key, cur, curWon);
    const previous = valueOf(key, prev, prevWon);
    let change: number | null = null;
    if (current !== null && previous !== null) {
      if (kind === 'rate') change = current - previous;
      else if (previous !== 0) change = (current - previous) / previous;
    }
    return { key, label, kind, current, previous, change, definition };
  });
  const total = tallyFunnel(scope.reach);
  return {
    asOf: scope.asOf,
    currency: ds.meta.currency,
    current: { label: `${q} to date`, from: isoDate(curFrom), to: isoDate(asOf) },
    previous: { label: `${prevQ}, same days`, from: isoDate(prevFrom), to: isoDate(prevTo - 1) },
    headline,
    stages: stageRows(ds, scope, total),
    rates: total.rates,
  };
}
