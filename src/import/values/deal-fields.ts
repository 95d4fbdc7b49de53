/**
 * Value-level readers of the deal fields CRMs carry beyond the amount: the deal's own probability,
 * its forecast category and the currency of its amount. Every reader of opportunity rows (the
 * record readers, the columnar loader, the JSON reader) calls these, so they all say the same.
 */
import { FORECAST_CATEGORIES, type ForecastCategory } from '../../engine/model/stages';
import { parseDecimal } from './parse-values';

export type ValueResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * A probability 0–1 (`0.25`), or a percentage written with its sign (`25%`, `25 %`). A bare number
 * above 1 is refused rather than guessed to be a percentage: `1` would read both ways.
 */
export function parseProbability(text: string): ValueResult<number> {
  const t = text.trim();
  const percent = /^(.*?)\s*%$/.exec(t);
  const n = parseDecimal(percent ? percent[1]! : t);
  if (n === undefined)
    return { ok: false, reason: 'not a probability: expected a number from 0 to 1 (or a percentage such as 25%)' };
  const p = percent ? n / 100 : n;
  if (p < 0 || p > 1) {
    return {
      ok: false,
      reason: percent
        ? 'not a probability: a percentage must lie between 0% and 100%'
        : 'not a probability: expected a number from 0 to 1 (write 25% for a percentage)',
    };
  }
  return { ok: true, value: p };
}

/** A Salesforce `Probability` (a percentage 0–100, no sign) as 0–1. */
export function percentToProbability(text: string): ValueResult<number> {
  const t = text.trim();
  return parseProbability(t.endsWith('%') ? t : `${t}%`);
}

const CATEGORY_SPELLINGS: ReadonlyMap<string, ForecastCategory> = new Map([
  ['pipeline', 'pipeline'],
  ['bestcase', 'best_case'],
  ['commit', 'commit'],
  // Salesforce's API value of the "Commit" category.
  ['forecast', 'commit'],
  ['closed', 'closed'],
  ['omitted', 'omitted'],
  // HubSpot's forecast categories.
  ['closedwon', 'closed'],
  ['notforecasted', 'omitted'],
]);

/**
 * A forecast category: the ids of FORECAST_CATEGORIES, Salesforce's labels ("Best Case") and API
 * values (`BestCase`, `Forecast` = Commit), in any case.
 */
export function parseForecastCategory(text: string): ValueResult<ForecastCategory> {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const hit = CATEGORY_SPELLINGS.get(key);
  if (hit !== undefined) return { ok: true, value: hit };
  return {
    ok: false,
    reason: `unknown forecast category: expected ${FORECAST_CATEGORIES.join(', ')} (or Salesforce's Best Case, Forecast)`,
  };
}

/** An ISO 4217 currency code: three letters, upper-cased (`usd` → `USD`). */
export function parseCurrencyCode(text: string): ValueResult<string> {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return { ok: true, value: t.toUpperCase() };
  return { ok: false, reason: 'not a currency code: expected three letters of ISO 4217, e.g. USD, EUR' };
}
