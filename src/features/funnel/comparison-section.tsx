import { RateBarChart } from '../../charts/rate-bar-chart';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { benchmarksFor, comparisonRows } from './build-funnel-view';
import { funnelActions, type ComparedRate, type FunnelParams } from './funnel-params';

/** MQL→SQO or SQL→SQO of the largest groups of the breakdown, across quarters, with benchmarks. */
export function ComparisonSection({ vm, params }: { vm: FunnelViewModel; params: FunnelParams }) {
  const { rows, series, csv } = comparisonRows(vm, params.compare, params.minSample);
  const label = params.compare === 'mqlToSqo' ? 'MQL→SQO' : 'SQL→SQO';
  const dim = vm.breakdown.dimension;
  const onSelect = (quarter: string, key: string) => {
    const group = vm.breakdown.comparison[Number(key.slice(1))]!;
    funnelActions.barClicked(
      vm.basis === 'cohort'
        ? {
            target: { kind: 'cohort', pair: params.compare, period: quarter, outcome: 'entered', windowDays: vm.windowDays },
            group: { dimension: dim.id, label: group.label },
            title: `${label}: ${params.compare === 'mqlToSqo' ? 'MQL' : 'SQL'}s of ${quarter}, ${dim.label} ${group.label}`,
          }
        : { target: { kind: 'entries', stage: 'sqo', period: quarter }, group: { dimension: dim.id, label: group.label }, title: `SQO entries in ${quarter}, ${dim.label} ${group.label}` },
    );
  };
  return (
    <ChartFrame
      title={`${label} by ${dim.label.toLowerCase()} and quarter`}
      units={`% (${vm.basis} conversion), the ${series.length} largest groups by leads`}
      csv={csv}
      controls={
        <label className="funnel-controls__field">
          <span>Rate</span>
          <select value={params.compare} onChange={(e) => funnelActions.optionChanged({ compare: e.target.value as ComparedRate })}>
            <option value="mqlToSqo">MQL→SQO</option>
            <option value="sqlToSqo">SQL→SQO</option>
          </select>
        </label>
      }
      definition={
        <p>
          {vm.basis === 'cohort'
            ? `Of each group's leads that entered ${label.split('→')[0]} in the quarter, the share that reached SQO${vm.windowDays ? ` within ${vm.windowDays} days` : ''}. Pale bars are immature cohorts.`
            : `SQO entries ÷ ${label.split('→')[0]} entries of each group in the quarter (period conversion, mixes cohorts).`}{' '}
          Groups are the {series.length} largest by leads in view; every group is in the breakdown table below. Reference lines are published benchmarks, labelled with their source. Click a bar for its leads.
        </p>
      }
    >
      <RateBarChart rows={rows} series={series} xLabel="Quarter" yLabel={`${label} (%)`} benchmarks={params.compare === 'sqlToSqo' ? benchmarksFor(vm, 'sqlToSqo') : []} onSelect={onSelect} height={340} />
    </ChartFrame>
  );
}
