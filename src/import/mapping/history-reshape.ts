/**
 * A table mapping of opportunity_history with a shape (snapshots or field changes): the source
 * converted into canonical history rows, and the plain column mapping that then reads them.
 */
import type { CsvTable } from '../csv';
import type { TableMapping } from './schema';
import { fieldChangeRows } from '../history/field-changes';
import { HISTORY_FIELDS, type HistoryField } from '../history/shape';
import type { ShapedTable } from '../history/shaped';
import { snapshotChanges } from '../history/snapshots';

const isHistoryField = (f: string): f is HistoryField => (HISTORY_FIELDS as readonly string[]).includes(f);

/** The source column the mapping names for a canonical field ('' when none). */
const sourceFor = (tm: TableMapping, field: string) => tm.columns.find(([f]) => f === field)?.[1] ?? '';

/** Converts `source` by the mapping's shape; undefined when the mapping has none. */
export function reshapeHistory(
  source: CsvTable,
  tm: TableMapping,
): { shaped: ShapedTable; mapping: TableMapping } | undefined {
  const shape = tm.shape;
  if (shape === undefined || tm.target !== 'opportunity_history') return undefined;
  const id = sourceFor(tm, 'opportunity_id');
  const at = sourceFor(tm, 'at');
  const dateFormat = tm.dateFormat;
  const shaped =
    shape.kind === 'snapshots'
      ? snapshotChanges(source, {
          id,
          validFrom: at,
          fields: tm.columns.flatMap(([f, c]) => (isHistoryField(f) ? [[f, c] as const] : [])),
          probability: shape.probability,
          dateFormat,
        })
      : fieldChangeRows(source, {
          id,
          at,
          field: shape.field,
          value: shape.value,
          previous: shape.previous,
          names: shape.names,
          probability: shape.probability,
          dateFormat,
        });
  const mapping: TableMapping = {
    file: tm.file,
    target: 'opportunity_history',
    columns: shaped.table.header.map((h) => [h, h]),
    values: [],
    defaults: [],
    ...(tm.dateFormat !== undefined && { dateFormat: tm.dateFormat }),
    ...(tm.decimal !== undefined && { decimal: tm.decimal }),
  };
  return { shaped, mapping };
}
