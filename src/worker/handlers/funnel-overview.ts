/**
 * The Overview's view-model: headline figures for the quarter to date beside the same stretch of
 * the previous quarter (so a half-finished quarter is not set against a whole one), and the funnel.
 * A dataset whose opportunities are not linked to leads (or that has no leads) is counted on its
 * opportunities: created, won, won amount and the opportunity win rate (SPEC §5).
 */
import { datasetCapabilities, type FunnelBasis } from '../../engine/capabilities';
import { opportunityMask, type Filters } from '../../engine/filters/filters';
import type { Dataset } from '../../engine/model/columns';
import { tallyFunnel, type FunnelRates } from '../../engine/funnel/tally';
import { windowCounts } from '../../engine/funnel/window-counts';
import { isoDate } from '../../engine/time';
import { stageRows } from './funnel-model';
import { opportunityOverview, type OverviewFunnel, type OverviewGap } from './funnel-overview-opps';
import type { ResolvedScope } from './funnel-scope';
import {
  headlineFigure,
  headlineWindows,
  LEAD_HEADLINE_KEYS,
  type HeadlineFigure,
  type HeadlineKey,
  type LeadHeadlineKey,
} from './overview-headline';

export type { HeadlineFigure, HeadlineKey };

/** A stretch of days the headline counts: a quarter from its first day, to date or to a cut-off. */
export interface OverviewWindow {
  /** Fiscal quarter label, e.g. `2026-Q3`. */
  readonly quarter: string;
  /**
   * Current window: true when the date filter ends before the as-of date and so ends the window.
   * Previous window: always false (it spans the same number of days as the current one).
   */
  readonly clipped: boolean;
  /** ISO days, both inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface OverviewModel {
  readonly asOf: string;
  readonly currency: string;
  /** What the figures count: leads, or opportunities (no leads, or leads not linked to deals). */
  readonly basis: FunnelBasis;
  readonly current: OverviewWindow;
  readonly previous: OverviewWindow;
  readonly headline: readonly HeadlineFigure[];
  /** The funnel of all data in view, its rates and its win rate with the closed deals behind it. */
  readonly funnel: OverviewFunnel;
  /** Lead funnel rates; in the opportunity basis every lead rate is null (see `notes`). */
  readonly rates: FunnelRates;
  /** Figures the data cannot give, each with what it needs. */
  readonly gaps: readonly OverviewGap[];
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

export function buildOverviewModel(ds: Dataset, scope: ResolvedScope, filters: Filters = {}): OverviewModel {
  const caps = datasetCapabilities(ds);
  const asOf = scope.reach.asOf;
  const w = headlineWindows(ds, asOf, filters);
  const windows: { current: OverviewWindow; previous: OverviewWindow } = {
    current: { quarter: w.quarter, clipped: w.clipped, from: isoDate(w.curFrom), to: isoDate(w.curTo - 1) },
    previous: { quarter: w.prevQuarter, clipped: false, from: isoDate(w.prevFrom), to: isoDate(w.prevTo - 1) },
  };
  if (caps.basis === 'opportunities') {
    const o = opportunityOverview(ds, caps, scope, opportunityMask(ds, filters), w);
    return { asOf: scope.asOf, currency: ds.meta.currency, basis: 'opportunities', ...windows, ...o };
  }
  const cur = windowCounts(scope.reach, w.curFrom, w.curTo);
  const prev = windowCounts(scope.reach, w.prevFrom, w.prevTo);
  const curWon = wonCentsIn(scope, w.curFrom, w.curTo);
  const prevWon = wonCentsIn(scope, w.prevFrom, w.prevTo);
  const values: Record<LeadHeadlineKey, [number | null, number | null]> = {
    leads: [cur.entries.lead, prev.entries.lead],
    mqls: [cur.entries.mql, prev.entries.mql],
    sqls: [cur.entries.sql, prev.entries.sql],
    sqos: [cur.entries.sqo, prev.entries.sqo],
    won: [cur.entries.won, prev.entries.won],
    wonAmount: [curWon, prevWon],
    mqlToSqo: [cur.mqlToSqo, prev.mqlToSqo],
    winRate: [cur.winRate, prev.winRate],
  };
  const headline = LEAD_HEADLINE_KEYS.map((key) => headlineFigure(key, ...values[key]));
  const total = tallyFunnel(scope.reach);
  return {
    asOf: scope.asOf,
    currency: ds.meta.currency,
    basis: 'leads',
    ...windows,
    headline,
    funnel: {
      unit: 'leads',
      stages: stageRows(ds, scope, total),
      won: total.counts.won,
      lost: total.counts.lost,
      winRate: total.rates.winRate,
      win: total.estimates.winRate,
    },
    rates: total.rates,
    gaps: caps.has.opportunities ? [] : [{ figures: 'pipeline', needs: ['opportunities'] }],
  };
}
