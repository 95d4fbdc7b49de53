import { formatCount } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { breakdownCsv, rateCell, type RateCell } from './build-funnel-view';
import { funnelActions } from './funnel-params';
import { dimensionLabel } from './dimension-label';

function RateTd({ cell }: { cell: RateCell }) {
  if (!cell.sample) return <td className="num">{cell.text}</td>;
  return (
    <td className="num small-sample" data-small-sample="">
      {cell.text} <span className="small-sample__n">{cell.sample}</span>
    </td>
  );
}

/** Every group of the breakdown: volumes and the rates marketing reports; small samples marked with their n. */
export function BreakdownTable({ vm, minSample }: { vm: FunnelViewModel; minSample: number }) {
  const dim = vm.breakdown.dimension;
  const dimName = dimensionLabel(dim.id);
  return (
    <ChartFrame
      kind="table"
      title={`Funnel by ${dimName.toLowerCase()}`}
      units="leads; rates over all data in view"
      csv={breakdownCsv(vm)}
      definition={
        <p>
          Each group&apos;s stage counts ({vm.mode} counting) and its all-data cohort rates: of the group&apos;s leads
          that reached the first stage, the share that reached the second. Leads without a value are under
          &ldquo;(none)&rdquo;. Groups add up to the whole funnel. A rate over fewer than {minSample} leads (MQLs, SQLs)
          or closed deals (win rate) is greyed with its n under it — 2 of 2 deals is 100% but its 95% interval runs from
          34% to 100%; the CSV carries every rate&apos;s interval and n.
        </p>
      }
    >
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Funnel by {dimName}</caption>
          <thead>
            <tr>
              <th scope="col">{dimName}</th>
              <th scope="col" className="num">
                Leads
              </th>
              <th scope="col" className="num">
                MQLs
              </th>
              <th scope="col" className="num">
                SQLs
              </th>
              <th scope="col" className="num">
                SQOs
              </th>
              <th scope="col" className="num">
                Won
              </th>
              <th scope="col" className="num">
                MQL→SQO
              </th>
              <th scope="col" className="num">
                SQL→SQO
              </th>
              <th scope="col" className="num">
                Win rate
              </th>
            </tr>
          </thead>
          <tbody>
            {vm.breakdown.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  <button
                    type="button"
                    className="button--link"
                    aria-label={`Show the leads of ${r.label}`}
                    onClick={() =>
                      funnelActions.barClicked({
                        target: { kind: 'stage', stage: 'lead' },
                        group: { dimension: dim.id, label: r.label },
                        title: `${dimName}: ${r.label}`,
                      })
                    }
                  >
                    {r.label}
                  </button>
                </th>
                <td className="num">{formatCount(r.counts.lead)}</td>
                <td className="num">{formatCount(r.counts.mql)}</td>
                <td className="num">{formatCount(r.counts.sql)}</td>
                <td className="num">{formatCount(r.counts.sqo)}</td>
                <td className="num">{formatCount(r.counts.won)}</td>
                <RateTd cell={rateCell(r.estimates.mqlToSqo, minSample)} />
                <RateTd cell={rateCell(r.estimates.sqlToSqo, minSample)} />
                <RateTd cell={rateCell(r.estimates.winRate, minSample)} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
