import { SeriesBarChart } from '../../charts/series-bar-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ContrastRow } from './build-hygiene-model';

const pct = (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100) : 'no data');

export function ContrastChart({ rows }: { rows: readonly ContrastRow[] }) {
  return (
    <ChartFrame
      title="Win rate of flagged SQOs against clean SQOs, per detector"
      units="% of closed opportunities won"
      definition={
        <p>
          For each detector, won ÷ (won + lost) among the flagged opportunities that have closed, beside the same rate
          among the opportunities it does not flag. The seeds report fast-tracked cohorts winning at 3–5%. A detector
          with no closed flagged deal shows no bar; a detector the data cannot run shows none either, and its reason is
          in the CSV's note column.
        </p>
      }
      csv={{
        fileName: 'hygiene-win-rates.csv',
        header: ['detector', 'flagged_win_rate_pct', 'flagged_closed', 'clean_win_rate_pct', 'clean_closed', 'note'],
        rows: rows.map((r) => [r.detector, r.flagged, r.flaggedClosed, r.clean, r.cleanClosed, r.note]),
      }}
    >
      <SeriesBarChart
        rows={rows}
        xKey="detector"
        x={{ label: 'Detector', labelOffset: -12, interval: 0 }}
        y={{ label: 'Win rate (%)', tickFormat: (v) => `${v}%` }}
        series={[
          { key: 'flagged', name: 'Flagged', color: CHART_COLORS.risk },
          { key: 'clean', name: 'Clean', color: CHART_COLORS.won },
        ]}
        tooltipValue={pct}
        legend={{ at: 'top', ink: true }}
        height={280}
      />
    </ChartFrame>
  );
}
