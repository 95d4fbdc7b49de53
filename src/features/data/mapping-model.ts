/** Pure helpers of the mapping screen: editing a table mapping without mutating it. */
import { REQUIRED_FIELDS, targetFields } from '../../import/mapping/fields';
import type { Mapping, TableMapping } from '../../import/mapping/schema';
import type { UnmappedFile } from '../../import/pipeline';

export const STATUS_CHOICES = ['open', 'won', 'lost'] as const;

/** What a lead status value may be mapped to: only disqualification changes what is read. */
export const LEAD_STATUS_CHOICES = ['disqualified'] as const;

export const sourceOf = (tm: TableMapping, field: string): string => tm.columns.find(([f]) => f === field)?.[1] ?? '';

export function withSource(tm: TableMapping, field: string, source: string): TableMapping {
  const columns = tm.columns.filter(([f]) => f !== field);
  if (source !== '') columns.push([field, source]);
  return { ...tm, columns };
}

/** The mapping for another target; a history shape is dropped (the target's default shape). */
export function withTarget(tm: TableMapping, target: string): TableMapping {
  const fields = new Set(targetFields(target));
  const { shape: _shape, ...rest } = tm;
  return { ...rest, target, columns: tm.columns.filter(([f]) => fields.has(f)), values: [] };
}

export const statusValueOf = (tm: TableMapping, value: string): string =>
  tm.values.find(([f]) => f === 'status')?.[1].find(([v]) => v === value)?.[1] ?? '';

export function withStatusValue(tm: TableMapping, value: string, status: string): TableMapping {
  const current = tm.values.find(([f]) => f === 'status')?.[1] ?? [];
  const next = current.filter(([v]) => v !== value);
  if (status !== '') next.push([value, status]);
  return { ...tm, values: [...tm.values.filter(([f]) => f !== 'status'), ['status', next]] };
}

export const defaultOf = (tm: TableMapping, field: string): string => tm.defaults.find(([f]) => f === field)?.[1] ?? '';

export function withDefault(tm: TableMapping, field: string, value: string): TableMapping {
  const defaults = tm.defaults.filter(([f]) => f !== field);
  if (value.trim() !== '') defaults.push([field, value.trim()]);
  return { ...tm, defaults };
}

/** Required fields of the table's target that no column feeds (and no default fills). */
export function missingRequired(tm: TableMapping): string[] {
  if (tm.target === 'skip') return [];
  const fed = new Set([...tm.columns.map(([f]) => f), ...tm.defaults.map(([f]) => f)]);
  return (REQUIRED_FIELDS[tm.target] ?? []).filter((f) => !fed.has(f));
}

/** Distinct values of the column feeding `field`, from the file's description. */
export function distinctOf(file: UnmappedFile, tm: TableMapping, field: string): readonly string[] {
  const source = sourceOf(tm, field);
  const i = file.header.findIndex((h) => h.trim() === source);
  return i < 0 ? [] : (file.distinct[i] ?? []);
}

/** Starting point for each file: the saved mapping's table for that file name, else the proposal. */
export function initialTables(files: readonly UnmappedFile[], saved?: Mapping): TableMapping[] {
  const base = (p: string) => (p.split(/[\\/]/).pop() ?? p).toLowerCase();
  return files.map((f) => saved?.tables.find((t) => base(t.file) === base(f.file)) ?? f.proposal);
}
