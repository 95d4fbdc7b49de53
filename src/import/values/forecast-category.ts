/**
 * Forecast category names as CRMs write them → FORECAST_CATEGORIES ids. Salesforce's
 * ForecastCategoryName labels ("Best Case") and API values (`BestCase`, `Forecast` for Commit),
 * HubSpot's deal forecast categories ("Not forecasted" for Omitted, "Closed won"; the internal
 * values such as `BEST_CASE` and `OMIT` of its property history) and the ids
 * themselves are read, case and spacing ignored.
 */
import type { ForecastCategory } from '../../engine/model/stages';

const NAMES: ReadonlyMap<string, ForecastCategory> = new Map([
  ['pipeline', 'pipeline'],
  ['bestcase', 'best_case'],
  ['commit', 'commit'],
  ['forecast', 'commit'],
  ['closed', 'closed'],
  ['closedwon', 'closed'],
  ['omitted', 'omitted'],
  ['notforecasted', 'omitted'],
  ['omit', 'omitted'],
]);

/** The category a name stands for, or undefined when it names none. */
export function parseForecastCategory(text: string): ForecastCategory | undefined {
  return NAMES.get(text.toLowerCase().replace(/[\s_-]+/g, ''));
}

export const FORECAST_CATEGORY_HINT = 'expected Pipeline, Best case, Commit, Closed or Omitted';

/**
 * A probability as a fraction 0–1, or a percentage written with `%` ("25%"). Anything else, or a
 * value outside 0–1, is undefined.
 */
export function parseProbability(text: string): number | undefined {
  const t = text.trim();
  const percent = t.endsWith('%');
  const n = Number((percent ? t.slice(0, -1) : t).trim());
  if (t === '' || t === '%' || !Number.isFinite(n)) return undefined;
  const p = percent ? n / 100 : n;
  return p >= 0 && p <= 1 ? p : undefined;
}
