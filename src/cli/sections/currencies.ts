/**
 * Report key `currencies`: the plan currency every figure of money is in, and per currency the
 * opportunity amounts were recorded in: deals, own total (and in the plan currency), the rate used (null with the reason when
 * none was given) and whether its amounts were converted or left out of every sum of money.
 */
import { leftOutForRate, type CurrencyUse } from '../../engine/model/currency';
import { moneyNotes } from '../../lib/money-notes';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

const HINT = 'give its rate in currency_rates.csv';

function reason(u: CurrencyUse): string | null {
  if (u.treatment === 'plan') return 'the plan currency';
  if (u.treatment === 'no-rate')
    return `no rate for ${u.currency} in currency_rates.csv: its deals are counted and left out of every sum of money`;
  return null;
}

export function currenciesJson({ dataset: ds }: DatasetContext) {
  const plan = ds.meta.currency;
  const uses = ds.meta.currencyUse;
  const out = leftOutForRate(uses);
  return {
    currencies: {
      planCurrency: plan,
      method: `Every figure of money is in ${plan}. Amounts in another currency are converted at the rate given (units of ${plan} per 1 unit), rounded to the cent, halves away from zero; amounts in a currency without a rate are never added to ${plan}: their deals count as deals and are left out of every sum of money.`,
      perCurrency: uses.map((u) => ({
        currency: u.currency,
        deals: u.deals,
        amount: u.amountCents / 100,
        inPlanCurrency: u.planCents === null ? null : u.planCents / 100,
        rate: u.rate,
        converted: u.treatment === 'converted',
        reason: reason(u),
      })),
      leftOut: { deals: out.deals, currencies: out.currencies.map((u) => u.currency) },
      notes: moneyNotes(uses, plan, HINT),
    },
  };
}

function textLines({ dataset: ds }: DatasetContext): string[] {
  const plan = ds.meta.currency;
  const uses = ds.meta.currencyUse;
  if (uses.length === 0) return [`Currencies: no opportunity amount; money is in ${plan}`];
  if (uses.length === 1 && uses[0]!.treatment === 'plan') return [`Currencies: every amount is in ${plan}`];
  const line = (u: CurrencyUse) => {
    const deals = `${u.deals} deal${u.deals === 1 ? '' : 's'}`;
    if (u.treatment === 'plan') return `  ${u.currency}: ${deals}, the plan currency`;
    if (u.treatment === 'converted')
      return `  ${u.currency}: ${deals}, converted at ${u.rate} ${plan} per ${u.currency}`;
    return `  ${u.currency}: ${deals}, no rate: left out of every sum of money (${HINT})`;
  };
  const out = leftOutForRate(uses);
  const leftOut =
    out.deals > 0
      ? [
          `  Every figure of money below is in ${plan} and leaves out ${out.deals} deal${out.deals === 1 ? '' : 's'} (${out.currencies.map((u) => `${u.deals} in ${u.currency}`).join(', ')}); they are counted as deals.`,
        ]
      : [];
  return [`Currencies: money is in ${plan}`, ...uses.map(line), ...leftOut];
}

export const currenciesSection: ReportSection = {
  json: currenciesJson,
  text: textLines,
};
