/**
 * The Overview counted on opportunities, for datasets without leads linked to their deals: headline
 * figures from opportunity creation and close dates, the opportunity funnel, and the opportunity win
 * rate won ÷ (won + lost) (SPEC §5). Lead rates are null and said to be not measurable.
 */
import type { Capabilities, Capability } from '../../engine/capabilities';
import type { Dataset } from '../../engine/model/columns';
import { opportunityFunnel, opportunityWindow } from '../../engine/funnel/opportunity-funnel';
import { rateEstimate, type RateEstimate } from '../../engine/funnel/stats';
import { STAGE_PAIRS, type FunnelRates } from '../../engine/funnel/tally';
import type { FunnelStageRow } from './funnel-model';
import {
  headlineFigure,
  OPPORTUNITY_HEADLINE_KEYS,
  type HeadlineFigure,
  type HeadlineWindows,
  type OpportunityHeadlineKey,
} from './overview-headline';
import type { ResolvedScope } from './funnel-scope';

/** One bar of the Overview funnel: a lead stage, or an opportunity stage. */
export type OverviewStageRow = Pick<
  FunnelStageRow,
  'leads' | 'amountCents' | 'stepRate' | 'cumulativeRate' | 'skipped'
> & {
  /**
   * A lead stage (`lead` … `won`); in the opportunity funnel `created` (every opportunity), an open
   * stage as the data names it, and `won`.
   */
  readonly stage: string;
  /** An open opportunity stage's name as the data gives it; absent for the other bars, which the UI names. */
  readonly label?: string;
  /** The step rate with its sample and 95% interval, when computed (lead stages after the first). */
  readonly step?: FunnelStageRow['step'];
};

/** Figures of the Overview the data cannot give, and the inputs they need. */
export interface OverviewGap {
  /**
   * `pipeline`: pipeline and opportunity figures; `leadFigures`: MQLs, SQLs, MQL→SQO, SQL→SQO and the
   * lead cohort's SQO→won; `openStages`: open stages between an opportunity's creation and won.
   */
  readonly figures: 'pipeline' | 'leadFigures' | 'openStages';
  readonly needs: readonly Capability[];
}

export interface OverviewFunnel {
  /** What the bars count. */
  readonly unit: 'leads' | 'opportunities';
  /** `leads` holds the count of the row's unit. */
  readonly stages: readonly OverviewStageRow[];
  readonly won: number;
  readonly lost: number;
  /** won ÷ (won + lost) over all data in view; null when nothing closed. */
  readonly winRate: number | null;
  /** The win rate with its sample (won + lost) and 95% Wilson interval. */
  readonly win: RateEstimate;
}

export function opportunityOverview(
  ds: Dataset,
  caps: Capabilities,
  scope: ResolvedScope,
  mask: Uint8Array,
  w: HeadlineWindows,
) {
  const asOf = scope.reach.asOf;
  const cur = opportunityWindow(ds, asOf, w.curFrom, w.curTo, mask);
  const prev = opportunityWindow(ds, asOf, w.prevFrom, w.prevTo, mask);
  const values: Record<OpportunityHeadlineKey, [number | null, number | null]> = {
    opportunities: [cur.created, prev.created],
    won: [cur.won, prev.won],
    wonAmount: [cur.wonCents, prev.wonCents],
    winRate: [cur.winRate, prev.winRate],
  };
  const headline: HeadlineFigure[] = OPPORTUNITY_HEADLINE_KEYS.map((key) => headlineFigure(key, ...values[key]));
  const f = opportunityFunnel(ds, asOf, mask, caps.has.stageHistory);
  const funnel: OverviewFunnel = {
    unit: 'opportunities',
    stages: f.stages.map((s, k) => ({
      stage: s.stage,
      // Between `created` (first) and `won` (last) come the open stages, named by the data.
      ...(k > 0 && k < f.stages.length - 1 ? { label: s.label } : {}),
      leads: s.count,
      amountCents: s.amountCents,
      stepRate: s.stepRate,
      cumulativeRate: s.cumulativeRate,
      skipped: null,
    })),
    won: f.won,
    lost: f.lost,
    winRate: f.winRate,
    win: rateEstimate(f.won, f.won + f.lost),
  };
  const rates = { ...(Object.fromEntries(STAGE_PAIRS.map((p) => [p.key, null])) as FunnelRates), winRate: f.winRate };
  const leadNeeds = caps.has.leads
    ? caps.has.leadLinks
      ? ['leadStageDates' as const]
      : ['leadLinks' as const]
    : ['leads' as const];
  const gaps: OverviewGap[] = [
    { figures: 'leadFigures', needs: leadNeeds },
    ...(caps.has.stageHistory ? [] : [{ figures: 'openStages' as const, needs: ['stageHistory' as const] }]),
  ];
  return { headline, funnel, rates, gaps };
}
