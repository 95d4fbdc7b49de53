import { formatCount, formatDate, formatInstant, formatMoney } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ForecastView } from '../../worker/api';
import { dealActions } from './deal-settings';

/** Open deals whose close date has passed: counted and listed apart, in no quarter. */
export function OverdueTable({ view }: { view: ForecastView }) {
  const o = view.overdue;
  const cur = view.currency;
  return (
    <ChartFrame
      kind="table"
      title="Overdue deals: open, close date passed"
      units={`deals; ${cur}; days since the close date`}
      definition={
        <p>
          An open deal is <strong>overdue</strong> when its close date ended before the “as of” instant (
          {formatInstant(view.asOfInstant)}). Overdue deals are in the open pipeline but due in no quarter: they are
          left out of every quarter&apos;s “open due” and coverage, since a past quarter cannot still book them. Days
          overdue = whole days from the close date to the as-of. The table shows the {formatCount(o.deals.length)}{' '}
          oldest close dates; “List the overdue deals” opens all of them, sortable and filterable.
        </p>
      }
      csv={{
        fileName: 'overdue-deals.csv',
        header: ['id', 'owner', 'stage', 'amount', 'close_date', 'days_overdue'],
        rows: o.deals.map((d) => [
          d.id,
          d.owner ?? '',
          d.stage,
          d.amountCents === null ? '' : d.amountCents / 100,
          d.closeDate,
          d.daysOverdue,
        ]),
      }}
    >
      <p data-testid="overdue-summary">
        {o.count === 0
          ? 'No open deal is past its close date.'
          : `${formatCount(o.count)} open deals (${formatMoney(o.cents, cur)}) are past their close date; they are counted here, not as due in a past quarter.`}{' '}
        {o.count > 0 ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => dealActions.figureOpened({ kind: 'overdue' })}
          >
            List the {formatCount(o.count)} overdue deals
          </button>
        ) : null}
      </p>
      {o.count > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Overdue deals</caption>
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Owner</th>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Close date</th>
              <th scope="col" className="num">
                Days overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {o.deals.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.id}</th>
                <td>{d.owner ?? '—'}</td>
                <td>{d.stage}</td>
                <td className="num">{d.amountCents === null ? 'amount unknown' : formatMoney(d.amountCents, cur)}</td>
                <td>{formatDate(d.closeDate)}</td>
                <td className="num">{formatCount(d.daysOverdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </ChartFrame>
  );
}
