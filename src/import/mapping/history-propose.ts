/**
 * A first guess that a file is deal history in another shape: history snapshots (a valid-from
 * column such as Fivetran's `_fivetran_start` beside a deal id and deal fields) or one row per
 * field change (a field-name column and a value column). The user reviews it on the mapping screen.
 */
import type { TableMapping } from './schema';
import { knownFieldName, type HistoryField, type HistoryShape } from '../history/shape';
import { parseDecimal } from '../values/parse-values';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function finder(header: readonly string[]) {
  const byNorm = new Map<string, string>();
  for (const h of header) if (!byNorm.has(norm(h))) byNorm.set(norm(h), h.trim());
  return (...names: string[]) => names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
}

const VALID_FROM = ['fivetranstart', 'dbtvalidfrom', 'validfrom'];
const DEAL_ID = ['opportunityid', 'dealid', 'recordid', 'objectid', 'id'];

/** Percent when some probability value is above 1 (Salesforce writes 0–100). */
function scaleOf(values: readonly string[]): 'fraction' | 'percent' {
  return values.some((v) => (parseDecimal(v.trim()) ?? 0) > 1) ? 'percent' : 'fraction';
}

function columnValues(header: readonly string[], rows: readonly (readonly string[])[], column: string | undefined) {
  const i = header.findIndex((h) => h.trim() === column);
  return i < 0 ? [] : rows.map((r) => r[i] ?? '');
}

function snapshots(file: string, header: readonly string[], rows: readonly (readonly string[])[]) {
  const find = finder(header);
  const validFrom = find(...VALID_FROM);
  const id = find(...DEAL_ID);
  if (validFrom === undefined || id === undefined) return undefined;
  // HubSpot's deal_stage table: one row per stage entered, the stage id in `value`.
  const entered = find('dateentered');
  // Fivetran's HubSpot deal table in history mode prefixes properties with `property_`.
  const fields: [HistoryField, string | undefined][] = [
    [
      'stage',
      find('stagename', 'dealstage', 'stage', 'propertydealstage', 'dealpipelinestageid') ??
        (entered !== undefined ? find('value') : undefined),
    ],
    ['amount', find('amount', 'propertyamount')],
    ['close_date', find('closedate', 'propertyclosedate')],
    ['probability', find('probability', 'hsdealstageprobability', 'propertyhsdealstageprobability')],
    [
      'forecast_category',
      find('forecastcategory', 'forecastcategoryname', 'hsforecastcategory', 'propertyhsforecastcategory'),
    ],
  ];
  const columns: [string, string][] = [
    ['opportunity_id', id],
    ['at', entered ?? validFrom],
    ...fields.flatMap(([f, c]): [string, string][] => (c === undefined ? [] : [[f, c]])),
  ];
  if (columns.length === 2) return undefined;
  const shape: HistoryShape = {
    kind: 'snapshots',
    probability: scaleOf(columnValues(header, rows, fields[3]![1])),
  };
  return { file, target: 'opportunity_history', columns, values: [], defaults: [], shape } satisfies TableMapping;
}

function fieldChanges(file: string, header: readonly string[], rows: readonly (readonly string[])[]) {
  const find = finder(header);
  const id = find(...DEAL_ID);
  const field = find('field', 'property', 'propertyname', 'fieldname');
  const value = find('newvalue', 'value', 'propertyvalue');
  const at = find('timestamp', 'createddate', 'changedat', 'changedate', 'date');
  if (id === undefined || field === undefined || value === undefined || at === undefined) return undefined;
  const fieldValues = columnValues(header, rows, field);
  const newValues = columnValues(header, rows, value);
  const names = new Map<string, HistoryField>();
  for (const n of fieldValues) {
    const f = knownFieldName(n);
    if (f !== undefined && !names.has(n.trim())) names.set(n.trim(), f);
  }
  const probabilityValues = newValues.filter((_, k) => names.get((fieldValues[k] ?? '').trim()) === 'probability');
  const previous = find('oldvalue', 'previousvalue');
  const shape: HistoryShape = {
    kind: 'changes',
    field,
    value,
    ...(previous !== undefined && { previous }),
    names: [...names],
    probability: scaleOf(probabilityValues),
  };
  const columns: [string, string][] = [
    ['opportunity_id', id],
    ['at', at],
  ];
  return { file, target: 'opportunity_history', columns, values: [], defaults: [], shape } satisfies TableMapping;
}

/** The proposal when the header looks like history in another shape; undefined otherwise. */
export function proposeHistoryShape(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): TableMapping | undefined {
  return snapshots(file, header, rows) ?? fieldChanges(file, header, rows);
}
