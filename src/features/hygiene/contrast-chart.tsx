import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { createElement } from 'react';
import { formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { ContrastRow } from './build-hygiene-model';

const pct = (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100) : 'no data');
const legendText = (value: unknown) => createElement('span', { className: 'hy-legend' }, String(value));

export function ContrastChart({ rows }: { rows: readonly ContrastRow[] }) {
  return (
    <ChartFrame
      title="Win rate of flagged SQOs against clean SQOs, per detector"
      units="% of closed opportunities won"
      definition={
        <p>
          For each detector, won ÷ (won + lost) among the flagged opportunities that have closed, beside the same rate among the
          opportunities it does not flag. The seeds report fast-tracked cohorts winning at 3–5%. A detector with no closed flagged
          deal shows no bar; a detector the data cannot run shows none either, and its reason is in the CSV's note column.
        </p>
      }
      csv={{
        fileName: 'hygiene-win-rates.csv',
        header: ['detector', 'flagged_win_rate_pct', 'flagged_closed', 'clean_win_rate_pct', 'clean_closed', 'note'],
        rows: rows.map((r) => [r.detector, r.flagged, r.flaggedClosed, r.clean, r.cleanClosed, r.note]),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows as ContrastRow[]} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="detector" interval={0} label={{ value: 'Detector', position: 'insideBottom', offset: -12 }} />
          <YAxis tickFormatter={(v: number) => `${v}%`} label={{ value: 'Win rate (%)', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={pct} />
          <Legend itemSorter={null} verticalAlign="top" formatter={legendText} />
          <Bar dataKey="flagged" name="Flagged" fill="#b3261e" isAnimationActive={false} />
          <Bar dataKey="clean" name="Clean" fill="#1d7a46" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
