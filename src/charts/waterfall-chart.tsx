/**
 * A waterfall: totals standing on the axis and steps floating between them (an invisible base under
 * each step), coloured by direction. Each step drills from the mouse and the keyboard.
 */
import { Bar, CartesianGrid, Cell, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { drillBarShape } from './drill-bar';
import type { ValueAxis } from './combo-chart';
import { CHART_COLORS, MARGIN } from './theme';

/** One bar of a waterfall, heights in the value axis' units. */
export interface WaterfallRow {
  readonly key: string;
  readonly label: string;
  readonly kind: 'total' | 'up' | 'down';
  /** Invisible base of a floating step. */
  readonly base: number;
  /** Visible height. */
  readonly value: number;
}

const COLOR = { total: CHART_COLORS.primary, up: CHART_COLORS.won, down: CHART_COLORS.risk } as const;

export interface WaterfallChartProps<R extends WaterfallRow> {
  readonly rows: readonly R[];
  readonly xLabel: string;
  readonly axis: ValueAxis;
  /** The tooltip's line under the step's label, e.g. "+$1.2M · 4 moves". */
  readonly figure: (row: R) => string;
  /** The step for screen readers, e.g. "New: +$1.2M, 4 moves". */
  readonly describe: (row: R) => string;
  /** What activating a step does, read out with it. */
  readonly action: string;
  readonly onSelect: (row: R) => void;
  readonly height: number;
}

function StepTooltip<R extends WaterfallRow>({
  active,
  payload,
  figure,
}: {
  active?: boolean;
  payload?: readonly { payload?: R }[];
  figure: (row: R) => string;
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip chart-tooltip--steps">
      <strong>{row.label}</strong>
      <div>{figure(row)}</div>
    </div>
  );
}

export function WaterfallChart<R extends WaterfallRow>({
  rows,
  xLabel,
  axis,
  figure,
  describe,
  action,
  onSelect,
  height,
}: WaterfallChartProps<R>) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows as R[]} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} label={{ value: xLabel, position: 'insideBottom', offset: -12 }} />
        <YAxis
          tickFormatter={axis.tickFormat}
          width={axis.width}
          label={{ value: axis.label, angle: -90, position: 'insideLeft' }}
        />
        <Tooltip content={<StepTooltip figure={figure} />} />
        <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
        <Bar
          dataKey="value"
          stackId="w"
          isAnimationActive={false}
          cursor="pointer"
          shape={drillBarShape<R>(describe, action, onSelect)}
          onClick={(d: { payload?: R }) => d.payload && onSelect(d.payload)}
        >
          {rows.map((r) => (
            <Cell key={r.key} fill={COLOR[r.kind]} />
          ))}
        </Bar>
      </ComposedChart>
    </ResponsiveContainer>
  );
}
