import { Bar, CartesianGrid, Cell, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { drillBarShape } from '../../charts/drill-bar';
import { formatCount, formatInstant, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { DealWaterfallView } from '../../worker/api';
import type { DealWaterfallRow } from './build-deal-forecast-model';
import { axisMoney } from './chart-format';
import { dealActions } from './deal-settings';
import { forecastActions } from './settings';

const COLOR = { total: '#1f4e8c', up: '#1d7a46', down: '#b3261e' } as const;
const SIGN = { total: '', up: '+', down: '−' } as const;
const unit = (r: DealWaterfallRow) => (r.kind === 'total' ? (r.count === 1 ? 'deal' : 'deals') : r.count === 1 ? 'move' : 'moves');

function StepTooltip({ active, payload, currency }: { active?: boolean; payload?: readonly { payload?: DealWaterfallRow }[]; currency: string }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="fc-tooltip">
      <strong>{row.label}</strong>
      <div>
        {SIGN[row.kind]}
        {formatMoney(row.cents, currency)} · {formatCount(row.count)} {unit(row)}
      </div>
    </div>
  );
}

/** The identity in words: "Start $A + new $B … = end $Z". */
export function waterfallSentence(rows: readonly DealWaterfallRow[], currency: string): string {
  return rows
    .map((r, k) => {
      const money = formatMoney(r.cents, currency);
      const name = r.label.toLowerCase();
      if (k === 0) return `${r.label} ${money}`;
      if (r.key === 'end') return `= ${name} ${money}`;
      return `${r.kind === 'up' ? '+' : '−'} ${name} ${money}`;
    })
    .join(' ');
}

/** Start, new, pulled in, pushed out, amount up/down, won, lost, end of one quarter's pipeline; each step lists its deals. */
export function DealWaterfallChart({ view, rows, currency }: { view: DealWaterfallView; rows: readonly DealWaterfallRow[]; currency: string }) {
  const open = (r: DealWaterfallRow) => dealActions.figureOpened({ kind: 'waterfall', quarter: view.quarter, step: r.key });
  const describe = (r: DealWaterfallRow) => `${r.label}: ${SIGN[r.kind]}${formatMoney(r.cents, currency)}, ${formatCount(r.count)} ${unit(r)}`;
  return (
    <ChartFrame
      title={`Pipeline waterfall, ${view.quarter}`}
      units={`${currency}; pipeline due in ${view.quarter}, ${formatInstant(view.from)} to ${formatInstant(view.to)}`}
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
            Replayed from the deal history. The quarter&apos;s pipeline is the open deals whose close date, as recorded at the time, falls in
            the quarter. <strong>Start</strong>: that pipeline when the quarter began; <strong>New</strong>: deals created in the quarter and
            due in it; <strong>Pulled in</strong>: close date moved into the quarter; <strong>Pushed out</strong>: close date moved out of it
            while open; <strong>Amount up / down</strong>: the amount changed while in it; <strong>Won</strong> / <strong>Lost</strong>:
            closed while in it; <strong>End</strong>: the pipeline at the end (or now).
          </p>
          <p>
            Start + new + pulled in − pushed out + amount up − amount down − won − lost = end:{' '}
            {view.identityHolds ? 'it holds' : 'it does NOT hold'} ({formatMoney(view.computedEndCents, currency)}). A deal that moves several
            times counts once per move.
            {view.unknownAmount > 0 ? ` ${formatCount(view.unknownAmount)} deals with an unknown amount are left out.` : ''} Click a step (or
            press Enter on it) to list its deals.
          </p>
        </>
      }
      csv={{
        fileName: `pipeline-waterfall-${view.quarter}.csv`,
        header: ['step', 'kind', 'moves', 'amount'],
        rows: rows.map((r) => [r.label, r.kind, r.count, r.cents / 100]),
      }}
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows as DealWaterfallRow[]} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} label={{ value: 'Step', position: 'insideBottom', offset: -12 }} />
          <YAxis tickFormatter={axisMoney(currency)} width={80} label={{ value: currency, angle: -90, position: 'insideLeft' }} />
          <Tooltip content={<StepTooltip currency={currency} />} />
          <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
          <Bar
            dataKey="value"
            stackId="w"
            isAnimationActive={false}
            cursor="pointer"
            shape={drillBarShape<DealWaterfallRow>(describe, 'list its deals', open)}
            onClick={(d: { payload?: DealWaterfallRow }) => d.payload && open(d.payload)}
          >
            {rows.map((r) => (
              <Cell key={r.key} fill={COLOR[r.kind]} />
            ))}
          </Bar>
        </ComposedChart>
      </ResponsiveContainer>
      <p className="fc-identity" data-testid="waterfall-identity">
        {waterfallSentence(rows, currency)}
      </p>
    </ChartFrame>
  );
}
