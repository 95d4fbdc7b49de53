import { useQuery } from '@tanstack/react-query';
import type { Filters } from '../../engine/filters/filters';
import { formatCount, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState, Loading } from '../../ui/states';
import type { ForecastSettings } from '../../worker/api';
import { buildCategoryRows, buildDealWaterfallRows } from './build-deal-forecast-model';
import { CategoryChart } from './category-chart';
import { DealListPanel } from './deal-list-panel';
import { dealActions, useDealTarget, useStageCategories } from './deal-settings';
import { DealWaterfallChart } from './deal-waterfall-chart';
import { dealForecastQuery } from './queries';
import { useWaterfallQuarter } from './settings';
import { SlippageCard } from './slippage-card';
import { StageCategoryMap } from './stage-category-map';

export interface DealForecastSectionProps {
  readonly version: number;
  readonly filters: Filters;
  readonly settings: ForecastSettings;
  /** Open pipeline of the headline, to list its deals. */
  readonly open: { readonly count: number; readonly cents: number } | null;
}

/** The forecast from the deal history: categories, the waterfall, slippage, stalled deals and the deals behind each. */
export function DealForecastSection({ version, filters, settings, open }: DealForecastSectionProps) {
  const stageCategories = useStageCategories();
  const quarter = useWaterfallQuarter();
  const target = useDealTarget();
  const q = useQuery({
    ...dealForecastQuery(version, { filters, settings, stageCategories, quarter }),
    enabled: version > 0,
  });
  const v = q.data;
  if (q.error)
    return <ErrorState title="The forecast categories and the waterfall could not be computed" error={q.error} />;
  if (!v) return <Loading label="Replaying the deal history…" />;
  const cur = v.currency;
  return (
    <>
      <CategoryChart view={v} rows={buildCategoryRows(v.categories.quarters)} />
      <div className="fc-pipeline-drill">
        <StageCategoryMap stages={v.stageCategories} />
        {open ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => dealActions.figureOpened({ kind: 'open' })}
          >
            List the open pipeline: {formatCount(open.count)} deals, {formatMoney(open.cents, cur)}
          </button>
        ) : null}
      </div>
      {v.waterfall ? (
        <DealWaterfallChart view={v.waterfall} rows={buildDealWaterfallRows(v.waterfall)} currency={cur} />
      ) : (
        <ChartFrame
          kind="table"
          title="Pipeline waterfall"
          definition={<p>The waterfall replays each deal&apos;s recorded changes of close date, amount and stage.</p>}
        >
          <p className="muted" data-testid="waterfall-not-measurable">
            Start, new, pulled in, pushed out, amount up and down, won, lost and end: {v.notMeasurable.waterfall}
          </p>
        </ChartFrame>
      )}
      <SlippageCard view={v} />
      {target ? (
        <DealListPanel
          version={version}
          filters={filters}
          settings={settings}
          stageCategories={stageCategories}
          target={target}
        />
      ) : null}
    </>
  );
}
