/**
 * Series of bars over categories, side by side or stacked, with optional reference lines: win rates
 * per detector, lift per score decile, leads per score bin, stage volumes under three rule sets.
 * Formatting comes in with the props; the chart computes nothing.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FigureKey } from './combo-chart';
import { inkLegend } from './ink-legend';
import { FONT_SIZE, MARGIN } from './theme';

export interface BarSeries<R> {
  readonly key: FigureKey<R>;
  readonly name: string;
  readonly color: string;
  /** Bars with the same stack id are stacked. */
  readonly stackId?: string;
}

/** A dashed line across the plot: at a category (x) or at a value (y), optionally labelled. */
export interface ReferenceMark {
  readonly at: { readonly x: string } | { readonly y: number };
  readonly color: string;
  readonly label?: { readonly text: string; readonly position: 'top' | 'insideTopRight' };
}

export interface SeriesBarChartProps<R extends object> {
  readonly rows: readonly R[];
  readonly xKey: keyof R & string;
  readonly x: {
    readonly label: string;
    /** Offset of the axis title below the axis, CSS px (negative: up into the margin). */
    readonly labelOffset: number;
    /** 0 shows every tick; 1 every other one; recharts' choice when absent. */
    readonly interval?: number;
    /** Small tick text and a taller axis, for many categories. */
    readonly dense?: boolean;
  };
  readonly y: { readonly label: string; readonly tickFormat: (value: number) => string; readonly labelOffset?: number };
  readonly series: readonly BarSeries<R>[];
  readonly tooltipValue: (value: unknown) => string;
  /** Where the legend sits; none when absent. `ink` writes the entries in the text colour. */
  readonly legend?: { readonly at: 'top' | 'bottom'; readonly ink?: boolean };
  readonly references?: readonly ReferenceMark[];
  readonly height: number;
  readonly margin?: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export function SeriesBarChart<R extends object>({
  rows,
  xKey,
  x,
  y,
  series,
  tooltipValue,
  legend,
  references = [],
  height,
  margin = MARGIN,
}: SeriesBarChartProps<R>) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows as R[]} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey={xKey as string}
          interval={x.interval}
          tick={x.dense ? { fontSize: FONT_SIZE.smallTick } : undefined}
          height={x.dense ? 48 : undefined}
          label={{ value: x.label, position: 'insideBottom', offset: x.labelOffset }}
        />
        <YAxis
          tickFormatter={y.tickFormat}
          label={{
            value: y.label,
            angle: -90,
            position: 'insideLeft',
            ...(y.labelOffset === undefined ? {} : { offset: y.labelOffset }),
          }}
        />
        <Tooltip formatter={(value) => tooltipValue(value)} />
        {legend ? (
          <Legend itemSorter={null} verticalAlign={legend.at} formatter={legend.ink ? inkLegend : undefined} />
        ) : null}
        {references
          .filter((r) => 'y' in r.at)
          .map((r) => (
            <ReferenceLine
              key={`y${'y' in r.at ? r.at.y : ''}`}
              y={'y' in r.at ? r.at.y : undefined}
              stroke={r.color}
              strokeDasharray="4 3"
            />
          ))}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId={s.stackId} fill={s.color} isAnimationActive={false} />
        ))}
        {references
          .filter((r) => 'x' in r.at)
          .map((r) => (
            <ReferenceLine
              key={`x${'x' in r.at ? r.at.x : ''}${r.label?.text ?? ''}`}
              x={'x' in r.at ? r.at.x : undefined}
              stroke={r.color}
              strokeDasharray="4 3"
              label={
                r.label
                  ? { value: r.label.text, position: r.label.position, fontSize: FONT_SIZE.smallTick, fill: r.color }
                  : undefined
              }
            />
          ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
