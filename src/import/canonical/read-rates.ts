/** currency_rates.csv → the user's conversion rates (SPEC §3). */
import type { CurrencyRate } from '../../engine/model/records';
import type { ReportBuilder } from '../report';
import { parseCurrencyCode } from '../values/deal-fields';
import { CURRENCY_RATE_COLUMNS } from './columns';
import { parseDecimal } from '../values/parse-values';
import { eachRow, type RowReader } from './row-reader';
import { openTable, type SourceFile } from './table';

const RATE_HINT = 'expected units of the plan currency per 1 unit of the row’s currency, e.g. 1.1';

/** A rate: a plain decimal above 0; anything else rejects the row with the reason. */
function readRate(r: RowReader): number | undefined {
  const t = r.required('rate');
  if (t === undefined) return undefined;
  const n = parseDecimal(t);
  if (n === undefined) r.tally.reject('rate', t, `not a number: ${RATE_HINT}`);
  else if (n < 0) r.tally.reject('rate', t, `a negative rate converts nothing: ${RATE_HINT}`);
  else if (n === 0) r.tally.reject('rate', t, `a rate of 0 would make every amount 0: ${RATE_HINT}`);
  else return n;
  return undefined;
}

/**
 * Reads currency_rates.csv: one row per `currency` (ISO 4217) with its `rate`, the units of the plan
 * currency one unit of it is worth. A row is rejected, naming the field, when the code is not three
 * letters, the rate is not a number above 0, the currency was given a rate on an earlier row, or it
 * is the plan currency with a rate other than 1 (the plan currency's own row, at 1, is kept out).
 */
export function readCurrencyRates(file: SourceFile, planCurrency: string, report: ReportBuilder): CurrencyRate[] {
  const table = openTable(
    file,
    { known: CURRENCY_RATE_COLUMNS, required: ['currency', 'rate'], keepsCustom: false },
    report,
  );
  const out: CurrencyRate[] = [];
  const firstRow = new Map<string, number>();
  eachRow(table, report.file(file.name), (r) => {
    const text = r.required('currency');
    const code = text === undefined ? undefined : parseCurrencyCode(text);
    if (code?.ok === false) r.tally.reject('currency', text, code.reason);
    else if (code?.ok && code.value !== text) r.tally.repair('currency', text, `written as ${code.value}`);
    const currency = code?.ok ? code.value : undefined;
    const rate = readRate(r);
    if (currency !== undefined && firstRow.has(currency)) r.duplicate('currency', currency, firstRow.get(currency)!);
    if (currency === planCurrency && rate !== undefined && rate !== 1) {
      r.tally.reject('rate', r.text('rate'), `${currency} is the plan currency: its rate is 1`);
    }
    if (r.rejected || currency === undefined || rate === undefined) return;
    firstRow.set(currency, r.row);
    if (currency !== planCurrency) out.push({ currency, rate });
  });
  return out;
}
