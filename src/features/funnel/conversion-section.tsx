import { CHART_COLORS } from '../../charts/theme';
import { RateBarChart } from '../../charts/rate-bar-chart';
import { formatDays } from '../../lib/format';
import { pairEnds, pairLabel } from '../../lib/stage-labels';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { benchmarksFor, conversionRows, smallNote } from './build-funnel-view';
import { funnelActions, PAIR_KEYS, type FunnelParams, type PairKey } from './funnel-params';

/** One conversion by quarter, cohort or period; immature cohorts drawn pale. */
export function ConversionSection({ vm, params }: { vm: FunnelViewModel; params: FunnelParams }) {
  const { rows, csv, label, typicalDays } = conversionRows(vm, params.pair, params.minSample);
  const cohort = vm.basis === 'cohort';
  const pair = vm.conversions.find((c) => c.key === params.pair)!;
  const { from, to } = pairEnds(pair);
  const benchmarkKey = params.pair === 'sqlToSqo' || params.pair === 'sqoToWon' ? params.pair : null;
  const onSelect = (quarter: string) =>
    funnelActions.barClicked(
      cohort
        ? {
            target: {
              kind: 'cohort',
              pair: params.pair,
              period: quarter,
              outcome: 'entered',
              windowDays: vm.windowDays,
            },
            title: `${label}: ${from}s of ${quarter} (cohort)`,
          }
        : {
            target: {
              kind: 'entries',
              stage: pair.to,
              period: quarter,
            },
            title: `${to} entries in ${quarter}`,
          },
    );
  return (
    <ChartFrame
      title={`${label} conversion by quarter (${cohort ? 'cohort' : 'period'})`}
      units={cohort ? `% of the quarter's ${from}s` : `${to} entries ÷ ${from} entries in the quarter`}
      csv={csv}
      controls={
        <label className="funnel-controls__field">
          <span>Conversion</span>
          <select
            value={params.pair}
            onChange={(e) => funnelActions.optionChanged({ pair: e.target.value as PairKey })}
          >
            {PAIR_KEYS.map((k) => (
              <option key={k} value={k}>
                {pairLabel(vm.conversions.find((c) => c.key === k)!)}
              </option>
            ))}
          </select>
        </label>
      }
      definition={
        cohort ? (
          <p>
            Cohort conversion: of the leads that entered {from} in the quarter, the share that reached {to}
            {vm.windowDays ? ` within ${vm.windowDays} days` : ' by the as-of date'}. A cohort younger than the typical
            time to convert (
            {vm.windowDays
              ? `the ${vm.windowDays}-day window`
              : `median ${formatDays(typicalDays)} from ${from} to ${to}`}
            , counted from the quarter&apos;s end) is immature: drawn pale, with the share still open in its tooltip. A
            quarter with fewer than {params.minSample} {from}s is hatched and labelled with its n; every tooltip gives
            the 95% Wilson interval. Click a bar for the cohort&apos;s leads.
          </p>
        ) : (
          <p>
            Period conversion: leads entering {to} in the quarter ÷ leads entering {from} in the quarter. Cheap, but it
            mixes cohorts — the {to} entries mostly come from earlier {from}s — so it can exceed 100%. Click a bar for
            the quarter&apos;s {to} entries.
          </p>
        )
      }
    >
      <RateBarChart
        rows={rows}
        series={[{ key: 'rate', name: label, color: CHART_COLORS.primary }]}
        xLabel="Quarter"
        yLabel={`${label} (%)`}
        benchmarks={benchmarkKey ? benchmarksFor(vm, benchmarkKey) : []}
        onSelect={onSelect}
        smallNote={smallNote(params.minSample, `${from}s`)}
      />
    </ChartFrame>
  );
}
