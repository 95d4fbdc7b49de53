/**
 * Report key `forecast`: forecast categories per quarter (cumulative, as Salesforce rolls them up),
 * the current quarter's pipeline waterfall, slippage and stalled deals. Figures that need the deal
 * history are `null` when the data has none, with the reason under `forecast.notMeasurable`. Money
 * in currency units (cents ÷ 100).
 */
import { forecastCategories } from '../../engine/forecast/categories';
import { hasDealHistory } from '../../engine/forecast/deal-history';
import { quarterWaterfall, WATERFALL_STEPS } from '../../engine/forecast/deal-waterfall';
import { pipelineByQuarter } from '../../engine/forecast/pipeline';
import { slippage } from '../../engine/forecast/slippage';
import { stalledDeals } from '../../engine/forecast/stalled';
import { opportunityMask } from '../../engine/filters/filters';
import { quarterOf } from '../../engine/time';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

export const NO_HISTORY =
  'needs deal history: opportunity_history.csv, or Salesforce OpportunityHistory / OpportunityFieldHistory';

const units = (cents: number): number => cents / 100;
const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
const pct = (r: number | null): string => (r === null ? 'no closed deal' : `${(r * 100).toFixed(1)}%`);

function compute(ctx: DatasetContext) {
  const { dataset: ds, asOf } = ctx;
  const mask = opportunityMask(ds, {});
  const history = hasDealHistory(ds);
  const quarter = quarterOf(asOf, ds.meta.fiscalYearStartMonth);
  return {
    history,
    quarter,
    categories: forecastCategories(ds, { asOf, mask }),
    weighted: new Map(pipelineByQuarter(ds, { asOf, mask }).quarters.map((q) => [q.quarter, q.weightedDueCents])),
    waterfall: history ? quarterWaterfall(ds, quarter, asOf, mask) : null,
    slippage: history ? slippage(ds, { asOf, mask }) : null,
    stalled: stalledDeals(ds, { asOf, mask }),
  };
}

const cache = new WeakMap<DatasetContext, ReturnType<typeof compute>>();
function figures(ctx: DatasetContext) {
  let f = cache.get(ctx);
  if (!f) cache.set(ctx, (f = compute(ctx)));
  return f;
}

export const dealForecastSection: ReportSection = {
  json(ctx) {
    const f = figures(ctx);
    const w = f.waterfall;
    const s = f.slippage;
    return {
      forecast: {
        categories: Object.fromEntries(
          f.categories.quarters.map((q) => [
            q.quarter,
            {
              closed: units(q.closedCents),
              commit: units(q.commitCents),
              bestCase: units(q.bestCaseCents),
              pipeline: units(q.pipelineCents),
              omitted: units(q.own.omitted.cents),
              quota: q.quotaCents === null ? null : units(q.quotaCents),
              weighted: units(f.weighted.get(q.quarter) ?? 0),
            },
          ]),
        ),
        categoryOverrides: f.categories.overrides,
        waterfall:
          w === null
            ? null
            : {
                quarter: w.quarter,
                from: new Date(w.from).toISOString(),
                to: new Date(w.to).toISOString(),
                ...Object.fromEntries(
                  WATERFALL_STEPS.map((k) => [k, { count: w.steps[k].count, amount: units(w.steps[k].cents) }]),
                ),
                unknownAmount: w.unknownAmount,
              },
        slippage:
          s === null
            ? null
            : {
                pushedDeals: s.pushedDeals,
                pushedTwiceDeals: s.pushedTwiceDeals,
                pulledInDeals: s.pulledInDeals,
                deals: s.deals,
                pushes: s.pushes,
                daysPushed: round1(s.daysPushed),
                meanDaysPerPush: round1(s.meanDaysPerPush),
                winRatePushed: s.winRatePushed,
                winRateNeverPushed: s.winRateNeverPushed,
              },
        stalled: f.stalled.map((x) => ({
          stage: x.stage,
          open: x.open,
          p75Days: round1(x.p75Days),
          stalled: x.stalled.length,
          completedStays: x.stays,
        })),
        ...(!f.history && { notMeasurable: { waterfall: NO_HISTORY, slippage: NO_HISTORY } }),
      },
    };
  },
  text(ctx) {
    const f = figures(ctx);
    const cur = ctx.dataset.meta.currency;
    const money = (cents: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: cur, maximumFractionDigits: 0 }).format(
        cents / 100,
      );
    const q = f.categories.quarters.find((x) => x.quarter === f.quarter);
    const lines = [
      q
        ? `Forecast ${q.quarter} (cumulative): closed ${money(q.closedCents)}, commit ${money(q.commitCents)}, best case ${money(q.bestCaseCents)}, pipeline ${money(q.pipelineCents)}${q.quotaCents === null ? '' : `, quota ${money(q.quotaCents)}`}`
        : `Forecast ${f.quarter}: no deal closed or due`,
    ];
    if (f.waterfall && f.slippage) {
      const st = f.waterfall.steps;
      lines.push(
        `  Waterfall ${f.waterfall.quarter}: start ${money(st.start.cents)} + new ${money(st.created.cents)} + pulled in ${money(st.pulledIn.cents)} − pushed out ${money(st.pushedOut.cents)} + up ${money(st.amountUp.cents)} − down ${money(st.amountDown.cents)} − won ${money(st.won.cents)} − lost ${money(st.lost.cents)} = end ${money(st.end.cents)}`,
        `  Slippage: ${f.slippage.pushedDeals} of ${f.slippage.deals} deals pushed (${f.slippage.pushedTwiceDeals} more than once); win rate pushed ${pct(f.slippage.winRatePushed)} vs never pushed ${pct(f.slippage.winRateNeverPushed)}`,
      );
    } else lines.push(`  Waterfall and slippage: not measurable — ${NO_HISTORY}`);
    return lines;
  },
};
