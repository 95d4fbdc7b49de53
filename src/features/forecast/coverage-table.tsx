import { formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ForecastView } from '../../worker/api';

const coverageText = (c: number | 'quota met') => (c === 'quota met' ? 'quota met' : `${formatDecimal(c)}×`);

/** Coverage per quarter against the coverage the win rate implies (1 ÷ win rate). */
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
            <strong>Coverage</strong> = open pipeline with a close date in the quarter ÷ (quota − won in the quarter). Once won
            reaches quota the quarter shows “quota met”. <strong>Target</strong> = 1 ÷ win rate ({formatPercent(view.winRate)} over
            the lookback): the coverage that, at today&apos;s win rate, books the rest of the quota.
          </p>
          <p>
            <strong>Projected</strong> = won + weighted open pipeline due; <strong>gap</strong> = quota − projected (negative: a
            projected beat). <strong>Attainment</strong> = won ÷ quota.
          </p>
        </>
      }
      csv={{
        fileName: 'coverage.csv',
        header: ['quarter', 'quota', 'won', 'open_due', 'coverage', 'target_coverage', 'attainment', 'projected', 'gap'],
        rows: rows.map((c) => [c.quarter, c.quotaCents / 100, c.wonCents / 100, c.openDueCents / 100, c.coverage, target, c.attainment, c.projectedCents / 100, c.gapCents / 100]),
      }}
    >
      {rows.length === 0 ? (
        <p className="muted">No quota for the current or later quarters: add a plan (plan.csv) to see coverage.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Coverage by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="num">Quota</th>
              <th scope="col" className="num">Won</th>
              <th scope="col" className="num">Open due</th>
              <th scope="col" className="num">Coverage</th>
              <th scope="col" className="num">Target</th>
              <th scope="col" className="num">Attainment</th>
              <th scope="col" className="num">Projected</th>
              <th scope="col" className="num">Gap</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const short = c.coverage !== 'quota met' && target !== null && c.coverage < target;
              return (
                <tr key={c.quarter}>
                  <th scope="row">{c.quarter}</th>
                  <td className="num">{formatMoney(c.quotaCents, cur)}</td>
                  <td className="num">{formatMoney(c.wonCents, cur)}</td>
                  <td className="num">{formatMoney(c.openDueCents, cur)}</td>
                  <td className={`num ${short ? 'fc-short' : 'fc-ok'}`}>
                    {coverageText(c.coverage)}
                    {short ? ' (below target)' : ''}
                  </td>
                  <td className="num">{target === null ? 'no data' : `${formatDecimal(target)}×`}</td>
                  <td className="num">{formatPercent(c.attainment)}</td>
                  <td className="num">{formatMoney(c.projectedCents, cur)}</td>
                  <td className="num">{formatMoney(c.gapCents, cur)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ChartFrame>
  );
}
