/**
 * Forecast categories (SPEC §6): Pipeline, Best case, Commit, Closed won, Omitted. A won deal is
 * Closed, a lost one Omitted; an open deal takes the category its rep recorded (the per-deal
 * override, from the deal history or the deal's own category) or else the one its stage maps to.
 * Per close quarter the roll-up is cumulative, as in Salesforce: Commit includes Closed, Best case
 * includes Commit, Pipeline includes Best case; Omitted stays apart.
 */
import type { Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON, type ForecastCategory } from '../model/stages';
import { quarterOf } from '../time';
import { dealStateAt } from './deal-history';
import { kept, type ForecastOptions } from './lookback';
import { closedAt } from './opportunity-time';

/** Default stage → category map (editable); stages it does not name are Pipeline. */
export const DEFAULT_STAGE_CATEGORIES: Readonly<Record<string, ForecastCategory>> = {
  sqo: 'pipeline',
  discovery: 'pipeline',
  proposal: 'best_case',
  negotiation: 'commit',
  won: 'closed',
  lost: 'omitted',
};

export interface CategoryOptions extends ForecastOptions {
  /** Stage name → category; replaces the default map where given. */
  readonly stageCategories?: Readonly<Record<string, ForecastCategory>>;
}

/** Where a deal's category came from. */
export type CategorySource = 'status' | 'recorded' | 'stage';

/** The category of deal j at `t` and where it came from; undefined before the deal exists. */
export function categoryAt(
  ds: Dataset,
  j: number,
  t: number,
  map: Readonly<Record<string, ForecastCategory>> = DEFAULT_STAGE_CATEGORIES,
): { category: ForecastCategory; source: CategorySource } | undefined {
  const s = dealStateAt(ds, j, t);
  if (s.status === STATUS_WON) return { category: 'closed', source: 'status' };
  if (s.status === STATUS_LOST) return { category: 'omitted', source: 'status' };
  if (s.status !== STATUS_OPEN) return undefined;
  if (s.forecastCategory !== undefined && s.forecastCategory !== 'closed')
    return { category: s.forecastCategory, source: 'recorded' };
  return { category: map[s.stage] ?? DEFAULT_STAGE_CATEGORIES[s.stage] ?? 'pipeline', source: 'stage' };
}

/** Deals (row indexes) and their amount. */
export interface DealSet {
  readonly count: number;
  /** Integer cents. */
  readonly cents: number;
  readonly deals: readonly number[];
}

export interface CategoryQuarter {
  readonly quarter: string;
  /** Each category on its own (not cumulative): won deals closed in the quarter, open deals due in it. */
  readonly own: Readonly<Record<ForecastCategory, DealSet>>;
  /** Cumulative, as Salesforce rolls them up (cents). */
  readonly closedCents: number;
  readonly commitCents: number;
  readonly bestCaseCents: number;
  readonly pipelineCents: number;
  readonly quotaCents: number | null;
}

export interface CategoryForecast {
  readonly quarters: readonly CategoryQuarter[];
  /** Open deals whose recorded category differs from their stage's. */
  readonly overrides: number;
  /** Open deals without a close date, or with an unknown amount: in no quarter's sums. */
  readonly leftOut: number;
}

const emptySet = (): { count: number; cents: number; deals: number[] } => ({ count: 0, cents: 0, deals: [] });

/** Categories per close quarter at `opts.asOf`: every quarter with a quota, a won deal or an open one due. */
export function forecastCategories(ds: Dataset, opts: CategoryOptions): CategoryForecast {
  const O = ds.opportunities;
  const fy = ds.meta.fiscalYearStartMonth;
  const map = { ...DEFAULT_STAGE_CATEGORIES, ...opts.stageCategories };
  const byQuarter = new Map<string, Record<ForecastCategory, ReturnType<typeof emptySet>>>();
  const slot = (q: string) => {
    let s = byQuarter.get(q);
    if (!s)
      byQuarter.set(
        q,
        (s = {
          pipeline: emptySet(),
          best_case: emptySet(),
          commit: emptySet(),
          closed: emptySet(),
          omitted: emptySet(),
        }),
      );
    return s;
  };
  for (const q of ds.quotas.keys()) slot(q);
  let overrides = 0;
  let leftOut = 0;
  for (let j = 0; j < O.count; j++) {
    if (!kept(opts.mask, j)) continue;
    const c = categoryAt(ds, j, opts.asOf, map);
    if (c === undefined) continue;
    const s = dealStateAt(ds, j, opts.asOf);
    const when = s.status === STATUS_OPEN ? s.closeDate : closedAt(ds, j);
    if (!Number.isFinite(when) || !Number.isFinite(s.amountCents)) {
      if (s.status === STATUS_OPEN) leftOut++;
      continue;
    }
    if (c.source === 'recorded' && c.category !== (map[s.stage] ?? 'pipeline')) overrides++;
    // Lost deals are Omitted but not part of any quarter's forecast.
    if (s.status === STATUS_LOST) continue;
    const set = slot(quarterOf(when, fy))[c.category];
    set.count++;
    set.cents += s.amountCents;
    set.deals.push(j);
  }
  const quarters = [...byQuarter.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([quarter, own]) => {
      const closedCents = own.closed.cents;
      const commitCents = closedCents + own.commit.cents;
      const bestCaseCents = commitCents + own.best_case.cents;
      return {
        quarter,
        own,
        closedCents,
        commitCents,
        bestCaseCents,
        pipelineCents: bestCaseCents + own.pipeline.cents,
        quotaCents: ds.quotas.get(quarter) ?? null,
      };
    });
  return { quarters, overrides, leftOut };
}
