/** The canonical JSON's `currencyRates`: `[{ currency, rate }]`, read as currency_rates.csv is. */
import type { CurrencyRate } from '../../engine/model/records';
import { parseCurrencyCode } from '../values/deal-fields';
import { isObject, own, preview, type JsonFile } from './json-record';

/** One rate; rejected (naming the field) like a bad row of currency_rates.csv. */
export function readJsonRate(
  f: JsonFile,
  raw: unknown,
  seen: Map<string, number>,
  row: number,
  plan: string,
): CurrencyRate | undefined {
  if (!isObject(raw)) {
    f.tally.reject(undefined, preview(raw), 'not an object');
    return undefined;
  }
  const c = own(raw, 'currency');
  const code = typeof c === 'string' ? parseCurrencyCode(c) : undefined;
  if (code?.ok !== true)
    f.tally.reject(
      'currency',
      c === undefined ? undefined : preview(c),
      code?.reason ?? 'missing required field currency',
    );
  const r = own(raw, 'rate');
  const rate = typeof r === 'number' ? r : typeof r === 'string' && r.trim() !== '' ? Number(r) : NaN;
  if (!Number.isFinite(rate) || rate <= 0)
    f.tally.reject(
      'rate',
      r === undefined ? undefined : preview(r),
      'not a rate above 0: expected units of the plan currency per 1 unit, e.g. 1.1',
    );
  const currency = code?.ok === true ? code.value : undefined;
  if (currency !== undefined && seen.has(currency)) {
    f.tally.reject(
      'currency',
      currency,
      `duplicate currency "${currency}": rows ${seen.get(currency)} and ${row} (row ${seen.get(currency)} kept)`,
    );
  }
  if (currency === plan && rate !== 1)
    f.tally.reject('rate', preview(r), `${currency} is the plan currency: its rate is 1`);
  if (f.tally.isRejected || currency === undefined) return undefined;
  seen.set(currency, row);
  return currency === plan ? undefined : { currency, rate };
}
