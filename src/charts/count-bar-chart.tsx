/** Counts (or days) as bars over categories, with optional reference band; used for distributions. */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartTooltip, type TooltipDatum } from './chart-tooltip';
import { drillBarShape } from './drill-bar';
import { CHART_COLORS, CURSOR_FILL, FONT_SIZE, MARGIN_WIDE_X } from './theme';

export interface CountRow extends TooltipDatum {
  readonly category: string;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface CountBarChartProps {
  readonly rows: readonly CountRow[];
  readonly series: readonly { readonly key: string; readonly name: string; readonly color: string }[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** A shaded band on the value axis, e.g. a benchmark range of days, on the category given. */
  readonly band?: { readonly label: string; readonly low: number; readonly high: number };
  /** Called with the category of a clicked bar (or one activated by Enter or Space). */
  readonly onSelect?: (category: string) => void;
  /** What selecting a bar does, read out with the bar. */
  readonly selectAction?: string;
  readonly height?: number;
}

export function CountBarChart({
  rows,
  series,
  xLabel,
  yLabel,
  band,
  onSelect,
  selectAction = 'show the leads behind it',
  height = 280,
}: CountBarChartProps) {
  const data = rows.map((r) => ({ ...r, ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? null])) }));
  const shapeFor = (s: { key: string; name: string }) =>
    onSelect
      ? drillBarShape<CountRow>(
          (r) =>
            r.tooltip?.length ? r.tooltip.join('; ') : `${r.category}, ${s.name}: ${r.values[s.key] ?? 'no figure'}`,
          selectAction,
          (r) => onSelect(r.category),
        )
      : undefined;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={MARGIN_WIDE_X}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis
          dataKey="category"
          interval={0}
          tick={{ fontSize: FONT_SIZE.tick }}
          label={{ value: xLabel, position: 'insideBottom', offset: -18 }}
        />
        <YAxis label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4 }} />
        <Tooltip content={<ChartTooltip />} cursor={{ fill: CURSOR_FILL }} />
        {series.length > 1 ? <Legend itemSorter={null} verticalAlign="top" height={28} /> : null}
        {band ? (
          <ReferenceArea
            y1={band.low}
            y2={band.high}
            ifOverflow="extendDomain"
            fill={CHART_COLORS.benchmark}
            fillOpacity={0.12}
            label={{
              value: band.label,
              position: 'insideTopLeft',
              fill: CHART_COLORS.benchmark,
              fontSize: FONT_SIZE.referenceLabel,
            }}
          />
        ) : null}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            isAnimationActive={false}
            cursor={onSelect ? 'pointer' : undefined}
            shape={shapeFor(s)}
            onClick={(d: { payload?: CountRow }) => d.payload && onSelect?.(d.payload.category)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
