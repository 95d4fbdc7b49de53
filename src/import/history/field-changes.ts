/**
 * One row per field change → canonical history rows. HubSpot's deal property history (`Record ID`,
 * `Property`, `Value`, `Timestamp`, or the API's `dealId`, `propertyName`, `value`, `timestamp`)
 * and Salesforce's OpportunityFieldHistory (`OpportunityId`, `Field`, `OldValue`, `NewValue`,
 * `CreatedDate`) have this shape. Each row sets the one tracked field its field name stands for;
 * a row of a field that is not tracked, or whose new value is empty, is rejected with that reason.
 */
import type { CsvTable } from '../csv';
import type { DateFormat } from '../values/dates';
import { HISTORY_FIELDS, type HistoryField } from './shape';
import { isoOf, readInstantColumn } from './instants';
import {
  FIELD_LABEL,
  canonicalValue,
  columnIndex,
  missingColumn,
  noteBook,
  widthNote,
  type ShapedTable,
} from './shaped';

export interface FieldChangeSpec {
  /** Source columns: the deal id, the instant of the change, the field name, its new value. */
  readonly id: string;
  readonly at: string;
  readonly field: string;
  readonly value: string;
  /** Source column of the value before the change: gives prev_amount and prev_close_date. */
  readonly previous?: string;
  /** [field name as written in the source, tracked field]; matched case-insensitively. */
  readonly names: readonly (readonly [string, HistoryField])[];
  readonly probability: 'fraction' | 'percent';
  readonly dateFormat?: DateFormat;
}

const PREVIOUS: Partial<Record<HistoryField, string>> = { amount: 'prev_amount', close_date: 'prev_close_date' };

/** See the module comment. */
export function fieldChangeRows(source: CsvTable, spec: FieldChangeSpec): ShapedTable {
  const warnings: string[] = [];
  const { notes, note } = noteBook();
  const at = (name: string | undefined, role: string) => {
    const i = columnIndex(source.header, name);
    if (name !== undefined && i === undefined) warnings.push(missingColumn(name, role));
    return i;
  };
  const idAt = at(spec.id, 'opportunity_id');
  const whenAt = at(spec.at, 'at');
  const fieldAt = at(spec.field, 'the field name');
  const valueAt = at(spec.value, 'the new value');
  const previousAt = at(spec.previous, 'the previous value');
  const names = new Map(spec.names.map(([n, f]) => [n.trim().toLowerCase(), f]));
  const header = [
    ...(idAt === undefined ? [] : ['opportunity_id']),
    ...(whenAt === undefined ? [] : ['at']),
    ...HISTORY_FIELDS,
    ...(previousAt === undefined ? [] : ['prev_amount', 'prev_close_date']),
  ];
  const col = new Map(header.map((h, i) => [h, i]));
  const cell = (r: readonly string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? ''));
  const read = readInstantColumn(
    source.rows.map((r) => cell(r, whenAt)),
    spec.dateFormat,
  );
  if (read.problem) warnings.push(`column "${spec.at}" → at: ${read.problem} (these rows were not read)`);
  if (read.format) warnings.push(`column "${spec.at}" → at: dates read as ${read.format}`);
  const tracked = [...new Set(spec.names.map(([, f]) => FIELD_LABEL[f]))].join(', ') || 'none chosen';
  const untracked = new Map<string, number>();

  const rows = source.rows.map((r, k) => {
    const row = k + 1;
    const width = widthNote(r, source.header.length);
    if (width) note(row, width);
    const out = header.map(() => '');
    if (idAt !== undefined) out[0] = cell(r, idAt);
    const ms = read.ms[k];
    if (whenAt !== undefined) out[col.get('at')!] = ms === undefined ? cell(r, whenAt) : isoOf(ms);
    const name = cell(r, fieldAt).trim();
    const field = names.get(name.toLowerCase());
    if (field === undefined) {
      if (fieldAt !== undefined) untracked.set(name, (untracked.get(name) ?? 0) + 1);
      note(row, {
        column: spec.field,
        value: name,
        reason:
          fieldAt === undefined
            ? missingColumn(spec.field, 'the field name')
            : `changes of ${name === '' ? 'an unnamed field' : `"${name}"`} are not tracked (tracked: ${tracked})`,
        outcome: 'rejected',
      });
      return out;
    }
    const value = cell(r, valueAt);
    if (value.trim() === '') {
      note(row, {
        column: spec.value,
        value,
        reason: `the new ${FIELD_LABEL[field]} is empty: a history row cannot clear a value, the earlier one stands`,
        outcome: 'rejected',
      });
      return out;
    }
    out[col.get(field)!] = canonicalValue(field, value, spec.probability);
    const prevColumn = PREVIOUS[field];
    const previous = cell(r, previousAt);
    if (prevColumn !== undefined && previousAt !== undefined && previous.trim() !== '')
      out[col.get(prevColumn)!] = canonicalValue(field, previous, spec.probability);
    return out;
  });
  if (untracked.size > 0)
    warnings.push(
      `rows of fields not tracked were rejected: ${[...untracked]
        .slice(0, 8)
        .map(([n, c]) => `${n === '' ? '(empty)' : n} (${c})`)
        .join(', ')}${untracked.size > 8 ? ', …' : ''}`,
    );
  return { table: { header, rows, errors: source.errors, delimiter: ',' }, notes, warnings };
}
