/** The Data view's Currencies card as text: one row per currency the opportunities' amounts are in. */
import { formatCount, formatMoney } from '../../lib/format';
import type { DatasetSummary } from '../../worker/api';

export interface CurrencyRow {
  readonly currency: string;
  readonly deals: string;
  /** The total in its own currency. */
  readonly total: string;
  /** The total in the plan currency, or why there is none. */
  readonly inPlan: string;
  /** The rate in use (plan units per 1 unit); null when none. */
  readonly rate: number | null;
  /** Whether the user may set its rate (every currency but the plan's). */
  readonly editable: boolean;
  readonly status: string;
}

export interface CurrenciesModel {
  readonly plan: string;
  readonly rows: readonly CurrencyRow[];
  /** One line under the title. */
  readonly summary: string;
}

export function buildCurrenciesModel(s: Pick<DatasetSummary, 'currency' | 'currencies'>): CurrenciesModel {
  const plan = s.currency;
  const rows = s.currencies.map((u): CurrencyRow => {
    const deals = `${formatCount(u.deals)} deal${u.deals === 1 ? '' : 's'}`;
    const status =
      u.treatment === 'plan'
        ? 'Plan currency'
        : u.treatment === 'converted'
          ? `Converted at ${u.rate} ${plan} per ${u.currency}`
          : `No rate: ${deals} left out of every sum of money`;
    return {
      currency: u.currency,
      deals: formatCount(u.deals),
      total: formatMoney(u.amountCents, u.currency),
      inPlan: u.planCents === null ? 'left out — no rate' : formatMoney(u.planCents, plan),
      rate: u.rate,
      editable: u.treatment !== 'plan',
      status,
    };
  });
  const others = rows.filter((r) => r.editable).length;
  const summary =
    rows.length === 0
      ? `No opportunity has an amount: money would be in ${plan}.`
      : others === 0
        ? `Every amount is in ${plan}: nothing to convert.`
        : `Every figure of money is in ${plan}. An amount in another currency counts only once you give its rate (units of ${plan} per 1 unit); converted amounts are rounded to the cent. Rates are kept with the dataset and written by its CSV export (currency_rates.csv).`;
  return { plan, rows, summary };
}

/** A rate typed by the user: a number above 0, else the reason it is refused. */
export function parseRateInput(text: string): { ok: true; rate: number } | { ok: false; reason: string } {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'Enter a rate, e.g. 1.1.' };
  const n = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n))
    return { ok: false, reason: `“${t}” is not a number: a rate is written like 1.1 or 0.00025.` };
  if (n <= 0) return { ok: false, reason: 'A rate is above 0.' };
  return { ok: true, rate: n };
}
