import { SeriesBarChart } from '../../charts/series-bar-chart';
import { CHART_COLORS, MARKER_COLORS } from '../../charts/theme';
import { formatCount } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { IntentViewModel } from '../../worker/api';
import { histogramData, thresholdMarkers } from './build-intent-model';

/** Distribution of one score over matured leads, split by whether they reached SQO, with thresholds. */
export function ScoreHistogram({ vm, which }: { vm: IntentViewModel; which: 'fit' | 'intent' }) {
  const { data, csv } = histogramData(vm, which);
  const marks = thresholdMarkers(vm, which);
  const name = which === 'fit' ? 'Fit' : 'Intent';
  return (
    <ChartFrame
      title={`${name} score distribution by outcome`}
      units="matured leads per 5-point score bin"
      csv={{ fileName: `${which}-score-histogram.csv`, ...csv }}
      definition={
        <p>
          {which === 'fit'
            ? 'Fit = sum of the points of the matched fit rules, clamped to 0–100.'
            : 'Intent = for each activity type, the sum of points × 0.5^(age in days ÷ half-life), capped per type; the types summed and clamped to 0–100.'}{' '}
          Leads counted: matured leads in the filters (won, lost, disqualified, or older than the maturity window), each
          scored as of the earlier of its first {vm.rules.scoringWindowDays} days and its first sales stage (SAL or
          later). Dashed lines mark the bins holding the thresholds in use.
        </p>
      }
    >
      <div
        role="img"
        aria-label={`${name} score histogram: leads that reached SQO and leads that did not, per score bin`}
      >
        <SeriesBarChart
          rows={data}
          xKey="label"
          x={{ label: `${name} score (points)`, labelOffset: 0, interval: 1, dense: true }}
          y={{ label: 'Leads', tickFormat: (v) => formatCount(v) }}
          series={[
            { key: 'notConverted', name: 'Did not reach SQO', stackId: 's', color: CHART_COLORS.notConverted },
            { key: 'converted', name: 'Reached SQO', stackId: 's', color: CHART_COLORS.score },
          ]}
          tooltipValue={(v) => formatCount(Number(v))}
          legend={{ at: 'bottom' }}
          references={marks.map((m, k) => ({
            at: { x: m.bin },
            color: MARKER_COLORS[k % MARKER_COLORS.length]!,
            label: { text: m.label, position: k % 2 ? 'insideTopRight' : 'top' },
          }))}
          height={300}
          margin={{ top: 40, right: 24, bottom: 8, left: 16 }}
        />
      </div>
      <p className="muted histogram-marks">Thresholds in use: {marks.map((m) => m.label).join(' · ')}</p>
    </ChartFrame>
  );
}
