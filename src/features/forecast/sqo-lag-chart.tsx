import { ComboChart } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ForecastView } from '../../worker/api';
import type { LagChartRow } from './build-forecast-model';
import { axisMoney } from './chart-format';
import { FigureLink } from './figure-link';

/** The chart's figures per quarter, each opening the deals or SQOs behind it. */
function LagFigures({ view }: { view: ForecastView }) {
  const cur = view.currency;
  const money = (c: number) => formatMoney(c, cur);
  return (
    <table className="table" data-testid="sqo-lag-figures">
      <caption>
        The figures behind the chart: click one to list the deals (for a forecast, the SQOs the model counts)
      </caption>
      <thead>
        <tr>
          <th scope="col">Quarter</th>
          <th scope="col" className="num">
            SQOs created
          </th>
          <th scope="col" className="num">
            Actual bookings
          </th>
          <th scope="col" className="num">
            Forecast from SQOs
          </th>
          <th scope="col" className="num">
            Projected, whole quarter
          </th>
        </tr>
      </thead>
      <tbody>
        {view.sqoLag.quarters.map((q) => {
          const forecast = q.tense === 'past' ? q.forecastCents : q.tense === 'current' ? q.forecastToDateCents : null;
          return (
            <tr key={q.quarter}>
              <th scope="row">{q.tense === 'current' ? `${q.quarter} (to date)` : q.quarter}</th>
              <td className="num">
                {q.sqosCreated === null ? (
                  '—'
                ) : (
                  <FigureLink
                    target={{ kind: 'sqoLag', quarter: q.quarter, series: 'sqos' }}
                    label={`SQOs created in ${q.quarter}: ${formatCount(q.sqosCreated)}`}
                  >
                    {formatCount(q.sqosCreated)}
                  </FigureLink>
                )}
              </td>
              <td className="num">
                {q.actualCents === null ? (
                  '—'
                ) : (
                  <FigureLink
                    target={{ kind: 'won', quarter: q.quarter }}
                    label={`Actual bookings ${q.quarter}${q.tense === 'current' ? ' to date' : ''}: ${money(q.actualCents)}`}
                  >
                    {money(q.actualCents)}
                  </FigureLink>
                )}
              </td>
              <td className="num">
                {forecast === null ? (
                  q.tense === 'current' ? (
                    (view.sqoLag.pace.reason ?? '—')
                  ) : (
                    '—'
                  )
                ) : (
                  <FigureLink
                    target={{
                      kind: 'sqoLag',
                      quarter: q.quarter,
                      series: q.tense === 'current' ? 'toDate' : 'forecast',
                    }}
                    label={`Forecast from SQOs ${q.quarter}${q.tense === 'current' ? ' to date' : ''}: ${money(forecast)}`}
                  >
                    {money(forecast)}
                  </FigureLink>
                )}
              </td>
              <td className="num">
                {q.tense === 'past' ? (
                  '—'
                ) : (
                  <FigureLink
                    target={{ kind: 'sqoLag', quarter: q.quarter, series: 'forecast' }}
                    label={`Projected from SQOs ${q.quarter}: ${money(q.forecastCents)}`}
                  >
                    {money(q.forecastCents)}
                  </FigureLink>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SqoLagChart({ rows, view }: { rows: readonly LagChartRow[]; view: ForecastView }) {
  const cur = view.currency;
  const lag = view.sqoLag;
  const tip = (value: unknown, name: unknown) =>
    typeof value === 'number'
      ? name === 'SQOs created'
        ? formatCount(value)
        : formatMoney(Math.round(value * 100), cur)
      : String(value ?? '');
  return (
    <ChartFrame
      title="SQOs created per quarter and the bookings they turn into"
      units={`SQOs (bars, right axis); bookings in ${cur} (lines, left axis)`}
      definition={
        <>
          <p>
            The lag distribution comes from your data: share(k) = SQOs won k quarters after the quarter they were
            created ÷ SQOs created, over the cohorts old enough to have seen lag k in full. Bookings forecast for a
            quarter Q = Σ<sub>k</sub> SQOs created in Q−k × share(k) × average won deal (
            {formatMoney(lag.avgWonCents, cur)} over the lookback). A drop in SQO creation therefore shows as a bookings
            shortfall k quarters later.
          </p>
          <p>
            <strong>Actual</strong>: won amount closed in the quarter. <strong>Forecast</strong> on past quarters uses
            today&apos;s lag shares (a back-test, not what was forecast then); weighted absolute error over the past
            quarters: {formatPercent(lag.wape)}. <strong>Projected</strong> counts only SQOs created by the “as of”
            date.
          </p>
          <p>
            <strong>The current quarter is to date</strong>: its actual is what has closed so far, so its forecast point
            is the forecast to date, the full-quarter projection × the share of their bookings the past quarters shown
            had closed by the same day of the quarter (
            {lag.pace.share === null ? (lag.pace.reason ?? 'not measurable') : formatPercent(lag.pace.share)}). The
            dashed projection is the whole quarter.
          </p>
          <p>
            <strong>The deals behind the figures</strong>: a forecast is a model, not a sum of deal amounts, so its list
            holds the SQOs it counts, each beside what the model expects of it (its lag share × the average won deal),
            with the calculation in the list&apos;s caption. Lag shares:{' '}
            {lag.shares
              .map((s) => `${s.lag === lag.shares.length - 1 ? `${s.lag}+` : s.lag} q: ${formatPercent(s.share)}`)
              .join(' · ')}
          </p>
        </>
      }
      csv={{
        fileName: 'sqo-to-bookings.csv',
        header: ['quarter', 'sqos_created', 'actual_bookings', 'forecast_bookings', 'projected_bookings'],
        rows: rows.map((r) => [r.quarter, r.sqos, r.actual, r.forecast, r.projected]),
      }}
    >
      <ComboChart
        rows={rows}
        xKey="quarter"
        xLabel="Quarter"
        left={{ label: `Bookings (${cur})`, tickFormat: axisMoney(cur), width: 80 }}
        right={{ label: 'SQOs', tickFormat: (n) => formatCount(n) }}
        bars={[{ key: 'sqos', name: 'SQOs created', color: CHART_COLORS.pale, axis: 'right' }]}
        lines={[
          { key: 'actual', name: 'Actual bookings', color: CHART_COLORS.won },
          { key: 'forecast', name: 'Forecast from SQOs', color: CHART_COLORS.primary },
          { key: 'projected', name: 'Projected from SQOs', color: CHART_COLORS.primary, dash: '6 4' },
        ]}
        tooltipValue={tip}
        height={320}
      />
      <LagFigures view={view} />
    </ChartFrame>
  );
}
