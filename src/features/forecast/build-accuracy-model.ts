/**
 * Shapes the forecast-accuracy view-model for the card: the projection headline for the chosen
 * method (or the most accurate one), the error-by-week chart rows and the MAPE table. Picks and
 * formats; computes no metric.
 */
import { CHART_COLORS } from '../../charts/theme';
import { formatMoney, formatPercent } from '../../lib/format';
import { METHOD_DEFINITION, METHOD_LABEL } from '../../lib/forecast-labels';
import type { AccuracyMethod, AccuracyMethodView, ForecastAccuracyView } from '../../worker/api';
import type { MethodChoice } from './accuracy-state';

type Measured = Extract<ForecastAccuracyView, { measurable: true }>;

/** How each method's line is drawn: colour and dash, so lines differ without colour too. */
export const METHOD_STYLE: Readonly<Record<AccuracyMethod, { readonly color: string; readonly dash?: string }>> = {
  weighted: { color: CHART_COLORS.primary },
  commit: { color: CHART_COLORS.won, dash: '8 4' },
  bestCase: { color: CHART_COLORS.intent, dash: '2 3' },
  sqoLag: { color: CHART_COLORS.violet, dash: '10 3 2 3' },
  repProbability: { color: CHART_COLORS.risk, dash: '4 4' },
};

export interface AccuracyLineSeries {
  readonly key: AccuracyMethod;
  readonly name: string;
  readonly color: string;
  readonly dash?: string;
  /** The most accurate method's line is drawn heavier. */
  readonly emphasis: boolean;
}

export interface AccuracyChartRow {
  readonly category: string;
  /** Mean absolute error per method at this week, fraction; null where not measurable. */
  readonly values: Readonly<Record<string, number | null>>;
  readonly tooltip: readonly string[];
}

export interface AccuracyTableRow {
  readonly method: AccuracyMethod;
  readonly label: string;
  readonly definition: string;
  /** Formatted MAPE, or the reason it is not measurable. */
  readonly mapeText: string;
  readonly measuredQuarters: number;
  readonly perQuarter: readonly string[];
  readonly projectionText: string;
  /** Whether the method projects the current quarter (its projection then lists its deals). */
  readonly projects: boolean;
  readonly isBest: boolean;
  readonly isChosen: boolean;
}

export interface AccuracyHeadline {
  readonly quarter: string;
  /** The method the projection uses; null when no method could be ranked and none was chosen. */
  readonly method: AccuracyMethod | null;
  /** Whether that method projects the quarter (then its projection lists its deals). */
  readonly projects: boolean;
  /** e.g. "by Weighted pipeline, the most accurate method over the last 6 quarters (MAPE 14.8%)". */
  readonly byText: string;
  readonly projectionText: string;
  readonly actualToDateText: string;
  /** The actual to date against the projection to date, or why there is none. */
  readonly toDateText: string;
}

export interface AccuracyModel {
  readonly currency: string;
  readonly quarters: readonly string[];
  readonly headline: AccuracyHeadline;
  readonly options: readonly { readonly value: MethodChoice; readonly label: string }[];
  readonly series: readonly AccuracyLineSeries[];
  readonly rows: readonly AccuracyChartRow[];
  readonly table: readonly AccuracyTableRow[];
  readonly csvRows: readonly (readonly (string | number | null)[])[];
}

const mapeText = (m: AccuracyMethodView) => (m.mape === null ? (m.reason ?? 'not measurable') : formatPercent(m.mape));

function headline(v: Measured, choice: MethodChoice): AccuracyHeadline {
  const cur = v.currency;
  const c = v.current;
  const method = choice === 'best' ? v.best : choice;
  const m = v.methods.find((x) => x.method === method);
  const actualToDateText = formatMoney(c.actualToDateCents, cur);
  if (!m)
    return {
      quarter: c.quarter,
      method: null,
      projects: false,
      byText: v.bestReason ?? 'not measurable',
      projectionText: 'not measurable',
      actualToDateText,
      toDateText: v.bestReason ?? '',
    };
  const n = v.quarters.length;
  const ranked =
    m.method === v.best
      ? `the most accurate method over the last ${n} quarters (MAPE ${formatPercent(m.mape)})`
      : `chosen; MAPE ${mapeText(m)} (most accurate: ${v.best ? METHOD_LABEL[v.best] : 'none'})`;
  const toDateText =
    m.projectionToDateCents !== null
      ? `against ${formatMoney(m.projectionToDateCents, cur)} the projection expects by day ${c.elapsedDays} (past quarters had closed ${formatPercent(c.paceShare)} of their bookings by then)`
      : (m.projectionReason ?? c.paceReason ?? 'not measurable');
  return {
    quarter: c.quarter,
    method: m.method,
    projects: m.projectionCents !== null,
    byText: `by ${METHOD_LABEL[m.method]}, ${ranked}`,
    projectionText: m.projectionCents === null ? 'not measurable' : formatMoney(m.projectionCents, cur, true),
    actualToDateText,
    toDateText,
  };
}

export function buildAccuracyModel(v: Measured, choice: MethodChoice): AccuracyModel {
  const quarters = v.quarters.map((q) => q.quarter);
  const bestLabel = v.best ? METHOD_LABEL[v.best] : undefined;
  const h = headline(v, choice);
  const rows = Array.from({ length: v.weeks }, (_, k) => ({
    category: `Week ${k + 1}`,
    values: Object.fromEntries(v.methods.map((m) => [m.method, m.byWeek[k] ?? null])),
    tooltip: [
      `Start of week ${k + 1} of the quarter`,
      ...v.methods.map((m) => `${METHOD_LABEL[m.method]}: ${formatPercent(m.byWeek[k] ?? null)} mean absolute error`),
    ],
  }));
  return {
    currency: v.currency,
    quarters,
    headline: h,
    options: [
      { value: 'best', label: `Most accurate${bestLabel ? ` (${bestLabel})` : ''}` },
      ...v.methods.map((m) => ({ value: m.method, label: METHOD_LABEL[m.method] })),
    ],
    series: v.methods.map((m) => ({
      key: m.method,
      name: m.method === v.best ? `${METHOD_LABEL[m.method]} (most accurate)` : METHOD_LABEL[m.method],
      ...METHOD_STYLE[m.method],
      emphasis: m.method === v.best,
    })),
    rows,
    table: v.methods.map((m) => ({
      method: m.method,
      label: METHOD_LABEL[m.method],
      definition: METHOD_DEFINITION[m.method],
      mapeText: mapeText(m),
      measuredQuarters: m.measuredQuarters,
      perQuarter: m.quarters.map((q) => (q.ape === null ? 'not measurable' : formatPercent(q.ape))),
      projectionText:
        m.projectionCents === null
          ? (m.projectionReason ?? 'not measurable')
          : formatMoney(m.projectionCents, v.currency),
      projects: m.projectionCents !== null,
      isBest: m.method === v.best,
      isChosen: m.method === h.method,
    })),
    csvRows: rows.map((r) => [r.category, ...v.methods.map((m) => r.values[m.method] ?? null)]),
  };
}
