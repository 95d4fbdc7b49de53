/**
 * Parquet → the table a CSV file parses into: the column names as the header and every row as text,
 * so detection, presets, the mapping screen and the row report treat a Parquet file as they treat
 * a CSV file. Values become the text a CSV export would hold:
 *
 * - strings as they are (no quoting or trimming); null as an empty cell;
 * - integers and decimals as plain decimal text, DECIMAL exact (from its unscaled integer, never
 *   through a float); FLOAT as its shortest single-precision text (0.1, not 0.10000000149011612);
 * - booleans as `true` / `false`;
 * - DATE as `YYYY-MM-DD`; TIMESTAMP (and INT96) as ISO 8601 in UTC (`2024-03-01T09:30:00Z`, a
 *   fraction only when there is one); a timestamp without a time zone is read as UTC, as the
 *   canonical format does; TIME as `HH:MM:SS`.
 *
 * Row numbers are 1-based data rows (the first row of the file is row 1), as for CSV files.
 * The whole file is in memory already, so it is read synchronously with hyparquet's column reader:
 * every row group, every top-level column. Nested columns (lists, structs, maps) have no CSV
 * counterpart: they are left out and named in a warning. Pages compressed with SNAPPY, GZIP or not
 * at all are read; other codecs (ZSTD, LZ4, Brotli) are refused with a message saying how to write
 * the file instead.
 */
import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { readColumn } from 'hyparquet/src/column.js';
import type { CsvTable } from '../csv';

type ColumnDecoder = Parameters<typeof readColumn>[2];
type FileMetaData = ReturnType<typeof parquetMetadata>;
type SchemaTree = ReturnType<typeof parquetSchema>;
type SchemaElement = SchemaTree['element'];

/** A file name that says Parquet. */
export const isParquetName = (name: string) => /\.parquet$/i.test(name);

/** Bytes that start and end with Parquet's `PAR1` marker. */
export function hasParquetMagic(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const par1 = (at: number) =>
    bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31;
  return n >= 12 && par1(0) && par1(n - 4);
}

export type ParquetRead =
  | { readonly ok: true; readonly table: CsvTable; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');
/** `00` … `59`. */
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Day texts already made (timestamps of one file share few days). */
const days = new Map<number, string>();

/** Whole days since 1970-01-01 → `YYYY-MM-DD` (years outside 0–9999 as ±YYYYYY, as ISO 8601 extends them). */
export function isoDate(day: number): string {
  const hit = days.get(day);
  if (hit !== undefined) return hit;
  const d = new Date(day * 86_400_000);
  if (Number.isNaN(d.getTime())) return String(day);
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  const text = `${year}-${TWO[d.getUTCMonth() + 1]}-${TWO[d.getUTCDate()]}`;
  if (days.size > 100_000) days.clear();
  days.set(day, text);
  return text;
}

/** Whole seconds since the epoch and a fraction (`frac` units of 10^-digits s) → ISO 8601 UTC. */
function instantText(seconds: number, frac: number, digits: number): string {
  const day = Math.floor(seconds / 86_400);
  const inDay = seconds - day * 86_400;
  const hour = Math.floor(inDay / 3600);
  const minute = Math.floor((inDay - hour * 3600) / 60);
  const time = `${TWO[hour]}:${TWO[minute]}:${TWO[inDay - hour * 3600 - minute * 60]}`;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(digits, '0').replace(/0+$/, '')}`;
  return `${isoDate(day)}T${time}${fraction}Z`;
}

/** A count of `perSecond`ths of a second since the epoch → ISO 8601 UTC, fraction trimmed. */
export function isoInstant(count: bigint | number, perSecond: bigint, digits: number): string {
  const n = Number(count);
  const unit = Number(perSecond);
  if (Number.isSafeInteger(n)) {
    // Exact in doubles: both parts are integers below 2^53.
    const seconds = Math.floor(n / unit);
    return instantText(seconds, n - seconds * unit, digits);
  }
  const big = BigInt(count);
  let seconds = big / perSecond;
  let frac = big % perSecond;
  if (frac < 0n) {
    frac += perSecond;
    seconds -= 1n;
  }
  return instantText(Number(seconds), Number(frac), digits);
}

/** Time of day (a count of `perSecond`ths of a second since midnight) → `HH:MM:SS[.fff]`. */
function isoTime(count: bigint | number, perSecond: bigint, digits: number): string {
  return isoInstant(count, perSecond, digits).slice(11, -1);
}

const UTF8 = new TextDecoder();

/** The parsers hyparquet calls for dates, timestamps and text: straight to the text we keep. */
const PARSERS: ColumnDecoder['parsers'] = {
  timestampFromMilliseconds: (v: bigint) => isoInstant(v, 1000n, 3),
  timestampFromMicroseconds: (v: bigint) => isoInstant(v, 1_000_000n, 6),
  timestampFromNanoseconds: (v: bigint) => isoInstant(v, 1_000_000_000n, 9),
  dateFromDays: (days: number) => isoDate(days),
  stringFromBytes: (bytes: Uint8Array) => bytes && UTF8.decode(bytes),
  jsonFromBytes: (bytes: Uint8Array) => bytes && UTF8.decode(bytes),
  geometryFromBytes: (bytes: Uint8Array) => bytes && hex(bytes),
  geographyFromBytes: (bytes: Uint8Array) => bytes && hex(bytes),
  uuidFromBytes: (bytes: Uint8Array) => {
    if (!bytes) return undefined;
    const h = hex(bytes);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  },
};

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** A two's-complement big-endian integer → its decimal text (through doubles while exact). */
function intTextFromBytes(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n === 0) return '0';
  const negative = (bytes[0]! & 0x80) !== 0;
  const fill = negative ? 0xff : 0;
  // Leading sign-extension bytes add nothing; six bytes (48 bits) always fit a double exactly.
  let start = 0;
  while (start < n - 6 && bytes[start] === fill) start++;
  if (n - start <= 6) {
    let v = 0;
    for (let i = start; i < n; i++) v = v * 256 + bytes[i]!;
    if (negative) v -= 2 ** (8 * (n - start));
    return String(v);
  }
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (negative) v -= 1n << BigInt(n * 8);
  return v.toString();
}

/** An unscaled integer (its decimal text) and a scale → exact decimal text (`-12345`, 2 → `-123.45`). */
function decimalText(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled === '0' ? '0' : unscaled + '0'.repeat(-scale);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A number's shortest round-trip text, without an exponent (`1e+21` → `1000000000000000000000`). */
export function plainNumber(x: number): string {
  const s = String(x);
  if (!s.includes('e')) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The shortest text that reads back as the same single-precision float. */
function floatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  for (let p = 1; p <= 9; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === x) return plainNumber(s);
  }
  return plainNumber(x);
}

type Kind = 'decimal' | 'float' | 'time-ms' | 'time-us' | 'time-ns' | 'plain';

function kindOf(e: SchemaElement): Kind {
  const lt = e.logical_type;
  if (e.converted_type === 'DECIMAL' || lt?.type === 'DECIMAL') return 'decimal';
  if (e.type === 'FLOAT' && lt?.type !== 'FLOAT16') return 'float';
  if (lt?.type === 'TIME') return lt.unit === 'MILLIS' ? 'time-ms' : lt.unit === 'MICROS' ? 'time-us' : 'time-ns';
  if (e.converted_type === 'TIME_MILLIS') return 'time-ms';
  if (e.converted_type === 'TIME_MICROS') return 'time-us';
  return 'plain';
}

/** One decoded value → its cell text. */
function cellText(v: unknown, kind: Kind, scale: number): string {
  if (v === undefined || v === null) return '';
  switch (kind) {
    case 'decimal':
      return decimalText(v instanceof Uint8Array ? intTextFromBytes(v) : String(v as number | bigint), scale);
    case 'float':
      return floatText(v as number);
    case 'time-ms':
      return isoTime(v as number, 1000n, 3);
    case 'time-us':
      return isoTime(v as bigint, 1_000_000n, 6);
    case 'time-ns':
      return isoTime(v as bigint, 1_000_000_000n, 9);
    default:
      break;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return hex(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Decompressors beyond those hyparquet has built in (SNAPPY). */
const COMPRESSORS: ColumnDecoder['compressors'] = {
  GZIP: (input: Uint8Array) => gunzipSync(input),
};
const READABLE_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP']);

/**
 * Reads a Parquet file's bytes into a header and rows of text (see the module comment). Never
 * throws: a file it cannot read comes back as `{ ok: false, error }`, saying why.
 */
export function readParquetTable(bytes: Uint8Array): ParquetRead {
  if (!hasParquetMagic(bytes))
    return { ok: false, error: 'not a Parquet file (it does not start and end with the PAR1 marker)' };
  let metadata: FileMetaData;
  let tree: SchemaTree;
  try {
    metadata = parquetMetadata(bytes);
    tree = parquetSchema(metadata);
  } catch (e) {
    return { ok: false, error: `its Parquet footer cannot be read (${(e as Error).message})` };
  }
  const warnings: string[] = [];
  const nested = tree.children.filter((c) => c.children.length > 0).map((c) => c.element.name);
  if (nested.length > 0)
    warnings.push(
      `nested Parquet column${nested.length > 1 ? 's' : ''} (list, struct or map) left out: ${nested.join(', ')}`,
    );
  const columns = tree.children.filter((c) => c.children.length === 0);
  const header = columns.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  const rows: string[][] = new Array<string[]>(total);
  for (let i = 0; i < total; i++) rows[i] = new Array<string>(columns.length).fill('');

  let groupStart = 0;
  try {
    for (const group of metadata.row_groups) {
      const groupRows = Number(group.num_rows);
      for (const chunk of group.columns) {
        const meta = chunk.meta_data;
        if (!meta || meta.path_in_schema.length !== 1) continue;
        const index = columns.findIndex((c) => c.element.name === meta.path_in_schema[0]);
        if (index < 0) continue;
        if (chunk.file_path) throw new Error('the file refers to column data in another file, which is not supported');
        if (!READABLE_CODECS.has(meta.codec)) {
          return {
            ok: false,
            error: `its columns are compressed with ${meta.codec}, which cannot be read here: write it with SNAPPY or GZIP compression (or none) and load it again`,
          };
        }
        const node = columns[index]!;
        const element = node.element;
        const kind = kindOf(element);
        const scale = element.scale ?? (element.logical_type?.type === 'DECIMAL' ? element.logical_type.scale : 0);
        // Decimals are read as their unscaled integers (hyparquet would make floats of them).
        const raw: SchemaElement =
          kind === 'decimal' ? { ...element, converted_type: undefined, logical_type: undefined } : element;
        const decoder: ColumnDecoder = {
          pathInSchema: meta.path_in_schema,
          type: meta.type,
          element: raw,
          schemaPath: [tree, { ...node, element: raw }],
          codec: meta.codec,
          parsers: PARSERS,
          compressors: COMPRESSORS,
          utf8: kind !== 'decimal',
        };
        const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
        const end = start + Number(meta.total_compressed_size);
        if (start < 0 || end > bytes.byteLength || end < start)
          throw new Error(`column ${node.element.name} lies outside the file`);
        const reader = { view: new DataView(bytes.buffer, bytes.byteOffset + start, end - start), offset: 0 };
        const { data } = readColumn(reader, { groupStart, selectStart: 0, selectEnd: groupRows, groupRows }, decoder);
        let r = groupStart;
        for (const page of data) {
          for (let k = 0; k < page.length && r < groupStart + groupRows; k++)
            rows[r++]![index] = cellText(page[k], kind, scale);
        }
      }
      groupStart += groupRows;
    }
  } catch (e) {
    return { ok: false, error: `its data cannot be read (${(e as Error).message})` };
  }
  return { ok: true, table: { header, rows, errors: [], delimiter: ',' }, warnings };
}
