import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { QuarterChartRow } from './build-forecast-model';
import { axisMoney, legendText, tooltipMoney } from './chart-format';

export function PipelineQuarterChart({ rows, currency }: { rows: readonly QuarterChartRow[]; currency: string }) {
  return (
    <ChartFrame
      title="Pipeline and weighted pipeline by close quarter, against quota"
      units={`${currency}; quarters by the deal's close date`}
      definition={
        <>
          <p>
            <strong>Won</strong>: won deals with a close date in the quarter. <strong>Open pipeline due</strong>: open deals
            whose expected close date falls in the quarter. <strong>Weighted</strong>: each open deal × p(its stage) — see the
            stage table below. <strong>Quota</strong>: the plan&apos;s quota of the quarter.
          </p>
          <p>Open deals with a close date in a past quarter are slipped deals: they stay in that quarter.</p>
        </>
      }
      csv={{
        fileName: 'pipeline-by-quarter.csv',
        header: ['quarter', 'won', 'open_due', 'weighted_due', 'quota'],
        rows: rows.map((r) => [r.quarter, r.won, r.openDue, r.weightedDue, r.quota]),
      }}
    >
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows as QuarterChartRow[]} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="quarter" label={{ value: 'Close quarter', position: 'insideBottom', offset: -12 }} />
          <YAxis tickFormatter={axisMoney(currency)} label={{ value: currency, angle: -90, position: 'insideLeft' }} width={80} />
          <Tooltip formatter={tooltipMoney(currency)} />
          <Legend itemSorter={null} verticalAlign="top" formatter={legendText} />
          <Bar dataKey="won" name="Won" stackId="b" fill="#1d7a46" isAnimationActive={false} />
          <Bar dataKey="weightedDue" name="Weighted open pipeline due" stackId="b" fill="#7aa6d9" isAnimationActive={false} />
          <Bar dataKey="openDue" name="Open pipeline due (unweighted)" fill="#c9d6ea" isAnimationActive={false} />
          <Line dataKey="quota" name="Quota" stroke="#b3261e" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="visually-hidden">
        {rows.map((r) => `${r.quarter}: won ${formatMoney(r.won * 100, currency)}, open due ${formatMoney(r.openDue * 100, currency)}`).join('; ')}
      </p>
    </ChartFrame>
  );
}
