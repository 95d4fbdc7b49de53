import { Bar, CartesianGrid, Cell, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { WaterfallView } from '../../worker/api';
import type { WaterfallRow } from './build-forecast-model';
import { axisMoney } from './chart-format';
import { forecastActions } from './settings';

const COLOR = { total: '#1f4e8c', up: '#1d7a46', down: '#b3261e' } as const;

function WaterfallTooltip({ active, payload, currency }: { active?: boolean; payload?: readonly { payload?: WaterfallRow }[]; currency: string }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const sign = row.kind === 'up' ? '+' : row.kind === 'down' ? '−' : '';
  return (
    <div className="fc-tooltip">
      <strong>{row.label}</strong>
      <div>
        {sign}
        {formatMoney(row.cents, currency)}
        {row.count === null ? '' : ` · ${formatCount(row.count)} deals`}
      </div>
    </div>
  );
}

export function WaterfallChart({ view, rows }: { view: WaterfallView; rows: readonly WaterfallRow[] }) {
  const cur = view.currency;
  return (
    <ChartFrame
      title={`Pipeline waterfall, ${view.quarter}`}
      units={`${cur}; ${view.from} to ${view.to}`}
      controls={
        <label className="fc-inline">
          Quarter{' '}
          <select value={view.quarter} onChange={(e) => forecastActions.waterfallQuarterChanged(e.target.value)}>
            {view.quarters.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
      }
      definition={
        <>
          <p>
            From the opportunities&apos; stage history: <strong>Start</strong> = open at the start of the period;{' '}
            <strong>New</strong> = opened for the first time in it; <strong>Pulled in</strong> = re-opened from won or lost;{' '}
            <strong>Won</strong> and <strong>Lost</strong> = closed in it; <strong>End</strong> = open at its end. Start + new +
            pulled in − won − lost − pushed out + amount changes = end: here{' '}
            {view.identityHolds ? 'the identity holds' : 'the identity does NOT hold'} ({formatMoney(view.computedEndCents, cur)}).
          </p>
          <p>
            The data model keeps one amount and one close date per deal, without their history, so amount changes and deals
            pushed out of the period show as 0.
          </p>
        </>
      }
      csv={{ fileName: `pipeline-waterfall-${view.quarter}.csv`, header: ['step', 'kind', 'deals', 'amount'], rows: view.bars.map((b) => [b.label, b.kind, b.count, b.cents / 100]) }}
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows as WaterfallRow[]} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} label={{ value: 'Step', position: 'insideBottom', offset: -12 }} />
          <YAxis tickFormatter={axisMoney(cur)} width={80} label={{ value: cur, angle: -90, position: 'insideLeft' }} />
          <Tooltip content={<WaterfallTooltip currency={cur} />} />
          <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="value" stackId="w" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.label} fill={COLOR[r.kind]} />
            ))}
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
