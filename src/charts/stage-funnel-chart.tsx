/** The stage funnel as horizontal bars: one bar per stage, labelled with its figure and step rate. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StageBar } from '../lib/stage-bars';
import { ChartTooltip } from './chart-tooltip';
import { drillBarShape } from './drill-bar';
import { CHART_COLORS, CURSOR_FILL, INK } from './theme';

export interface StageFunnelChartProps {
  readonly bars: readonly StageBar[];
  /** Axis title with units, e.g. "Leads" or "Pipeline amount (USD)". */
  readonly axisLabel: string;
  readonly tickFormat: (value: number) => string;
  /** Called with the stage of a clicked bar (or one activated by Enter or Space). */
  readonly onSelect?: (stage: string) => void;
  /** What selecting a bar does, read out with the bar, e.g. "show the leads behind it". */
  readonly selectAction?: string;
}

export function StageFunnelChart({
  bars,
  axisLabel,
  tickFormat,
  onSelect,
  selectAction = 'show the leads behind it',
}: StageFunnelChartProps) {
  const shape = onSelect
    ? drillBarShape<StageBar>(
        (b) => `${b.label}: ${b.barLabel}`,
        selectAction,
        (b) => onSelect(b.stage),
      )
    : undefined;
  return (
    <ResponsiveContainer width="100%" height={60 + bars.length * 44}>
      <BarChart data={[...bars]} layout="vertical" margin={{ top: 4, right: 200, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis
          type="number"
          tickFormatter={tickFormat}
          label={{ value: axisLabel, position: 'insideBottom', offset: -14 }}
        />
        <YAxis type="category" dataKey="label" width={90} />
        <Tooltip content={<ChartTooltip />} cursor={{ fill: CURSOR_FILL }} />
        <Bar
          dataKey="value"
          name={axisLabel}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          shape={shape}
          onClick={(d: { payload?: StageBar }) => d.payload && onSelect?.(d.payload.stage)}
        >
          {bars.map((b) => (
            <Cell key={b.stage} fill={b.stage === 'won' ? CHART_COLORS.won : CHART_COLORS.primary} />
          ))}
          <LabelList dataKey="barLabel" position="right" fill={INK} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
