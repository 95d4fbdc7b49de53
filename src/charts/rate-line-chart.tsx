/**
 * Rates as lines over ordered categories (weeks, quarters), one line per series; a series can be
 * emphasised (drawn heavier). Lines differ by dash as well as colour. The tooltip shows each row's
 * pre-formatted `tooltip` lines.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTooltip, type TooltipDatum } from './chart-tooltip';
import { FONT_SIZE } from './theme';

export interface LineSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /** SVG dash pattern; solid when absent. */
  readonly dash?: string;
  readonly emphasis?: boolean;
}

/** One category (x) with each series' rate as a fraction (null: no figure, the line breaks). */
export interface LineRow extends TooltipDatum {
  readonly category: string;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface RateLineChartProps {
  readonly rows: readonly LineRow[];
  readonly series: readonly LineSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Round ticks from 0 past the top of the data: every 5, 10, 20 or 50 points. */
function ticksUpTo(top: number): number[] {
  const step = top <= 0.3 ? 0.05 : top <= 0.8 ? 0.1 : top <= 2 ? 0.2 : 0.5;
  const out: number[] = [];
  for (let k = 0; k * step < top + step - 1e-9; k++) out.push(Math.round(k * step * 100) / 100);
  return out;
}

export function RateLineChart({ rows, series, xLabel, yLabel, height = 320 }: RateLineChartProps) {
  const data = rows.map((r) => ({ ...r, ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? null])) }));
  const top = Math.max(0.1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const ticks = ticksUpTo(top);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis
          dataKey="category"
          interval={0}
          tick={{ fontSize: FONT_SIZE.tick }}
          label={{ value: xLabel, position: 'insideBottom', offset: -18 }}
        />
        <YAxis
          tickFormatter={pct}
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]!]}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
        />
        <Tooltip content={<ChartTooltip />} />
        <Legend itemSorter={null} verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={s.emphasis ? 3.5 : 1.75}
            strokeDasharray={s.dash}
            dot={{ r: s.emphasis ? 3.5 : 2.5, fill: s.color }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
