/** What each canonical column holds, so a mapping knows how to convert the source values. */
import { FILE_COLUMNS } from '../canonical/columns';
import { targetFile, type Target } from './schema';

export type FieldKind = 'date' | 'money' | 'number' | 'text';

const DATE_FIELDS = new Set([
  'created_at',
  'close_date',
  'prev_close_date',
  'entered_at',
  'at',
  'mql_at',
  'sal_at',
  'sql_at',
  'sqo_at',
  'won_at',
  'lost_at',
  'disqualified_at',
  'recycled_at',
]);
const MONEY_FIELDS = new Set(['amount', 'prev_amount', 'annual_revenue', 'quota']);
const NUMBER_FIELDS = new Set(['employees', 'value', 'fiscal_year_start_month', 'rate']);

export function fieldKind(field: string): FieldKind {
  if (DATE_FIELDS.has(field)) return 'date';
  if (MONEY_FIELDS.has(field)) return 'money';
  if (NUMBER_FIELDS.has(field)) return 'number';
  return 'text';
}

/** Canonical columns of a target table. */
export function targetFields(target: Target): readonly string[] {
  return FILE_COLUMNS[targetFile(target)] ?? [];
}

/** Required columns of each target (SPEC §3, marked *). */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  leads: ['id', 'created_at'],
  accounts: ['id'],
  activities: ['lead_id', 'type', 'at'],
  opportunities: ['id', 'created_at', 'status'],
  opportunity_stages: ['opportunity_id', 'stage', 'entered_at'],
  opportunity_history: ['opportunity_id', 'at'],
  touches: ['channel', 'at'],
  plan: ['quarter', 'quota'],
  currency_rates: ['currency', 'rate'],
};

/** Dates after the import instant are refused in these columns; close dates may lie ahead. */
export const FUTURE_ALLOWED = new Set(['close_date', 'prev_close_date']);
