import { ComboChart } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ForecastView } from '../../worker/api';
import type { LagChartRow } from './build-forecast-model';
import { axisMoney } from './chart-format';

export function SqoLagChart({ rows, view }: { rows: readonly LagChartRow[]; view: ForecastView }) {
  const cur = view.currency;
  const lag = view.sqoLag;
  const tip = (value: unknown, name: unknown) =>
    typeof value === 'number' ? (name === 'SQOs created' ? formatCount(value) : formatMoney(Math.round(value * 100), cur)) : String(value ?? '');
  return (
    <ChartFrame
      title="SQOs created per quarter and the bookings they turn into"
      units={`SQOs (bars, right axis); bookings in ${cur} (lines, left axis)`}
      definition={
        <>
          <p>
            The lag distribution comes from your data: share(k) = SQOs won k quarters after the quarter they were created ÷ SQOs
            created, over the cohorts old enough to have seen lag k in full. Bookings forecast for a quarter Q = Σ<sub>k</sub> SQOs
            created in Q−k × share(k) × average won deal ({formatMoney(lag.avgWonCents, cur)} over the lookback). A drop in SQO
            creation therefore shows as a bookings shortfall k quarters later.
          </p>
          <p>
            <strong>Actual</strong>: won amount closed in the quarter. <strong>Forecast</strong> on past quarters uses today&apos;s
            lag shares (a back-test, not what was forecast then); weighted absolute error over the past quarters:{' '}
            {formatPercent(lag.wape)}. <strong>Projected</strong> counts only SQOs created by the “as of” date.
          </p>
          <p>
            <strong>The current quarter is to date</strong>: its actual is what has closed so far, so its forecast point is the
            forecast to date, the full-quarter projection × the share of their bookings the past quarters shown had closed by the
            same day of the quarter ({lag.pace.share === null ? (lag.pace.reason ?? 'not measurable') : formatPercent(lag.pace.share)}). The
            dashed projection is the whole quarter.
          </p>
          <p>
            Lag shares:{' '}
            {lag.shares.map((s) => `${s.lag === lag.shares.length - 1 ? `${s.lag}+` : s.lag} q: ${formatPercent(s.share)}`).join(' · ')}
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
    </ChartFrame>
  );
}
