/**
 * The shapes a deal-history table comes in, beside the canonical one (one row per change, each
 * field it sets being the value from then on). A table mapping of `opportunity_history` may name
 * one of them; its rows are then converted, row for row, into canonical history rows.
 * - `snapshots`: one full row per version of a deal, valid from a date on (a warehouse's history
 *   mode: Fivetran's `_fivetran_start`, dbt snapshots' `dbt_valid_from`). The mapping's columns
 *   name the deal id, the valid-from column (as `at`) and the tracked fields.
 * - `changes`: one row per field change (HubSpot's property history, Salesforce's
 *   OpportunityFieldHistory): a column names the field, another holds its new value. The mapping's
 *   columns name the deal id and the instant (`at`).
 */
import { z } from 'zod';

/** The deal fields a history row can set. */
export const HISTORY_FIELDS = ['stage', 'amount', 'close_date', 'probability', 'forecast_category'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** How probability values are written: a fraction 0–1 (HubSpot) or a percentage 0–100 (Salesforce). */
const probabilityScale = z.enum(['fraction', 'percent']).default('fraction');

/** A source column name ('' while the user has not chosen it: every row is then rejected, saying so). */
const column = z.string().max(500);

export const historyShapeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('snapshots'), probability: probabilityScale }),
  z.strictObject({
    kind: z.literal('changes'),
    /** Source column naming the field that changed (`Property`, `Field`, `propertyName`). */
    field: column,
    /** Source column with the field's new value. */
    value: column,
    /** Source column with the value before the change (`OldValue`), read for amount and close date. */
    previous: column.optional(),
    /** [field name as the source writes it, tracked field]; a name not listed is not tracked. */
    names: z.array(z.tuple([z.string().max(500), z.enum(HISTORY_FIELDS)])).max(200),
    probability: probabilityScale,
  }),
]);

export type HistoryShape = z.output<typeof historyShapeSchema>;
export type HistoryShapeKind = HistoryShape['kind'];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Field names of CRM field-change exports (normalised: lower case, letters and digits) → tracked
 * field: HubSpot's internal names and labels, Salesforce's API names.
 */
const KNOWN_NAMES: ReadonlyMap<string, HistoryField> = new Map([
  ['dealstage', 'stage'],
  ['stagename', 'stage'],
  ['stage', 'stage'],
  ['amount', 'amount'],
  ['closedate', 'close_date'],
  ['probability', 'probability'],
  ['hsdealstageprobability', 'probability'],
  ['dealprobability', 'probability'],
  ['hsforecastcategory', 'forecast_category'],
  ['forecastcategory', 'forecast_category'],
  ['forecastcategoryname', 'forecast_category'],
]);

/** The tracked field a source field name stands for, when it is a known CRM name. */
export function knownFieldName(name: string): HistoryField | undefined {
  return KNOWN_NAMES.get(norm(name));
}
