/**
 * Bars (stacked or side by side) and lines over categories, on one value axis or two: money by
 * quarter against quota, SQOs created beside the bookings they turn into. Bars can drill from the
 * mouse and the keyboard. Formatting comes in with the props; the chart computes nothing.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { drillBarShape } from './drill-bar';
import { inkLegend } from './ink-legend';
import { MARGIN } from './theme';

/** recharts' default axis id, which the grid lines follow; the second axis has its own. */
const LEFT = 0;
const RIGHT = 'right';

export interface ValueAxis {
  /** Axis title with units, e.g. "USD" or "SQOs". */
  readonly label: string;
  readonly tickFormat: (value: number) => string;
  readonly width?: number;
}

/** Keys of a row whose values are numbers (or null: no figure). */
export type FigureKey<R> = { [K in keyof R]: R[K] extends number | null ? K : never }[keyof R] & string;

interface Series<R> {
  readonly key: FigureKey<R>;
  readonly name: string;
  readonly color: string;
  /** Which value axis the series is drawn against; the left one by default. */
  readonly axis?: 'left' | 'right';
}

export interface ComboBar<R> extends Series<R> {
  /** Bars with the same stack id are stacked. */
  readonly stackId?: string;
  /** A bar that lists what is behind it: its name for screen readers, what activating it does, and the action. */
  readonly drill?: {
    readonly describe: (row: R) => string;
    readonly action: string;
    readonly onSelect: (row: R) => void;
  };
}

export interface ComboLine<R> extends Series<R> {
  /** SVG dash pattern; solid when absent. */
  readonly dash?: string;
  /** Radius of the point marks; recharts' default when absent. */
  readonly dotRadius?: number;
}

export interface ComboChartProps<R extends object> {
  readonly rows: readonly R[];
  /** The key of the category (x) of each row. */
  readonly xKey: keyof R & string;
  readonly xLabel: string;
  /** Show every category's tick, even when they crowd. */
  readonly everyTick?: boolean;
  readonly left: ValueAxis;
  readonly right?: ValueAxis;
  readonly bars: readonly ComboBar<R>[];
  readonly lines?: readonly ComboLine<R>[];
  /** The tooltip's text for one series' value. */
  readonly tooltipValue: (value: unknown, seriesName: string) => string;
  readonly height: number;
  /** Gap between categories, e.g. "18%"; recharts' default when absent. */
  readonly barCategoryGap?: string;
}

export function ComboChart<R extends object>({
  rows,
  xKey,
  xLabel,
  everyTick,
  left,
  right,
  bars,
  lines = [],
  tooltipValue,
  height,
  barCategoryGap,
}: ComboChartProps<R>) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows as R[]} margin={MARGIN} barCategoryGap={barCategoryGap}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey={xKey as string}
          interval={everyTick ? 0 : undefined}
          label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          yAxisId={LEFT}
          tickFormatter={left.tickFormat}
          width={left.width}
          label={{ value: left.label, angle: -90, position: 'insideLeft' }}
        />
        {right ? (
          <YAxis
            yAxisId={RIGHT}
            orientation="right"
            tickFormatter={right.tickFormat}
            width={right.width}
            label={{ value: right.label, angle: 90, position: 'insideRight' }}
          />
        ) : null}
        <Tooltip formatter={(value, name) => tooltipValue(value, String(name ?? ''))} />
        <Legend itemSorter={null} verticalAlign="top" formatter={inkLegend} />
        {bars.map((b) => (
          <Bar
            key={b.key}
            yAxisId={b.axis === 'right' ? RIGHT : LEFT}
            dataKey={b.key}
            name={b.name}
            stackId={b.stackId}
            fill={b.color}
            isAnimationActive={false}
            cursor={b.drill ? 'pointer' : undefined}
            shape={b.drill ? drillBarShape<R>(b.drill.describe, b.drill.action, b.drill.onSelect) : undefined}
            onClick={b.drill ? (d: { payload?: R }) => d.payload && b.drill?.onSelect(d.payload) : undefined}
          />
        ))}
        {lines.map((l) => (
          <Line
            key={l.key}
            yAxisId={l.axis === 'right' ? RIGHT : LEFT}
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            strokeWidth={2}
            strokeDasharray={l.dash}
            dot={l.dotRadius === undefined ? true : { r: l.dotRadius }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
