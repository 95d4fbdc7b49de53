/**
 * Applies one table mapping to a parsed source file: the result is a canonical table (same rows,
 * same row numbers) that the canonical readers then validate, plus notes of what was changed per
 * row and file-level warnings. Unmapped source columns are kept as custom attributes.
 */
import { REFUSED_HEADERS } from '../canonical/columns';
import type { PlainColumn, RowNote } from '../canonical/table';
import type { CsvTable } from '../csv';
import { isPlainAmount, parseAmount, type DecimalSeparator } from '../values/amounts';
import { DATE_FORMAT_LABEL, detectDateFormat, parseDateAs, type DateFormat } from '../values/dates';
import { reshapeHistory } from './history-reshape';
import { FUTURE_ALLOWED, fieldKind, targetFields } from './fields';
import type { TableMapping } from './schema';

export interface MappedTable {
  readonly parsed: CsvTable;
  readonly notes: Map<number, RowNote[]>;
  readonly warnings: string[];
}

export interface ApplyOptions {
  /** Decimal separator when the mapping names none. */
  readonly decimal: DecimalSeparator;
  /** Epoch ms of the import: later dates are refused (except close dates). */
  readonly now?: number;
}

const DAY_MS = 86_400_000;

/** A value-map key that matches every value not listed. */
export const ANY_VALUE = '*';

/** Source column index by trimmed, lower-cased name (first occurrence wins). */
export function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (!index.has(k)) index.set(k, i);
  });
  return index;
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

interface FieldPlan {
  readonly field: string;
  readonly source: number | undefined;
  readonly sourceName: string;
  readonly values?: Map<string, string>;
  readonly fallback?: string;
  readonly dateFormat?: DateFormat | 'ambiguous' | 'skip';
}

function planDates(
  field: string,
  sourceName: string,
  column: readonly string[],
  tm: TableMapping,
  warnings: string[],
): FieldPlan['dateFormat'] {
  const detected = detectDateFormat(column);
  if (detected === 'iso' || detected === 'empty' || detected === 'unknown') return detected === 'iso' ? 'iso' : 'skip';
  if (detected === 'ambiguous') {
    if (tm.dateFormat === 'mdy' || tm.dateFormat === 'dmy') {
      warnings.push(
        `column "${sourceName}" → ${field}: dates read as ${DATE_FORMAT_LABEL[tm.dateFormat]}, as the mapping says`,
      );
      return tm.dateFormat;
    }
    warnings.push(
      `column "${sourceName}" → ${field}: every date such as "${column.find((v) => v.trim() !== '')}" reads both as MM/DD/YYYY and DD/MM/YYYY; choose the date format in the mapping (nothing was guessed, these dates were not read)`,
    );
    return 'ambiguous';
  }
  warnings.push(`column "${sourceName}" → ${field}: dates read as ${DATE_FORMAT_LABEL[detected]}`);
  return detected;
}

/**
 * A table mapping planned from a source header: the canonical header it gives, the warnings of the
 * plan, and the mapping of one source row at a time (so a file can be mapped as it streams by).
 */
export interface TableMapper {
  readonly header: readonly string[];
  /** Warnings of the plan (before any row). */
  readonly warnings: readonly string[];
  /** The canonical cells of data row `row` (1-based); what was changed goes to `note`. */
  mapRow(cells: readonly string[], row: number, note: (row: number, n: RowNote) => void): string[];
  /** Warnings about the rows mapped so far (amounts converted); call after the last row. */
  finish(): string[];
  /**
   * When the mapping changes no cell of a row as long as the row is as wide as the source header,
   * its dates are no later than their column's `latest` and its amounts are plain (`isPlainAmount`):
   * each mapped column's source field. Undefined when values are mapped, defaulted or converted.
   */
  readonly plain: ReadonlyMap<string, PlainColumn> | undefined;
}

/** See the module comment. `file` names the source in warnings. */
export function applyTableMapping(source: CsvTable, tm: TableMapping, opts: ApplyOptions): MappedTable {
  const reshaped = reshapeHistory(source, tm);
  if (reshaped !== undefined) {
    // History in another shape: converted row for row, then read as canonical history rows.
    const { shaped, mapping } = reshaped;
    const inner = applyTableMapping(shaped.table, mapping, opts);
    for (const [row, list] of inner.notes) shaped.notes.set(row, [...(shaped.notes.get(row) ?? []), ...list]);
    return { parsed: inner.parsed, notes: shaped.notes, warnings: [...shaped.warnings, ...inner.warnings] };
  }
  const notes = new Map<number, RowNote[]>();
  const note = (row: number, n: RowNote) => {
    const list = notes.get(row);
    if (list) list.push(n);
    else notes.set(row, [n]);
  };
  const mapper = planTableMapping(source.header, tm, opts, (i) => source.rows.map((r) => r[i] ?? ''));
  const rows: string[][] = source.rows.map((cells, r) => mapper.mapRow(cells, r + 1, note));
  const warnings = [...mapper.warnings, ...mapper.finish()];
  return { parsed: { header: mapper.header, rows, errors: source.errors, delimiter: ',' }, notes, warnings };
}

/**
 * The source columns whose values the plan samples to detect a date format (the first 5,000
 * non-empty values of each are enough): a streaming reader collects them before mapping rows.
 */
export function dateSourceColumns(header: readonly string[], tm: TableMapping, opts: ApplyOptions): number[] {
  const asked: number[] = [];
  planTableMapping(header, tm, opts, (i) => {
    asked.push(i);
    return [];
  });
  return asked;
}

/**
 * Plans a table mapping over a source header; `columnValues(i)` gives the values of source column
 * `i` (asked only for date columns, to detect their format).
 */
export function planTableMapping(
  sourceHeader: readonly string[],
  tm: TableMapping,
  opts: ApplyOptions,
  columnValues: (index: number) => readonly string[],
): TableMapper {
  const warnings: string[] = [];
  const source = { header: sourceHeader };
  const index = headerIndex(source.header);
  const known = new Set(targetFields(tm.target));
  const decimal = tm.decimal ?? opts.decimal;
  const used = new Set<number>();
  const plans: FieldPlan[] = [];
  const valueMaps = new Map(
    tm.values.map(([f, pairs]) => [f, new Map(pairs.map(([a, b]) => [a.trim().toLowerCase(), b]))]),
  );
  const defaults = new Map(tm.defaults);
  const seenFields = new Set<string>();
  for (const [field, sourceName] of tm.columns) {
    if (!known.has(field)) {
      warnings.push(`mapping names "${field}", which is not a column of ${tm.target}: ignored`);
      continue;
    }
    if (seenFields.has(field)) {
      warnings.push(`mapping names ${field} twice: the first ("${sourceName}" ignored)`);
      continue;
    }
    seenFields.add(field);
    const source = index.get(sourceName.trim().toLowerCase());
    if (source === undefined) warnings.push(`column "${sourceName}" (for ${field}) is not in the file`);
    else used.add(source);
    const column = source === undefined || fieldKind(field) !== 'date' ? [] : columnValues(source);
    plans.push({
      field,
      source,
      sourceName,
      values: valueMaps.get(field),
      fallback: defaults.get(field),
      dateFormat:
        fieldKind(field) === 'date' && source !== undefined
          ? planDates(field, sourceName, column, tm, warnings)
          : undefined,
    });
  }
  for (const [field, value] of defaults) {
    if (!seenFields.has(field) && known.has(field)) {
      seenFields.add(field);
      plans.push({ field, source: undefined, sourceName: '', fallback: value });
    }
  }

  // Source columns not mapped are kept under their own name (custom attributes); a name that is a
  // canonical column of the target is prefixed so it cannot be read as that column.
  const customs: [string, number][] = [];
  const taken = new Set<string>(plans.map((p) => p.field));
  const firstOf = new Map<string, number>();
  source.header.forEach((raw, i) => {
    if (used.has(i)) return;
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (firstOf.has(lower) && name !== '') {
      warnings.push(`column ${i + 1} "${name}" repeats column ${firstOf.get(lower)! + 1}`);
    } else firstOf.set(lower, i);
    let out = name === '' ? `column_${i + 1}` : name;
    if (!REFUSED_HEADERS.has(lower) && (known.has(lower) || taken.has(lower))) out = `source_${out}`;
    let k = 2;
    const base = out;
    while (taken.has(out.toLowerCase())) out = `${base}_${k++}`;
    taken.add(out.toLowerCase());
    customs.push([out, i]);
  });
  for (const [lower, i] of index)
    if (used.has(i) && source.header.filter((h) => h.trim().toLowerCase() === lower).length > 1) {
      warnings.push(`column "${source.header[i]!.trim()}" appears more than once; the first (column ${i + 1}) is used`);
    }

  const header = [...plans.map((p) => p.field), ...customs.map(([n]) => n)];
  const width = source.header.length;
  const converted = new Map<string, { count: number; example: string }>();
  const kinds = plans.map((p) => fieldKind(p.field));
  /** One canonical cell of a row. */
  const mapCell = (
    p: FieldPlan,
    kind: ReturnType<typeof fieldKind>,
    cells: readonly string[],
    row: number,
    note: (row: number, n: RowNote) => void,
  ): string => {
    let v = p.source === undefined ? '' : (cells[p.source] ?? '');
    if (v.trim() === '') {
      if (p.fallback !== undefined) {
        if (p.source !== undefined)
          note(row, {
            column: p.field,
            value: v,
            reason: `${p.sourceName} empty: "${p.fallback}" used, as the mapping says`,
          });
        return p.fallback;
      }
      return v;
    }
    if (p.values) {
      const mapped = p.values.get(v.trim().toLowerCase()) ?? p.values.get(ANY_VALUE);
      if (mapped !== undefined) return mapped;
    }
    if (kind === 'date' && p.dateFormat !== undefined && p.dateFormat !== 'skip' && p.dateFormat !== 'ambiguous') {
      const ms = parseDateAs(v, p.dateFormat);
      if (ms === undefined) return v;
      if (opts.now !== undefined && !FUTURE_ALLOWED.has(p.field) && ms > opts.now + DAY_MS) {
        const required = p.field === 'created_at' || p.field === 'at' || p.field === 'entered_at';
        note(row, {
          column: p.field,
          value: v,
          reason: `${p.field} ${isoOf(ms).slice(0, 10)} is in the future (after the import date)${required ? '' : ': date dropped'}`,
          outcome: required ? 'rejected' : 'repaired',
        });
        return '';
      }
      if (p.dateFormat !== 'iso') v = isoOf(ms);
      return v;
    }
    if (kind === 'money' || kind === 'number') {
      // A plain amount stays as written (checked without making a result).
      if (isPlainAmount(v)) return v;
      const a = parseAmount(v, decimal);
      if (!a.ok || a.plain) return v;
      const c = converted.get(p.field) ?? { count: 0, example: v };
      c.count++;
      converted.set(p.field, c);
      return String(a.value);
    }
    return v;
  };
  const mapRow = (cells: readonly string[], row: number, note: (row: number, n: RowNote) => void): string[] => {
    if (cells.length > width) {
      const extra = cells.slice(width);
      if (extra.some((v) => v.trim() !== '')) {
        note(row, {
          value: extra.join(','),
          reason: `row has ${cells.length} fields, header has ${width}: values are likely shifted`,
          outcome: 'rejected',
        });
      } else
        note(row, {
          reason: `row has ${cells.length} fields, header has ${width}: the extra empty fields were ignored`,
        });
    } else if (cells.length < width) {
      note(row, {
        reason: `row has ${cells.length} fields, header has ${width}: the missing trailing fields were read as empty`,
      });
    }
    // Exactly as long as the canonical header (a row array that grows costs the garbage collector).
    const out = new Array<string>(plans.length + customs.length);
    for (let k = 0; k < plans.length; k++) out[k] = mapCell(plans[k]!, kinds[k]!, cells, row, note);
    for (let k = 0; k < customs.length; k++) out[plans.length + k] = cells[customs[k]![1]] ?? '';
    return out;
  };
  const finish = (): string[] =>
    [...converted].map(([field, c]) => {
      const p = plans.find((x) => x.field === field)!;
      return `column "${p.sourceName}" → ${field}: ${c.count} value${c.count === 1 ? '' : 's'} such as "${c.example}" read with "${decimal}" as decimal separator`;
    });
  return { header, warnings, mapRow, finish, plain: plainColumns(plans, kinds, opts) };
}

function plainColumns(
  plans: readonly FieldPlan[],
  kinds: readonly ReturnType<typeof fieldKind>[],
  opts: ApplyOptions,
): Map<string, PlainColumn> | undefined {
  const out = new Map<string, PlainColumn>();
  for (let k = 0; k < plans.length; k++) {
    const p = plans[k]!;
    if (p.values !== undefined || p.fallback !== undefined) return undefined;
    const f = p.dateFormat;
    const checked = kinds[k] === 'date' && f !== undefined && f !== 'skip' && f !== 'ambiguous';
    if (checked && f !== 'iso') return undefined;
    const latest = checked && opts.now !== undefined && !FUTURE_ALLOWED.has(p.field) ? opts.now + DAY_MS : Infinity;
    if (p.source !== undefined) out.set(p.field, { source: p.source, latest });
  }
  return out;
}
