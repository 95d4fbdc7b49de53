/** Tooltip body for recharts: exact, pre-formatted figures carried on each datum as `tooltip` lines. */
export interface TooltipDatum {
  readonly tooltip?: readonly string[];
}

interface Props {
  readonly active?: boolean;
  readonly payload?: readonly {
    readonly payload?: TooltipDatum;
    readonly name?: string | number;
    readonly dataKey?: unknown;
  }[];
  /** Picks the lines for the hovered series; defaults to the datum's `tooltip`. */
  readonly lines?: (datum: TooltipDatum, seriesKey: string) => readonly string[] | undefined;
}

export function ChartTooltip({ active, payload, lines }: Props) {
  const first = payload?.[0];
  if (!active || !first?.payload) return null;
  const text = (lines ? lines(first.payload, String(first.dataKey ?? '')) : undefined) ?? first.payload.tooltip ?? [];
  return (
    <div className="chart-tooltip">
      {text.map((line, k) => (
        <div key={k} className={k === 0 ? 'chart-tooltip__title' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}
