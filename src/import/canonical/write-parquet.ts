/**
 * The canonical folder as Parquet: each canonical CSV file written as `<name>.parquet` with typed
 * columns, so a warehouse or notebook reads timestamps, numbers and booleans as such. A column is
 * typed only when every value of it reads back as the same text through the importer's Parquet
 * reader (src/import/source/parquet.ts); otherwise it stays a string column. The folder therefore
 * reads back exactly as the CSV folder does.
 *
 * Types, in the order tried: BOOLEAN (`true`/`false`), INT64 (integers without leading zeros),
 * DOUBLE (numbers in their shortest text), DATE (`YYYY-MM-DD`), TIMESTAMP in milliseconds, UTC
 * (`2026-01-05T10:00:00Z`), else STRING. Empty cells are nulls. SNAPPY compression.
 *
 * A canonical date-time column (`created_at`, `at`…) holds the instants the canonical writer
 * formats: `2026-01-05T10:00:00.000Z`, or `2026-01-05` at midnight. It is written as TIMESTAMP,
 * read back as the same instants in the reader's form (`2026-01-05T10:00:00Z`), which the canonical
 * reader reads as the same records. A custom column keeps its exact text: it is typed only when the
 * text itself reads back unchanged.
 */
import { zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { FILE_COLUMNS, type CanonicalFile } from './columns';
import { formatInstant } from './format';
import { parseIsoInstant } from '../values/parse-values';
import { parseCsv } from '../csv';
import { isoDate, isoInstant, plainNumber } from '../source/parquet';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnType = 'BOOLEAN' | 'INT64' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'STRING';

const DAY_MS = 86_400_000;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Each type's test that a text reads back unchanged, and the value written for it. */
const TYPES: readonly { readonly type: Exclude<ColumnType, 'STRING'>; readonly value: (text: string) => unknown }[] = [
  { type: 'BOOLEAN', value: (t) => (t === 'true' ? true : t === 'false' ? false : undefined) },
  {
    type: 'INT64',
    value: (t) => {
      if (!/^-?(?:0|[1-9]\d{0,18})$/.test(t) || t === '-0') return undefined;
      const v = BigInt(t);
      return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
    },
  },
  {
    type: 'DOUBLE',
    value: (t) => {
      const n = Number(t);
      return t.trim() !== '' && Number.isFinite(n) && plainNumber(n) === t ? n : undefined;
    },
  },
  {
    type: 'DATE',
    value: (t) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return undefined;
      const days = Date.parse(`${t}T00:00:00Z`) / DAY_MS;
      return Number.isInteger(days) && isoDate(days) === t ? days : undefined;
    },
  },
  {
    type: 'TIMESTAMP',
    value: (t) => {
      if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(t)) return undefined;
      const ms = Date.parse(t);
      return Number.isFinite(ms) && isoInstant(BigInt(ms), 1000n, 3) === t ? BigInt(ms) : undefined;
    },
  },
];

/** A canonical instant as the canonical writer formats it → epoch ms as BigInt. */
function canonicalInstant(t: string): bigint | undefined {
  const ms = parseIsoInstant(t);
  return ms !== undefined && formatInstant(ms) === t ? BigInt(ms) : undefined;
}

const ELEMENTS: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  BOOLEAN: { type: 'BOOLEAN' },
  INT64: { type: 'INT64' },
  DOUBLE: { type: 'DOUBLE' },
  DATE: { type: 'INT32', converted_type: 'DATE' },
  TIMESTAMP: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
};

/**
 * A column's cells → its type and the values to write (null for empty cells). `instants`: the
 * column is a canonical date-time column (see the module comment).
 */
export function typedColumn(cells: readonly string[], instants = false): { type: ColumnType; data: unknown[] } {
  const types = instants ? [...TYPES, { type: 'TIMESTAMP' as const, value: canonicalInstant }] : TYPES;
  for (const { type, value } of types) {
    const data: unknown[] = new Array<unknown>(cells.length);
    let any = false;
    let fits = true;
    for (let i = 0; i < cells.length && fits; i++) {
      const c = cells[i]!;
      if (c === '') data[i] = null;
      else {
        const v = value(c);
        if (v === undefined) fits = false;
        else {
          data[i] = v;
          any = true;
        }
      }
    }
    if (fits && any) return { type, data };
  }
  return { type: 'STRING', data: cells.map((c) => (c === '' ? null : c)) };
}

/** Canonical date-time columns: named `at`, `…_at` or `…_date`, among a file's own columns. */
const isInstantColumn = (name: string) => /(?:^at|_at|_date)$/.test(name);

/**
 * One CSV text (header and rows) as a Parquet file. `known`: the canonical columns of the file
 * (`FILE_COLUMNS`), whose date-time columns are written as TIMESTAMP (see the module comment).
 */
export function csvToParquet(text: string, known: readonly string[] = []): Uint8Array {
  const { header, rows } = parseCsv(text, { delimiter: ',' });
  const columns = header.map((name, i) => ({
    name,
    ...typedColumn(
      rows.map((r) => r[i] ?? ''),
      known.includes(name) && isInstantColumn(name),
    ),
  }));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => ({ name: c.name, repetition_type: 'OPTIONAL', ...ELEMENTS[c.type] })),
  ];
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: c.data as never })),
    schema,
    createdBy: 'RevLens',
  });
  return new Uint8Array(buffer);
}

/** The canonical CSV files (`leads.csv` → text) as `<folder>/leads.parquet` … in one zip; deterministic. */
export function zipParquetFolder(folder: string, files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 }]> = Object.create(null) as Record<
    string,
    [Uint8Array, { mtime: Date; level: 0 }]
  >;
  const mtime = new Date(Date.UTC(2000, 0, 1));
  // Parquet pages are compressed already: stored in the zip as they are.
  for (const [name, text] of Object.entries(files)) {
    const known = (FILE_COLUMNS as Readonly<Record<string, readonly string[]>>)[name as CanonicalFile] ?? [];
    entries[`${folder}/${name.replace(/\.csv$/, '.parquet')}`] = [csvToParquet(text, known), { mtime, level: 0 }];
  }
  return zipSync(entries);
}
