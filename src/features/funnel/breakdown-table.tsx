import { formatCount, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { breakdownCsv } from './build-funnel-view';
import { funnelActions } from './funnel-params';

/** Every group of the breakdown: volumes and the rates marketing reports. */
export function BreakdownTable({ vm }: { vm: FunnelViewModel }) {
  const dim = vm.breakdown.dimension;
  return (
    <ChartFrame
      kind="table"
      title={`Funnel by ${dim.label.toLowerCase()}`}
      units="leads; rates over all data in view"
      csv={breakdownCsv(vm)}
      definition={<p>Each group&apos;s stage counts ({vm.mode} counting) and its all-data cohort rates: of the group&apos;s leads that reached the first stage, the share that reached the second. Leads without a value are under &ldquo;(none)&rdquo;. Groups add up to the whole funnel.</p>}
    >
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Funnel by {dim.label}</caption>
          <thead>
            <tr>
              <th scope="col">{dim.label}</th>
              <th scope="col" className="num">Leads</th>
              <th scope="col" className="num">MQLs</th>
              <th scope="col" className="num">SQLs</th>
              <th scope="col" className="num">SQOs</th>
              <th scope="col" className="num">Won</th>
              <th scope="col" className="num">MQL→SQO</th>
              <th scope="col" className="num">SQL→SQO</th>
              <th scope="col" className="num">Win rate</th>
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
                    onClick={() => funnelActions.barClicked({ target: { kind: 'stage', stage: 'lead' }, group: { dimension: dim.id, label: r.label }, title: `${dim.label}: ${r.label}` })}
                  >
                    {r.label}
                  </button>
                </th>
                <td className="num">{formatCount(r.counts.lead)}</td>
                <td className="num">{formatCount(r.counts.mql)}</td>
                <td className="num">{formatCount(r.counts.sql)}</td>
                <td className="num">{formatCount(r.counts.sqo)}</td>
                <td className="num">{formatCount(r.counts.won)}</td>
                <td className="num">{formatPercent(r.rates.mqlToSqo)}</td>
                <td className="num">{formatPercent(r.rates.sqlToSqo)}</td>
                <td className="num">{formatPercent(r.rates.winRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
