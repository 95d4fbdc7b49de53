/**
 * Shares (fractions 0–1) as lines over categories on a fixed 0–100% axis, a line bridging a
 * category without a figure: a score's claimed probability against what happened.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FigureKey } from './combo-chart';

export interface ShareLine<R> {
  readonly key: FigureKey<R>;
  readonly name: string;
  readonly color: string;
  /** SVG dash pattern; solid when absent. */
  readonly dash?: string;
}

export interface ShareLineChartProps<R extends object> {
  readonly rows: readonly R[];
  readonly xKey: keyof R & string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly lines: readonly ShareLine<R>[];
  /** Axis ticks, e.g. "40%". */
  readonly tickFormat: (share: number) => string;
  /** The tooltip's text for a share, or for null (no figure). */
  readonly tooltipValue: (share: number | null) => string;
  readonly height: number;
}

export function ShareLineChart<R extends object>({
  rows,
  xKey,
  xLabel,
  yLabel,
  lines,
  tickFormat,
  tooltipValue,
  height,
}: ShareLineChartProps<R>) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows as R[]} margin={{ top: 12, right: 28, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {/* Every category keeps its tick (recharts would drop one, e.g. 80–90, to avoid crowding). */}
        <XAxis dataKey={xKey as string} interval={0} label={{ value: xLabel, position: 'insideBottom', offset: -16 }} />
        <YAxis
          domain={[0, 1]}
          tickFormatter={tickFormat}
          label={{ value: yLabel, angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={(v) => tooltipValue(v === null ? null : Number(v))} />
        <Legend itemSorter={null} verticalAlign="top" wrapperStyle={{ paddingBottom: 12 }} />
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeDasharray={l.dash}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
