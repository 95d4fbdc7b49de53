import { RateBarChart } from '../../charts/rate-bar-chart';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { benchmarksFor, smallNote, winRateRows } from './build-funnel-view';
import { funnelActions, type FunnelParams } from './funnel-params';

/** Win rate with both denominators, by quarter, against the SQO→won benchmarks. */
export function WinRateSection({ vm, params }: { vm: FunnelViewModel; params: FunnelParams }) {
  const { rows, series, csv } = winRateRows(vm, params.minSample);
  const onSelect = (quarter: string, key: string) =>
    funnelActions.barClicked(
      key === 'closed'
        ? { target: { kind: 'entries', stage: 'won', period: quarter }, title: `Won in ${quarter}` }
        : vm.basis === 'cohort'
          ? {
              target: {
                kind: 'cohort',
                pair: 'sqoToWon',
                period: quarter,
                outcome: 'entered',
                windowDays: vm.windowDays,
              },
              title: `SQOs of ${quarter}`,
            }
          : { target: { kind: 'entries', stage: 'sqo', period: quarter }, title: `SQO entries in ${quarter}` },
    );
  return (
    <ChartFrame
      title="Win rate by quarter, both denominators"
      units="% of closed deals; % of SQOs created"
      csv={csv}
      definition={
        <p>
          Green: won ÷ (won + lost) of the deals closed in the quarter. Blue: of the SQOs created in the quarter, the
          share won
          {vm.basis === 'cohort'
            ? ' (cohort; pale while immature — many are still open)'
            : ' (period: wins in the quarter ÷ SQOs created in it)'}
          . Counted per lead: a lead whose opportunity is won is won. A quarter with fewer than {params.minSample}{' '}
          closed deals (or SQOs) is hatched and labelled with its n; tooltips give the 95% Wilson interval. The band and
          line are published SQO→won benchmarks with their sources.
        </p>
      }
    >
      <RateBarChart
        rows={rows}
        series={series}
        xLabel="Quarter"
        yLabel="Win rate (%)"
        benchmarks={benchmarksFor(vm, 'sqoToWon')}
        onSelect={onSelect}
        smallNote={smallNote(params.minSample, 'deals')}
      />
    </ChartFrame>
  );
}
