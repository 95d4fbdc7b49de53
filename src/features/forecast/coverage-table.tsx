import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { coverageStatus, gapText } from '../../lib/wording';
import { ChartFrame } from '../../ui/chart-frame';
import type { ForecastView } from '../../worker/api';
import { FigureLink } from './figure-link';

const coverageText = (c: number | 'quota met') => (c === 'quota met' ? 'quota met' : `${formatDecimal(c)}×`);

/** Coverage per quarter, coloured by where the quarter stands (met / on track / at risk), and the gap in words. */
export function CoverageTable({ view }: { view: ForecastView }) {
  const rows = view.quarters.filter((q) => q.coverage !== null && q.tense !== 'past').map((q) => q.coverage!);
  const target = view.impliedCoverage;
  const cur = view.currency;
  return (
    <ChartFrame
      kind="table"
      title="Coverage of the remaining quota, current and coming quarters"
      units={`× (pipeline ÷ remaining quota); money in ${cur}`}
      definition={
        <>
          <p>
            <strong>Coverage</strong> = open pipeline with a close date in the quarter ÷ (quota − won in the quarter).
            Once won reaches quota the quarter shows “quota met”. Click a figure to list its deals: won and attainment
            list the won deals, open due and coverage the open deals due, projected and the gap the won deals and the
            open deals due (each weighted). Open deals whose close date has already passed are overdue and due in no
            quarter (see “Overdue deals”). With a segment or owner filter, the quota is the plan&apos;s quota for the
            selection when plan.csv splits the quota that way (its <code>segment</code> or <code>owner</code> column);
            any other filter selects what the plan does not split, and quota figures read “quota is company-wide”
            instead of a ratio. <strong>Target</strong> = 1 ÷ win rate ({formatPercent(view.winRate)} over the
            lookback): the coverage that, at today&apos;s win rate, books the rest of the quota.
          </p>
          <p>
            <strong>Projected</strong> = won + weighted open pipeline due. <strong>Status</strong>: met once won reaches
            quota; on track when the projection reaches quota; else at risk. Coverage is coloured by the status, so a
            quarter whose projection beats quota is never shown as short because its coverage is below the target
            multiple. <strong>Gap</strong> = quota − projected, written “ahead by” (projection above quota) or “short
            by”. <strong>Attainment</strong> = won ÷ quota.
          </p>
        </>
      }
      csv={{
        fileName: 'coverage.csv',
        header: [
          'quarter',
          'quota',
          'won',
          'open_due',
          'coverage',
          'target_coverage',
          'status',
          'attainment',
          'projected',
          'gap_quota_minus_projected',
        ],
        rows: rows.map((c) => [
          c.quarter,
          c.quotaCents / 100,
          c.wonCents / 100,
          c.openDueCents / 100,
          c.coverage,
          target,
          coverageStatus(c),
          c.attainment,
          c.projectedCents / 100,
          c.gapCents / 100,
        ]),
      }}
    >
      {view.overdue.count > 0 ? (
        <p className="muted">
          Not in “open due”: {formatCount(view.overdue.count)} overdue deals ({formatMoney(view.overdue.cents, cur)})
          whose close date has passed.
        </p>
      ) : null}
      {view.quota.kind === 'slice' ? <p className="muted">Quota: {view.quota.note}.</p> : null}
      {view.quota.kind === 'companyWide' ? (
        <p className="muted" data-testid="quota-company-wide">
          Coverage, attainment and gap: {view.quota.note}.
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No quota for the current or later quarters: add a plan (plan.csv) to see coverage.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Coverage by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">
                Quota
              </th>
              <th scope="col" className="num">
                Won
              </th>
              <th scope="col" className="num">
                Open due
              </th>
              <th scope="col" className="num">
                Coverage
              </th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attainment
              </th>
              <th scope="col" className="num">
                Projected
              </th>
              <th scope="col" className="num">
                Gap
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const status = coverageStatus(c);
              const tone = `fc-status--${status.replace(' ', '-')}`;
              return (
                <tr key={c.quarter}>
                  <th scope="row">{c.quarter}</th>
                  <td className="num">{formatMoney(c.quotaCents, cur)}</td>
                  <td className="num">
                    <FigureLink
                      target={{ kind: 'won', quarter: c.quarter }}
                      label={`Won ${c.quarter}: ${formatMoney(c.wonCents, cur)}`}
                    >
                      {formatMoney(c.wonCents, cur)}
                    </FigureLink>
                  </td>
                  <td className="num">
                    <FigureLink
                      target={{ kind: 'due', quarter: c.quarter, weighted: false }}
                      label={`Open due ${c.quarter}: ${formatMoney(c.openDueCents, cur)}`}
                    >
                      {formatMoney(c.openDueCents, cur)}
                    </FigureLink>
                  </td>
                  <td className={`num ${tone}`}>
                    <FigureLink
                      target={{ kind: 'due', quarter: c.quarter, weighted: false }}
                      label={`Coverage ${c.quarter}: ${coverageText(c.coverage)}, open due ÷ remaining quota`}
                    >
                      {coverageText(c.coverage)}
                    </FigureLink>
                  </td>
                  <td className="num">{target === null ? 'no data' : `${formatDecimal(target)}×`}</td>
                  <td className={tone}>{status}</td>
                  <td className="num">
                    <FigureLink
                      target={{ kind: 'won', quarter: c.quarter }}
                      label={`Attainment ${c.quarter}: ${formatPercent(c.attainment)}, won ÷ quota`}
                    >
                      {formatPercent(c.attainment)}
                    </FigureLink>
                  </td>
                  <td className="num">
                    <FigureLink
                      target={{ kind: 'projected', quarter: c.quarter }}
                      label={`Projected ${c.quarter}: ${formatMoney(c.projectedCents, cur)}`}
                    >
                      {formatMoney(c.projectedCents, cur)}
                    </FigureLink>
                  </td>
                  <td className={`num ${tone}`}>
                    <FigureLink
                      target={{ kind: 'projected', quarter: c.quarter }}
                      label={`Gap ${c.quarter}: ${gapText(c.gapCents, cur)}, quota − projected`}
                    >
                      {gapText(c.gapCents, cur)}
                    </FigureLink>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ChartFrame>
  );
}
