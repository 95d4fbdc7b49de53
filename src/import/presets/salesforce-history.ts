/**
 * Salesforce deal history → opportunity_history. Two shapes are read:
 * - `OpportunityHistory`: one row per change carrying the deal's whole state after it (StageName,
 *   Amount, CloseDate, Probability in percent, ForecastCategory as the API value `BestCase`,
 *   `Forecast`…) and, in recent API versions, PrevAmount and PrevCloseDate.
 * - `OpportunityFieldHistory`: one row per field change (Field, OldValue, NewValue). Rows of fields
 *   RevLens does not track (Owner, NextStep…) are rejected with that reason.
 * Amounts are in the deal's own currency (a CurrencyIsoCode column of the history is not read).
 */
import type { TableMapping } from '../mapping/schema';
import { pairs, pick, withColumn, type ParsedFile, type PresetTable } from './types';

const PERCENT = 'probability (Probability ÷ 100)';

/** Salesforce's 0–100 probability as the canonical 0–1 fraction; other text is passed on as is. */
function fraction(percent: string): string {
  const n = Number(percent);
  return percent === '' || !Number.isFinite(n) ? percent : String(n / 100);
}

function historyMapping(file: ParsedFile, columns: [string, string][]): PresetTable {
  const mapping: TableMapping = { file: file.name, target: 'opportunity_history', columns, values: [], defaults: [] };
  return { file, mapping };
}

export function isFieldHistory(header: readonly string[]): boolean {
  return (
    pick(header, 'OpportunityId') !== undefined &&
    pick(header, 'Field') !== undefined &&
    pick(header, 'NewValue') !== undefined
  );
}

/** OpportunityHistory: each row is the deal's state from CreatedDate on. */
export function opportunityHistoryTable(file: ParsedFile): PresetTable {
  const h = file.table.header;
  const columns = pairs(h, [
    ['opportunity_id', 'OpportunityId'],
    ['at', 'CreatedDate'],
    ['stage', 'StageName'],
    ['amount', 'Amount'],
    ['close_date', 'CloseDate'],
    ['forecast_category', 'ForecastCategory', 'ForecastCategoryName'],
    ['prev_amount', 'PrevAmount'],
    ['prev_close_date', 'PrevCloseDate'],
  ]);
  if (pick(h, 'Probability') === undefined) return historyMapping(file, columns);
  const table = withColumn(file.table, PERCENT, (c) => fraction(c('Probability')));
  return historyMapping({ name: file.name, table }, [...columns, ['probability', PERCENT]]);
}

/** Field name in OpportunityFieldHistory → the canonical column its NewValue sets. */
const FIELDS: ReadonlyMap<string, string> = new Map([
  ['stagename', 'stage'],
  ['amount', 'amount'],
  ['closedate', 'close_date'],
  ['probability', 'probability'],
  ['forecastcategoryname', 'forecast_category'],
  ['forecastcategory', 'forecast_category'],
]);

/** OpportunityFieldHistory: one column per tracked field, set only on the rows that change it. */
export function fieldHistoryTable(file: ParsedFile): PresetTable {
  const field = (c: (column: string) => string) => FIELDS.get(c('Field').toLowerCase());
  const when = (target: string, value: 'NewValue' | 'OldValue') => (c: (column: string) => string) => {
    if (field(c) !== target) return '';
    return target === 'probability' ? fraction(c(value)) : c(value);
  };
  const computed: [string, string, (c: (column: string) => string) => string][] = [
    ['stage', 'stage (NewValue of StageName)', when('stage', 'NewValue')],
    ['amount', 'amount (NewValue of Amount)', when('amount', 'NewValue')],
    ['close_date', 'close_date (NewValue of CloseDate)', when('close_date', 'NewValue')],
    ['probability', 'probability (NewValue of Probability ÷ 100)', when('probability', 'NewValue')],
    [
      'forecast_category',
      'forecast_category (NewValue of ForecastCategoryName)',
      when('forecast_category', 'NewValue'),
    ],
    ['prev_amount', 'prev_amount (OldValue of Amount)', when('amount', 'OldValue')],
    ['prev_close_date', 'prev_close_date (OldValue of CloseDate)', when('close_date', 'OldValue')],
  ];
  let table = file.table;
  for (const [, name, value] of computed) table = withColumn(table, name, value);
  const columns: [string, string][] = [
    ...pairs(file.table.header, [
      ['opportunity_id', 'OpportunityId'],
      ['at', 'CreatedDate'],
    ]),
    ...computed.map(([target, name]): [string, string] => [target, name]),
  ];
  return {
    ...historyMapping({ name: file.name, table }, columns),
    rejectRow: (c) =>
      field(c) === undefined
        ? {
            column: 'Field',
            value: c('Field'),
            reason: `changes of ${c('Field') || 'an unnamed field'} are not tracked (StageName, Amount, CloseDate, Probability and ForecastCategoryName are)`,
          }
        : undefined,
  };
}
