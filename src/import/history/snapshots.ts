/**
 * History snapshots → canonical history rows. A snapshot table holds one full row per version of a
 * deal, valid from an instant on (a warehouse's history mode). Each version becomes one history
 * row at its valid-from instant that sets the tracked fields whose value differs from the previous
 * version of the same deal; the first version of a deal sets every field it has (its state from
 * then on). Row numbers stay those of the source: a version that changes nothing is rejected with
 * that reason, never dropped silently.
 */
import type { CsvTable } from '../csv';
import type { DateFormat } from '../values/dates';
import type { HistoryField } from './shape';
import { isoOf, readInstantColumn } from './instants';
import {
  FIELD_LABEL,
  canonicalValue,
  columnIndex,
  missingColumn,
  noteBook,
  sameValue,
  widthNote,
  type ShapedTable,
} from './shaped';

export interface SnapshotSpec {
  /** Source column of the deal id. */
  readonly id: string;
  /** Source column of the instant the version is valid from. */
  readonly validFrom: string;
  /** [tracked field, source column]. */
  readonly fields: readonly (readonly [HistoryField, string])[];
  readonly probability: 'fraction' | 'percent';
  /** Format of slash dates that read both ways. */
  readonly dateFormat?: DateFormat;
}

interface Version {
  readonly row: number;
  readonly ms: number;
  readonly values: readonly string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** See the module comment. */
export function snapshotChanges(source: CsvTable, spec: SnapshotSpec): ShapedTable {
  const warnings: string[] = [];
  const { notes, note } = noteBook();
  const idAt = columnIndex(source.header, spec.id);
  const fromAt = columnIndex(source.header, spec.validFrom);
  if (idAt === undefined) warnings.push(missingColumn(spec.id, 'opportunity_id'));
  if (fromAt === undefined) warnings.push(missingColumn(spec.validFrom, 'at (valid from)'));
  const fields = spec.fields.flatMap(([field, name]) => {
    const i = columnIndex(source.header, name);
    if (i === undefined) warnings.push(missingColumn(name, field));
    return i === undefined ? [] : [{ field, i }];
  });
  // A required column absent from the file is left out of the header: the reader then rejects
  // every row saying so.
  const header = [
    ...(idAt === undefined ? [] : ['opportunity_id']),
    ...(fromAt === undefined ? [] : ['at']),
    ...fields.map((f) => f.field),
  ];
  const cell = (r: readonly string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? ''));
  const read = readInstantColumn(
    source.rows.map((r) => cell(r, fromAt)),
    spec.dateFormat,
  );
  if (read.problem) warnings.push(`column "${spec.validFrom}" → at: ${read.problem} (these rows were not read)`);
  if (read.format) warnings.push(`column "${spec.validFrom}" → at: dates read as ${read.format}`);

  const shifted = new Set<number>();
  const rows: string[][] = source.rows.map((r, k) => {
    const width = widthNote(r, source.header.length);
    if (width) note(k + 1, width);
    if (width?.outcome === 'rejected') shifted.add(k);
    const ms = read.ms[k];
    return [
      ...(idAt === undefined ? [] : [cell(r, idAt)]),
      ...(fromAt === undefined ? [] : [ms === undefined ? cell(r, fromAt) : isoOf(ms)]),
      ...fields.map(() => ''),
    ];
  });

  const byDeal = new Map<string, Version[]>();
  source.rows.forEach((r, k) => {
    const id = cell(r, idAt).trim();
    const ms = read.ms[k];
    if (id === '' || ms === undefined || shifted.has(k)) return;
    const list = byDeal.get(id) ?? [];
    list.push({ row: k + 1, ms, values: fields.map((f) => cell(r, f.i)) });
    byDeal.set(id, list);
  });
  const offset = (idAt === undefined ? 0 : 1) + (fromAt === undefined ? 0 : 1);
  const tracked = fields.map((f) => FIELD_LABEL[f.field]).join(', ');
  let changeRows = 0;
  for (const [id, versions] of byDeal) {
    versions.sort((a, b) => a.ms - b.ms || a.row - b.row);
    let prev: Version | undefined;
    for (const v of versions) {
      const out = rows[v.row - 1]!;
      if (prev !== undefined && prev.ms === v.ms) {
        const same = fields.every((f, j) => sameValue(f.field, prev!.values[j]!, v.values[j]!));
        note(v.row, {
          column: 'at',
          value: isoOf(v.ms),
          reason: same
            ? `repeats row ${prev.row}: the same version of deal ${id}`
            : `a second version of deal ${id} valid from the same instant as row ${prev.row}, with other values: which one held is unknown (row ${prev.row} kept)`,
          outcome: 'rejected',
        });
        continue;
      }
      let sets = 0;
      const emptied: string[] = [];
      fields.forEach((f, j) => {
        const now = v.values[j]!;
        const before = prev?.values[j] ?? '';
        if (now.trim() === '') {
          if (before.trim() !== '') emptied.push(`${f.field} (was "${before.trim()}")`);
          return;
        }
        if (prev !== undefined && sameValue(f.field, before, now)) return;
        out[offset + j] = canonicalValue(f.field, now, spec.probability);
        sets++;
      });
      const emptiedReason =
        emptied.length > 0
          ? `${emptied.join(', ')} emptied in this version: a history row cannot clear a value, the earlier one stands`
          : undefined;
      if (sets === 0) {
        note(v.row, {
          reason:
            prev === undefined
              ? `the first version of deal ${id} has none of the tracked fields (${tracked})`
              : (emptiedReason ??
                `no tracked field (${tracked}) changed since row ${prev.row}, the previous version of deal ${id}`),
          outcome: 'rejected',
        });
      } else {
        changeRows++;
        if (emptiedReason) note(v.row, { reason: emptiedReason });
      }
      prev = v;
    }
  }
  const versions = [...byDeal.values()].reduce((s, l) => s + l.length, 0);
  warnings.push(
    `history snapshots: ${plural(versions, 'version')} of ${plural(byDeal.size, 'deal')} give ${plural(changeRows, 'change row')}; the first version of each deal is its state from its valid-from on (in a warehouse that can be the first sync, not the deal's creation)`,
  );
  const used = new Set([idAt, fromAt, ...fields.map((f) => f.i)]);
  const unused = source.header.filter((_, i) => !used.has(i)).map((h) => h.trim());
  if (unused.length > 0)
    warnings.push(
      `${plural(unused.length, 'column')} not read as history: ${unused.slice(0, 8).join(', ')}${unused.length > 8 ? ', …' : ''}`,
    );
  return { table: { header, rows, errors: source.errors, delimiter: ',' }, notes, warnings };
}
