/**
 * Rates as bars over categories (quarters), one or several series, with optional benchmark lines
 * and bands. Immature points are drawn pale and say so in their tooltip. Small-sample points are
 * hatched, faded and outlined, with their "n = 2" above the bar: not told by colour alone.
 */
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartTooltip, type TooltipDatum } from './chart-tooltip';
import { drillBarShape } from './drill-bar';
import { CHART_COLORS, CURSOR_FILL, FONT_SIZE, MARGIN_WIDE_X, PAPER } from './theme';

export interface RateSeries {
  /** Key of the series' values on each row. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

/** One category (x) with each series' rate as a fraction (null: no data) and per-series tooltips. */
export interface RateRow extends TooltipDatum {
  readonly category: string;
  readonly values: Readonly<Record<string, number | null>>;
  readonly immature?: Readonly<Record<string, boolean>>;
  /** Per series: the sample label ("n = 2") of a point below the sample threshold; absent otherwise. */
  readonly small?: Readonly<Record<string, string>>;
  readonly tooltips: Readonly<Record<string, readonly string[]>>;
}

export interface Benchmark {
  readonly label: string;
  /** Where the value comes from; listed under the chart. */
  readonly source: string;
  /** Fractions 0–1; a band when high > low. */
  readonly low: number;
  readonly high: number;
}

export interface RateBarChartProps {
  readonly rows: readonly RateRow[];
  readonly series: readonly RateSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly benchmarks?: readonly Benchmark[];
  /** Called with the category and series of a clicked bar (or one activated by Enter or Space). */
  readonly onSelect?: (category: string, seriesKey: string) => void;
  /** What selecting a bar does, read out with the bar. */
  readonly selectAction?: string;
  readonly height?: number;
  /** Says what hatched bars mean, shown under the chart when a point is a small sample. */
  readonly smallNote?: string;
}

const smallKey = (seriesKey: string) => `n:${seriesKey}`;

interface LabelSlot {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly width?: number | string;
  readonly value?: unknown;
}

/** "n = 2" above a small-sample bar, on one line (recharts would wrap it to the bar's width), haloed. */
function SmallSampleLabel({ x, y, width, value }: LabelSlot) {
  if (typeof value !== 'string' || value === '') return null;
  return (
    <text
      x={Number(x) + Number(width) / 2}
      y={Number(y) - 4}
      textAnchor="middle"
      fontSize={FONT_SIZE.markLabel}
      fill={CHART_COLORS.markLabel}
      stroke={PAPER}
      strokeWidth={3}
      paintOrder="stroke"
    >
      {value}
    </text>
  );
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Round ticks: every 5, 10 or 20 points up to the top of the data. */
function ticksUpTo(top: number): number[] {
  const step = top <= 0.3 ? 0.05 : top <= 0.8 ? 0.1 : 0.2;
  const out: number[] = [];
  for (let k = 0; k * step < top + step - 1e-9; k++) out.push(Math.round(k * step * 100) / 100);
  return out;
}

export function RateBarChart({
  rows,
  series,
  xLabel,
  yLabel,
  benchmarks = [],
  onSelect,
  selectAction = 'show the leads behind it',
  height = 300,
  smallNote,
}: RateBarChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatch = (k: number) => `rate-hatch-${uid}-${k}`;
  const data = rows.map((r) => ({
    ...r,
    ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? null])),
    ...Object.fromEntries(series.map((s) => [smallKey(s.key), r.small?.[s.key] ?? null])),
  }));
  const anySmall = rows.some((r) => series.some((s) => r.small?.[s.key] && r.values[s.key] != null));
  const top = Math.max(
    0.1,
    ...benchmarks.map((b) => b.high),
    ...data.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)),
  );
  const ticks = ticksUpTo(Math.min(1.5, top));
  const shapeFor = (s: RateSeries) =>
    onSelect
      ? drillBarShape<RateRow>(
          (r) => {
            const lines = r.tooltips[s.key];
            const v = r.values[s.key];
            return lines?.length
              ? lines.join('; ')
              : `${s.name}, ${r.category}: ${v === null || v === undefined ? 'no figure' : pct(v)}`;
          },
          selectAction,
          (r) => onSelect(r.category, s.key),
        )
      : undefined;
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={MARGIN_WIDE_X}>
          <defs>
            {series.map((s, k) => (
              <pattern
                key={s.key}
                id={hatch(k)}
                patternUnits="userSpaceOnUse"
                width={6}
                height={6}
                patternTransform="rotate(45)"
              >
                <rect width={6} height={6} fill={s.color} fillOpacity={0.18} />
                <line x1={0} y1={0} x2={0} y2={6} stroke={s.color} strokeWidth={2.5} strokeOpacity={0.7} />
              </pattern>
            ))}
          </defs>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="category" label={{ value: xLabel, position: 'insideBottom', offset: -18 }} />
          <YAxis
            tickFormatter={pct}
            ticks={ticks}
            domain={[0, ticks[ticks.length - 1]!]}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4 }}
          />
          <Tooltip
            content={<ChartTooltip lines={(d, key) => (d as RateRow).tooltips[key]} />}
            shared={false}
            cursor={{ fill: CURSOR_FILL }}
          />
          {series.length > 1 ? <Legend itemSorter={null} verticalAlign="top" height={28} /> : null}
          {benchmarks.map((b) =>
            b.high > b.low ? (
              <ReferenceArea
                key={b.label}
                y1={b.low}
                y2={b.high}
                fill={CHART_COLORS.benchmark}
                fillOpacity={0.1}
                label={{
                  value: b.label,
                  position: 'insideTopLeft',
                  fill: CHART_COLORS.benchmark,
                  fontSize: FONT_SIZE.referenceLabel,
                }}
              />
            ) : (
              <ReferenceLine
                key={b.label}
                y={b.low}
                stroke={CHART_COLORS.benchmark}
                strokeDasharray="6 3"
                label={{
                  value: b.label,
                  position: 'insideTopLeft',
                  fill: CHART_COLORS.benchmark,
                  fontSize: FONT_SIZE.referenceLabel,
                }}
              />
            ),
          )}
          {series.map((s, k) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              isAnimationActive={false}
              cursor={onSelect ? 'pointer' : undefined}
              shape={shapeFor(s)}
              onClick={(d: { payload?: RateRow }) => d.payload && onSelect?.(d.payload.category, s.key)}
            >
              {data.map((r) =>
                r.small?.[s.key] ? (
                  <Cell
                    key={r.category}
                    fill={`url(#${hatch(k)})`}
                    stroke={s.color}
                    strokeDasharray="3 2"
                    strokeWidth={1}
                  />
                ) : (
                  <Cell key={r.category} fill={s.color} fillOpacity={r.immature?.[s.key] ? 0.35 : 1} />
                ),
              )}
              <LabelList dataKey={smallKey(s.key)} content={SmallSampleLabel} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
      {anySmall && smallNote ? <p className="chart-note">{smallNote}</p> : null}
      {benchmarks.length ? (
        <ul className="chart-sources" aria-label="Benchmark sources">
          {benchmarks.map((b) => (
            <li key={b.label}>
              {b.label}: {b.source}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
