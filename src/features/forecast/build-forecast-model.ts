/**
 * Shapes the forecast view-models for the charts: money in currency units (cents ÷ 100, a unit
 * change, no rounding).
 */
import type { ForecastView } from '../../worker/api';

const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);

export interface QuarterChartRow {
  /** Axis label: the quarter, "(now)" on the current one. */
  readonly quarter: string;
  /** The quarter's label, for its deal lists. */
  readonly id: string;
  readonly tense: string;
  readonly won: number;
  readonly openDue: number;
  readonly weightedDue: number;
  readonly quota: number | null;
}

export function buildQuarterRows(v: ForecastView): QuarterChartRow[] {
  return v.quarters.map((q) => ({
    quarter: q.tense === 'current' ? `${q.quarter} (now)` : q.quarter,
    id: q.quarter,
    tense: q.tense,
    won: units(q.wonCents)!,
    openDue: units(q.openDueCents)!,
    weightedDue: units(q.weightedDueCents)!,
    quota: units(q.quotaCents),
  }));
}

export interface LagChartRow {
  readonly quarter: string;
  readonly sqos: number | null;
  readonly actual: number | null;
  readonly forecast: number | null;
  readonly projected: number | null;
}

/**
 * Past quarters carry the forecast line; the current quarter's actual is to date, so its forecast
 * point is the forecast to date (null when the pace is unknown), never the full quarter; the
 * current and future quarters carry the full-quarter projection.
 */
export function buildLagRows(v: ForecastView): LagChartRow[] {
  return v.sqoLag.quarters.map((q) => ({
    quarter: q.tense === 'current' ? `${q.quarter} (to date)` : q.quarter,
    sqos: q.sqosCreated,
    actual: units(q.actualCents),
    forecast: q.tense === 'past' ? units(q.forecastCents) : q.tense === 'current' ? units(q.forecastToDateCents) : null,
    projected: q.tense === 'past' ? null : units(q.forecastCents),
  }));
}
