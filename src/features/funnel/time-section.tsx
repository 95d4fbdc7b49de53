import { CHART_COLORS } from '../../charts/theme';
import { useState } from 'react';
import { CountBarChart } from '../../charts/count-bar-chart';
import { formatDayBand } from '../../lib/format';
import { stepLabel } from '../../lib/stage-labels';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { durationRows, histogramRows } from './build-funnel-view';
import { funnelActions } from './funnel-params';

/** Median and p75 days between consecutive stages, and the distribution for one step. */
export function TimeSection({ vm }: { vm: FunnelViewModel }) {
  const { rows, csv } = durationRows(vm);
  const [index, setIndex] = useState(vm.timeInStage.length - 1);
  const step = vm.timeInStage[index]!;
  const cycle = vm.benchmarks.cycle;
  const drill = (label: string) => {
    const d = vm.timeInStage.find((x) => stepLabel(x) === label);
    if (d)
      funnelActions.barClicked({
        target: { kind: 'duration', from: d.from, to: d.to, lowDays: 0, highDays: null },
        title: `${stepLabel(d)}, both entries recorded`,
      });
  };
  const drillBin = (label: string) => {
    const b = step.bins.find((x) => formatDayBand(x) === label);
    if (b)
      funnelActions.barClicked({
        target: {
          kind: 'duration',
          from: step.from,
          to: step.to,
          lowDays: b.lowDays,
          highDays: Number.isFinite(b.highDays) ? b.highDays : null,
        },
        title: `${stepLabel(step)} in ${formatDayBand(b)}`,
      });
  };
  const definition = (
    <p>
      Days from the recorded entry of one stage to the recorded entry of the next, over leads that recorded both
      (skipped stages are left out: they would count as zero days; entries out of order are counted apart). Median and
      p75 interpolate between ranks. The shaded band is the {cycle.label.toLowerCase()} ({cycle.source}).
    </p>
  );
  return (
    <div className="funnel-grid">
      <ChartFrame
        title="Time in stage: median and p75 days to the next stage"
        units="days"
        csv={csv}
        definition={definition}
      >
        <CountBarChart
          rows={rows}
          series={[
            { key: 'median', name: 'Median days', color: CHART_COLORS.primary },
            { key: 'p75', name: 'p75 days', color: CHART_COLORS.secondary },
          ]}
          xLabel="Step"
          yLabel="Days"
          band={{ label: cycle.label, low: cycle.lowDays, high: cycle.highDays }}
          onSelect={drill}
        />
        <p className="chart-sources">
          {cycle.label}: {cycle.source}
        </p>
      </ChartFrame>
      <ChartFrame
        title={`Distribution of days, ${stepLabel(step)}`}
        units="leads per band of days"
        csv={{
          fileName: `days-${step.from}-${step.to}.csv`,
          header: ['days', 'leads'],
          rows: step.bins.map((b) => [formatDayBand(b), b.leads]),
        }}
        controls={
          <label className="funnel-controls__field">
            <span>Step</span>
            <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
              {vm.timeInStage.map((d, k) => (
                <option key={stepLabel(d)} value={k}>
                  {stepLabel(d)}
                </option>
              ))}
            </select>
          </label>
        }
        definition={definition}
      >
        <CountBarChart
          rows={histogramRows(vm, index)}
          series={[{ key: 'leads', name: 'Leads', color: CHART_COLORS.distribution }]}
          xLabel="Days between entries"
          yLabel="Leads"
          onSelect={drillBin}
        />
      </ChartFrame>
    </div>
  );
}
