import { WaterfallChart } from '../../charts/waterfall-chart';
import { formatCount, formatInstant, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { DealWaterfallView } from '../../worker/api';
import type { DealWaterfallRow } from './build-deal-forecast-model';
import { axisMoney } from './chart-format';
import { dealActions } from './deal-settings';
import { forecastActions } from './settings';

const SIGN = { total: '', up: '+', down: '−' } as const;
const unit = (r: DealWaterfallRow) =>
  r.kind === 'total' ? (r.count === 1 ? 'deal' : 'deals') : r.count === 1 ? 'move' : 'moves';

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
export function DealWaterfallChart({
  view,
  rows,
  currency,
}: {
  view: DealWaterfallView;
  rows: readonly DealWaterfallRow[];
  currency: string;
}) {
  const open = (r: DealWaterfallRow) =>
    dealActions.figureOpened({ kind: 'waterfall', quarter: view.quarter, step: r.key });
  const describe = (r: DealWaterfallRow) =>
    `${r.label}: ${SIGN[r.kind]}${formatMoney(r.cents, currency)}, ${formatCount(r.count)} ${unit(r)}`;
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
            Replayed from the deal history. The quarter&apos;s pipeline is the open deals whose close date, as recorded
            at the time, falls in the quarter. <strong>Start</strong>: that pipeline when the quarter began;{' '}
            <strong>New</strong>: deals created in the quarter and due in it; <strong>Pulled in</strong>: close date
            moved into the quarter; <strong>Pushed out</strong>: close date moved out of it while open;{' '}
            <strong>Amount up / down</strong>: the amount changed while in it; <strong>Won</strong> /{' '}
            <strong>Lost</strong>: closed while in it; <strong>End</strong>: the pipeline at the end (or now).
          </p>
          <p>
            Start + new + pulled in − pushed out + amount up − amount down − won − lost = end:{' '}
            {view.identityHolds ? 'it holds' : 'it does NOT hold'} ({formatMoney(view.computedEndCents, currency)}). A
            deal that moves several times counts once per move.
            {view.unknownAmount > 0
              ? ` ${formatCount(view.unknownAmount)} deals with an unknown amount are left out.`
              : ''}{' '}
            Click a step (or press Enter on it) to list its deals.
          </p>
        </>
      }
      csv={{
        fileName: `pipeline-waterfall-${view.quarter}.csv`,
        header: ['step', 'kind', 'moves', 'amount'],
        rows: rows.map((r) => [r.label, r.kind, r.count, r.cents / 100]),
      }}
    >
      <WaterfallChart
        rows={rows}
        xLabel="Step"
        axis={{ label: currency, tickFormat: axisMoney(currency), width: 80 }}
        figure={(r) => `${SIGN[r.kind]}${formatMoney(r.cents, currency)} · ${formatCount(r.count)} ${unit(r)}`}
        describe={describe}
        action="list its deals"
        onSelect={open}
        height={300}
      />
      <p className="fc-identity" data-testid="waterfall-identity">
        {waterfallSentence(rows, currency)}
      </p>
    </ChartFrame>
  );
}
