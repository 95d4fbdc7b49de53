import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { drillBarShape } from '../../charts/drill-bar';
import { formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { DealTarget } from '../../worker/api';
import type { QuarterChartRow } from './build-forecast-model';
import { axisMoney, legendText, tooltipMoney } from './chart-format';
import { dealActions } from './deal-settings';

type SeriesKey = 'won' | 'weightedDue' | 'openDue';

const targetOf = (key: SeriesKey, quarter: string): DealTarget =>
  key === 'won' ? { kind: 'won', quarter } : { kind: 'due', quarter, weighted: key === 'weightedDue' };

/** Bar props that open the deals behind a bar, by mouse or keyboard. */
function drill(key: SeriesKey, name: string, currency: string) {
  return {
    cursor: 'pointer',
    shape: drillBarShape<QuarterChartRow>((r) => `${r.id}, ${name}: ${formatMoney(Math.round(r[key] * 100), currency)}`, 'list its deals', (r) => dealActions.figureOpened(targetOf(key, r.id))),
    onClick: (d: { payload?: QuarterChartRow }) => d.payload && dealActions.figureOpened(targetOf(key, d.payload.id)),
  };
}

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
          <p>
            Open deals whose close date has passed are overdue and due in no quarter (see “Overdue deals”). Click a bar (or press
            Enter on it) to list its deals.
          </p>
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
          <Bar dataKey="won" name="Won" stackId="b" fill="#1d7a46" isAnimationActive={false} {...drill('won', 'Won', currency)} />
          <Bar dataKey="weightedDue" name="Weighted open pipeline due" stackId="b" fill="#7aa6d9" isAnimationActive={false} {...drill('weightedDue', 'Weighted open pipeline due', currency)} />
          <Bar dataKey="openDue" name="Open pipeline due (unweighted)" fill="#c9d6ea" isAnimationActive={false} {...drill('openDue', 'Open pipeline due', currency)} />
          <Line dataKey="quota" name="Quota" stroke="#b3261e" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="visually-hidden">
        {rows.map((r) => `${r.quarter}: won ${formatMoney(r.won * 100, currency)}, open due ${formatMoney(r.openDue * 100, currency)}`).join('; ')}
      </p>
    </ChartFrame>
  );
}
