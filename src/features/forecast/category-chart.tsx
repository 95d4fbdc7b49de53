import { ComboChart, type ComboBar } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatCount, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { DealForecastView, DealTarget } from '../../worker/api';
import type { CategoryChartRow } from './build-deal-forecast-model';
import { axisMoney, tooltipMoney } from './chart-format';
import { dealActions } from './deal-settings';

type SeriesKey = 'closed' | 'commit' | 'best_case' | 'pipeline' | 'weighted';

const SERIES: readonly { key: SeriesKey; name: string; color: string }[] = [
  { key: 'closed', name: 'Closed', color: CHART_COLORS.won },
  { key: 'commit', name: 'Commit (incl. closed)', color: CHART_COLORS.primary },
  { key: 'best_case', name: 'Best case (incl. commit)', color: CHART_COLORS.bestCase },
  { key: 'pipeline', name: 'Pipeline (incl. best case)', color: CHART_COLORS.pipeline },
  { key: 'weighted', name: 'Weighted pipeline due', color: CHART_COLORS.weightedCategory },
];

const targetOf = (key: SeriesKey, quarter: string): DealTarget =>
  key === 'weighted' ? { kind: 'due', quarter, weighted: true } : { kind: 'category', quarter, category: key };

/** Closed, commit, best case and pipeline per close quarter (cumulative), the weighted pipeline beside them, against quota. */
export function CategoryChart({ view, rows }: { view: DealForecastView; rows: readonly CategoryChartRow[] }) {
  const cur = view.currency;
  const describe = (key: SeriesKey, name: string) => (r: CategoryChartRow) =>
    `${r.quarter}, ${name}: ${formatMoney(Math.round(r[key] * 100), cur)}${key === 'weighted' ? '' : `, ${formatCount(r.counts[key])} ${r.counts[key] === 1 ? 'deal' : 'deals'}`}`;
  return (
    <ChartFrame
      title="Forecast categories by close quarter, against quota"
      units={`${cur}; cumulative as in Salesforce: commit includes closed, best case includes commit, pipeline includes best case`}
      definition={
        <>
          <p>
            Each deal has one forecast category: a won deal is <strong>Closed</strong> (in the quarter it was won), a
            lost one <strong>Omitted</strong> (in no bar); an open deal takes the category its rep recorded, or else the
            one its stage maps to (the map is below and can be edited). Open deals count in the quarter of their close
            date.
          </p>
          <p>
            The bars are <strong>cumulative</strong>, as Salesforce rolls them up: Commit = closed + commit deals; Best
            case = commit + best-case deals; Pipeline = best case + pipeline deals. Omitted deals are in none.{' '}
            <strong>Weighted pipeline due</strong>: open deals due in the quarter, not yet overdue, × p(their stage).{' '}
            {view.categories.quotaNote}
          </p>
          <p>
            {formatCount(view.categories.overrides)} open deals carry a category recorded by their rep that differs from
            their stage&apos;s; {formatCount(view.categories.leftOut)} open deals without a close date or an amount are
            in no quarter. Click a bar (or press Enter on it) to list its deals.
          </p>
        </>
      }
      csv={{
        fileName: 'forecast-categories.csv',
        header: [
          'quarter',
          'closed',
          'commit_cumulative',
          'best_case_cumulative',
          'pipeline_cumulative',
          'weighted_pipeline_due',
          'quota',
        ],
        rows: rows.map((r) => [r.quarter, r.closed, r.commit, r.best_case, r.pipeline, r.weighted, r.quota]),
      }}
    >
      <ComboChart
        rows={rows}
        xKey="label"
        xLabel="Close quarter"
        everyTick
        left={{ label: cur, tickFormat: axisMoney(cur), width: 80 }}
        bars={SERIES.map((s): ComboBar<CategoryChartRow> => ({
          ...s,
          drill: {
            describe: describe(s.key, s.name),
            action: 'list its deals',
            onSelect: (r) => dealActions.figureOpened(targetOf(s.key, r.quarter)),
          },
        }))}
        lines={[{ key: 'quota', name: 'Quota', color: CHART_COLORS.risk, dotRadius: 3 }]}
        tooltipValue={tooltipMoney(cur)}
        height={340}
        barCategoryGap="18%"
      />
    </ChartFrame>
  );
}
