import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { IntentViewModel } from '../../worker/api';
import { histogramData, thresholdMarkers } from './build-intent-model';

const MARK_COLORS = ['#b45309', '#7c3aed', '#dc2626'];

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
          Leads counted: matured leads in the filters (won, lost, disqualified, or older than the maturity window), each scored as of the earlier of its
          first {vm.rules.scoringWindowDays} days and its first sales stage (SAL or later). Dashed lines mark the bins holding the thresholds in use.
        </p>
      }
    >
      <div role="img" aria-label={`${name} score histogram: leads that reached SQO and leads that did not, per score bin`}>
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={data} margin={{ top: 40, right: 24, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={1} tick={{ fontSize: 11 }} height={48} label={{ value: `${name} score (points)`, position: 'insideBottom', offset: 0 }} />
            <YAxis tickFormatter={(v: number) => formatCount(v)} label={{ value: 'Leads', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend itemSorter={null} verticalAlign="bottom" />
            <Bar dataKey="notConverted" name="Did not reach SQO" stackId="s" fill="#b9c7db" isAnimationActive={false} />
            <Bar dataKey="converted" name="Reached SQO" stackId="s" fill="#1f5fa8" isAnimationActive={false} />
            {marks.map((m, k) => (
              <ReferenceLine key={m.label} x={m.bin} stroke={MARK_COLORS[k % MARK_COLORS.length]} strokeDasharray="4 3" label={{ value: m.label, position: k % 2 ? 'insideTopRight' : 'top', fontSize: 11, fill: MARK_COLORS[k % MARK_COLORS.length] }} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="muted histogram-marks">Thresholds in use: {marks.map((m) => m.label).join(' · ')}</p>
    </ChartFrame>
  );
}
