/**
 * Pure helpers of the mapping screen for deal history in another shape (history snapshots, one row
 * per field change): choosing the shape, its columns and which field names are tracked.
 */
import { targetFields } from '../../import/mapping/fields';
import type { TableMapping } from '../../import/mapping/schema';
import { HISTORY_FIELDS, knownFieldName, type HistoryField, type HistoryShapeKind } from '../../import/history/shape';
import type { UnmappedFile } from '../../import/pipeline';

export type ShapeChoice = HistoryShapeKind | 'rows';

export const SHAPE_LABEL: Readonly<Record<ShapeChoice, string>> = {
  rows: 'One row per change (stage, amount… as they became)',
  snapshots: 'History snapshots: one full row per version of a deal, valid from a date',
  changes: 'One row per field change: a field name and its new value',
};

export const shapeOf = (tm: TableMapping): ShapeChoice => tm.shape?.kind ?? 'rows';

/** The canonical fields whose source column the screen asks for, by shape. */
export function shapeFields(tm: TableMapping): readonly string[] {
  const kind = shapeOf(tm);
  if (tm.target !== 'opportunity_history' || kind === 'rows') return targetFields(tm.target);
  if (kind === 'snapshots') return ['opportunity_id', 'at', ...HISTORY_FIELDS];
  return ['opportunity_id', 'at'];
}

const find = (file: UnmappedFile, ...names: string[]) =>
  file.header.map((h) => h.trim()).find((h) => names.includes(h.toLowerCase().replace(/[^a-z0-9]/g, '')));

/** Distinct values of a source column, from the file's description. */
export function distinctOfColumn(file: UnmappedFile, column: string): readonly string[] {
  const i = file.header.findIndex((h) => h.trim() === column);
  return i < 0 ? [] : (file.distinct[i] ?? []);
}

/** Tracked field per distinct field name of `column`, for the names the screen recognises. */
function knownNames(file: UnmappedFile, column: string): [string, HistoryField][] {
  return distinctOfColumn(file, column).flatMap((n): [string, HistoryField][] => {
    const f = knownFieldName(n);
    return f === undefined ? [] : [[n, f]];
  });
}

/** The mapping with another shape; columns the shape does not ask for are dropped. */
export function withShape(tm: TableMapping, kind: ShapeChoice, file: UnmappedFile): TableMapping {
  const { shape: previous, ...rest } = tm;
  const probability = previous?.probability ?? 'fraction';
  let next: TableMapping = rest;
  if (kind === 'snapshots') next = { ...rest, shape: { kind, probability } };
  if (kind === 'changes') {
    const field =
      previous?.kind === 'changes' ? previous.field : (find(file, 'field', 'property', 'propertyname') ?? '');
    const value =
      previous?.kind === 'changes' ? previous.value : (find(file, 'newvalue', 'value', 'propertyvalue') ?? '');
    const old = previous?.kind === 'changes' ? previous.previous : find(file, 'oldvalue', 'previousvalue');
    next = {
      ...rest,
      shape: {
        kind,
        field,
        value,
        ...(old !== undefined && { previous: old }),
        names: field === '' ? [] : knownNames(file, field),
        probability,
      },
    };
  }
  const keep = new Set(shapeFields(next));
  return { ...next, columns: next.columns.filter(([f]) => keep.has(f)) };
}

/** The field-change shape's column for the field name, the new value or the previous value. */
export function withChangeColumn(
  tm: TableMapping,
  role: 'field' | 'value' | 'previous',
  column: string,
  file: UnmappedFile,
): TableMapping {
  if (tm.shape?.kind !== 'changes') return tm;
  const shape = { ...tm.shape };
  if (role === 'previous') {
    if (column === '') delete shape.previous;
    else shape.previous = column;
  } else shape[role] = column;
  if (role === 'field') shape.names = column === '' ? [] : knownNames(file, column);
  return { ...tm, shape };
}

/** The tracked field a source field name is mapped to ('' when not tracked). */
export function fieldNameOf(tm: TableMapping, name: string): HistoryField | '' {
  return tm.shape?.kind === 'changes' ? (tm.shape.names.find(([n]) => n === name)?.[1] ?? '') : '';
}

export function withFieldName(tm: TableMapping, name: string, field: HistoryField | ''): TableMapping {
  if (tm.shape?.kind !== 'changes') return tm;
  const names = tm.shape.names.filter(([n]) => n !== name);
  if (field !== '') names.push([name, field]);
  return { ...tm, shape: { ...tm.shape, names } };
}

export function withProbabilityScale(tm: TableMapping, probability: 'fraction' | 'percent'): TableMapping {
  return tm.shape === undefined ? tm : { ...tm, shape: { ...tm.shape, probability } };
}

/** What the field-change shape still needs: the field-name and new-value columns. */
export function missingShapeColumns(tm: TableMapping): string[] {
  if (tm.target !== 'opportunity_history' || tm.shape?.kind !== 'changes') return [];
  return [
    ...(tm.shape.field === '' ? ['the field-name column'] : []),
    ...(tm.shape.value === '' ? ['the new-value column'] : []),
  ];
}
