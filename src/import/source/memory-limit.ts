/**
 * How many bytes of files one import may read, from the memory it may use. Every file of a
 * selection is held at once (bytes, then decoded text, parsed rows, records and report for a file
 * read whole; bytes and columns for one that streams), so the limit is on the selection's total,
 * each file counted at the rate of the route it will take, checked before any byte is read; a
 * selection over it is refused with a message naming its largest file, instead of running the page
 * or the process out of memory.
 */
import type { ParquetShape } from './parquet-footer';

/** A file name that says Parquet (the reader itself is loaded only when one is chosen). */
const isParquetName = (name: string) => /\.parquet$/i.test(name);

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Memory the importer needs: about IMPORT_BYTES_PER_BYTE per byte of file plus
 * IMPORT_BYTES_PER_FIELD per field (a cell of a row), rounded up from a fit of peak resident memory
 * measured with `revlens import` (bench/import-child.ts, Node 20): the canonical demo company at
 * 100k leads (826 MB for 66.2 MB and 6.47 million fields) and 200k (1,526 MB for 131.9 MB and 12.9
 * million fields), from `npm run bench -- --json --sizes 100000,200000` (bench/results/latest.json),
 * and its 100k leads.csv alone (305 MB for 18.5 MB, 2.1 million fields) and with 20 two-character
 * custom columns appended (417 MB for 24.2 MB, 4.1 million fields). The fit: 7.2 bytes per byte,
 * 37 per field and about 120 MB for the runtime itself. Short fields are what make a file costly:
 * the demo company has 0.09 fields per byte (12.5 bytes of memory per byte of file, runtime
 * included), the file with custom columns 0.16 (17.2).
 */
export const IMPORT_BYTES_PER_BYTE = 8;
export const IMPORT_BYTES_PER_FIELD = 40;

/** Fields per byte of a typical export (the demo company has 0.093), for the limit the Data view states. */
export const TYPICAL_FIELDS_PER_BYTE = 0.1;

/** Memory per byte of a typical file: 8 + 40 × 0.1 = 12. */
export const IMPORT_BYTES_PER_INPUT_BYTE = IMPORT_BYTES_PER_BYTE + IMPORT_BYTES_PER_FIELD * TYPICAL_FIELDS_PER_BYTE;

/**
 * Canonical files read as they stream by (src/import/source/csv-stream.ts) when the folder is read
 * as canonical without a mapping: the large tables. Their text is never held whole, only their bytes
 * and the columns they fill.
 */
export const STREAMED_FILE_NAMES: ReadonlySet<string> = new Set(['leads.csv', 'activities.csv', 'touches.csv']);

/**
 * Memory per byte of a typical file that streams: 5. Peak resident memory of `revlens import` of the
 * canonical demo company with leads, activities and touches streamed: 374 MB at 100k leads (66.2 MB
 * of files) and 586 MB at 200k (131.9 MB), a fit of about 160 MB plus 3.2 bytes per byte; less the
 * runtime's 120 MB, 3.84 and 3.53 bytes per byte of the whole company, its small files still read
 * whole included. 5 leaves a margin of 30% above the larger figure. As for the whole route, a file
 * of shorter fields than a typical one counts for more, in proportion.
 */
export const STREAMED_BYTES_PER_INPUT_BYTE = 5;

/** A file name that streams when the folder is read as canonical (any folder before it). */
export function streamsByName(name: string): boolean {
  return STREAMED_FILE_NAMES.has((name.split(/[\\/]/).pop() ?? name).toLowerCase());
}

/**
 * Whether the start of a file allows streaming, as far as it shows: no UTF-16 byte-order mark and a
 * comma in a first line that ends within the sample. Invalid UTF-8 or mixed line endings further on
 * are found only when the file is read; the importer then reads it whole, or refuses it when it
 * cannot (see `fallbackProblem`).
 */
export function sampleStreams(sample: Uint8Array): boolean {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  const lf = sample.indexOf(0x0a);
  return lf > 0 && sample.subarray(0, lf).indexOf(0x2c) >= 0;
}

/** Bytes of the start of a file sampled for its fields per byte. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * Fields per byte of a sample of a file: separators (the most frequent of comma, semicolon and tab)
 * and line breaks over its length. A separator inside quotes counts too, which errs on the side of
 * more memory.
 */
export function fieldsPerByte(sample: Uint8Array): number {
  if (sample.length === 0) return TYPICAL_FIELDS_PER_BYTE;
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let lines = 0;
  for (const b of sample) {
    if (b === 0x2c) comma++;
    else if (b === 0x3b) semicolon++;
    else if (b === 0x09) tab++;
    else if (b === 0x0a) lines++;
  }
  return (Math.max(comma, semicolon, tab) + lines) / sample.length;
}

/** Fields per byte of a Blob (File), from its first SAMPLE_BYTES. */
export async function blobFieldsPerByte(blob: Blob): Promise<number> {
  return fieldsPerByte(new Uint8Array(await blob.slice(0, SAMPLE_BYTES).arrayBuffer()));
}

/** The sized file of a file of `size` bytes whose first SAMPLE_BYTES (or fewer) are `sample`. */
export function sizedFromSample(name: string, size: number, sample: Uint8Array): SizedFile {
  const out = { name, size, fieldsPerByte: fieldsPerByte(sample) };
  return streamsByName(name) && sampleStreams(sample) ? { ...out, streamed: true } : out;
}

/**
 * Memory per byte of the file, bytes. A file is never counted as cheaper than a typical one: a
 * sample may miss the short fields further on.
 */
export function memoryPerByte(file: SizedFile): number {
  const density = Math.max(TYPICAL_FIELDS_PER_BYTE, file.fieldsPerByte ?? TYPICAL_FIELDS_PER_BYTE);
  if (file.streamed) return (STREAMED_BYTES_PER_INPUT_BYTE * density) / TYPICAL_FIELDS_PER_BYTE;
  return IMPORT_BYTES_PER_BYTE + IMPORT_BYTES_PER_FIELD * density;
}

/** Memory an import of the file needs, bytes (the runtime itself not included). */
export function memoryNeeded(file: SizedFile): number {
  return file.size * memoryPerByte(file);
}

/** The selection as the whole route reads it (with a mapping, or another preset's folder). */
export function readWhole(files: readonly SizedFile[]): SizedFile[] {
  return files.map((f) => (f.streamed ? { name: f.name, size: f.size, fieldsPerByte: f.fieldsPerByte } : f));
}

/**
 * Fields per byte that make `memoryNeeded` of a Parquet file of `size` bytes the memory of its rows
 * as text: IMPORT_BYTES_PER_BYTE per byte uncompressed plus IMPORT_BYTES_PER_FIELD per field (a
 * compressed file holds more than its size as text).
 */
export function parquetFieldsPerByte(size: number, shape: ParquetShape): number {
  if (size <= 0) return TYPICAL_FIELDS_PER_BYTE;
  const needed =
    Math.max(shape.uncompressedBytes, size) * IMPORT_BYTES_PER_BYTE + shape.fields * IMPORT_BYTES_PER_FIELD;
  return (needed / size - IMPORT_BYTES_PER_BYTE) / IMPORT_BYTES_PER_FIELD;
}

/** A Blob (File) with its name, size and sampled fields per byte (of a Parquet file: from its footer). */
export async function sizedBlob(blob: Blob & { readonly name: string }): Promise<SizedFile> {
  if (isParquetName(blob.name)) {
    const { blobParquetShape } = await import('./parquet-footer');
    const shape = await blobParquetShape(blob);
    if (shape) return { name: blob.name, size: blob.size, fieldsPerByte: parquetFieldsPerByte(blob.size, shape) };
  }
  return sizedFromSample(blob.name, blob.size, new Uint8Array(await blob.slice(0, SAMPLE_BYTES).arrayBuffer()));
}

/** Memory assumed when the platform says nothing about it (Firefox, Safari): 1 GiB. */
export const ASSUMED_MEMORY_BYTES = GIB;

/**
 * Share of a device's memory one tab's import may count on. `navigator.deviceMemory` is the whole
 * device (capped at 8 GB by browsers) and is shared with the system, the browser and other tabs.
 */
export const DEVICE_MEMORY_SHARE = 1 / 4;

/**
 * The longest text a JavaScript engine holds (V8: 2^29 − 24 characters). A file read whole is
 * decoded into one string, so a longer one is refused whatever the memory; a file that streams is
 * decoded 64 KB at a time and is not held to it.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** Memory an import may use and where the figure comes from. */
export interface MemoryBudget {
  readonly bytes: number;
  readonly source: 'heap limit' | 'device memory' | 'assumed';
}

/** Chrome's non-standard `performance.memory`. */
export interface HeapMemory {
  readonly jsHeapSizeLimit: number;
  readonly usedJSHeapSize: number;
}

/**
 * The browser's budget: the JavaScript heap left (`performance.memory`, Chromium), else a share of
 * the device's memory (`navigator.deviceMemory`, in GB), else the assumed default.
 */
export function browserMemoryBudget(env: {
  readonly memory?: HeapMemory;
  readonly deviceMemoryGb?: number;
}): MemoryBudget {
  const m = env.memory;
  if (m && Number.isFinite(m.jsHeapSizeLimit) && m.jsHeapSizeLimit > 0) {
    return {
      bytes: Math.max(0, m.jsHeapSizeLimit - (Number.isFinite(m.usedJSHeapSize) ? m.usedJSHeapSize : 0)),
      source: 'heap limit',
    };
  }
  const gb = env.deviceMemoryGb;
  if (gb !== undefined && Number.isFinite(gb) && gb > 0)
    return { bytes: gb * GIB * DEVICE_MEMORY_SHARE, source: 'device memory' };
  return { bytes: ASSUMED_MEMORY_BYTES, source: 'assumed' };
}

/** `browserMemoryBudget` of the running page or worker. */
export function currentBrowserMemoryBudget(): MemoryBudget {
  const perf = (globalThis as { performance?: { memory?: HeapMemory } }).performance;
  const nav = (globalThis as { navigator?: { deviceMemory?: number } }).navigator;
  return browserMemoryBudget({ memory: perf?.memory, deviceMemoryGb: nav?.deviceMemory });
}

/** Node's budget: the V8 heap left under its limit (`v8.getHeapStatistics()`). */
export function nodeMemoryBudget(heap: {
  readonly heap_size_limit: number;
  readonly used_heap_size: number;
}): MemoryBudget {
  return { bytes: Math.max(0, heap.heap_size_limit - heap.used_heap_size), source: 'heap limit' };
}

/** Bytes of files an import may read with `budget`. */
export function importLimitBytes(budget: MemoryBudget, factor = IMPORT_BYTES_PER_INPUT_BYTE): number {
  return Math.floor(budget.bytes / factor);
}

/** A size for a message: "340 MB", "2.5 MB", "12 KB" (binary units, at least 1 KB when not empty). */
export function formatSize(bytes: number): string {
  if (bytes >= 10 * MIB) return `${Math.round(bytes / MIB).toLocaleString('en-US')} MB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MB`;
  return `${bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0} KB`;
}

/** What the Data view says before a read starts. */
export function limitStatement(limit: number, budget: MemoryBudget): string {
  const from =
    budget.source === 'heap limit'
      ? `this browser lets the page use about ${formatSize(budget.bytes)} more`
      : budget.source === 'device memory'
        ? `it counts on a quarter of this device's ${Math.round(budget.bytes / DEVICE_MEMORY_SHARE / GIB)} GB of memory`
        : 'this browser does not say how much memory it has, so 1 GB is assumed';
  return `Files up to about ${formatSize(limit)} in all on this device: an import needs about ${IMPORT_BYTES_PER_INPUT_BYTE} bytes of memory per byte of a typical file (more for short fields), ${STREAMED_BYTES_PER_INPUT_BYTE} for the leads, activities and touches CSV files of a canonical folder (read as they stream), and ${from}.`;
}

export interface SizedFile {
  readonly name: string;
  readonly size: number;
  /** Fields per byte sampled from the file (`fieldsPerByte`); default: a typical file's. */
  readonly fieldsPerByte?: number;
  /**
   * Read as it streams (a canonical large table whose start allows it, see `sizedFromSample`):
   * counted at STREAMED_BYTES_PER_INPUT_BYTE and not held to MAX_TEXT_BYTES.
   */
  readonly streamed?: boolean;
}

/** How a refusal ends: where the limit comes from and what to do. */
export interface LimitAdvice {
  /** "this device can import at once" */
  readonly capacity: string;
  /** What to do, given the memory the selection would need (bytes). */
  readonly remedy: (neededBytes: number) => string;
}

/** The Data view's (and the import worker's) advice. */
export const BROWSER_ADVICE: LimitAdvice = {
  capacity: 'this device can import at once',
  remedy: () =>
    'load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
};

/**
 * Why a selection cannot be read, naming the file, or undefined when it may be. A file longer than
 * the engine's longest text is refused whatever the memory. Otherwise the memory the selection
 * needs is compared with the memory `limit` stands for (a limit in bytes of typical files): a file
 * of short fields counts for more than its size, and the message says so.
 */
export function selectionProblem(
  files: readonly SizedFile[],
  limit: number,
  advice: LimitAdvice = BROWSER_ADVICE,
): string | undefined {
  const tooLong = files.find((f) => !f.streamed && f.size > MAX_TEXT_BYTES);
  if (tooLong) {
    return `${tooLong.name} is ${formatSize(tooLong.size)}, longer than the ${formatSize(MAX_TEXT_BYTES)} a JavaScript engine can hold as text: split it (for example by year) or filter the export, then load the parts`;
  }
  const needed = files.reduce((s, f) => s + memoryNeeded(f), 0);
  // As bytes of typical files, the unit of the limit.
  const counted = needed / IMPORT_BYTES_PER_INPUT_BYTE;
  if (counted <= limit) return undefined;
  const total = files.reduce((s, f) => s + f.size, 0);
  const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
  // Sizes that round alike are told apart by a decimal ("66.2 MB … above the about 65.8 MB").
  const size = (n: number) =>
    formatSize(total) === formatSize(limit) && n >= MIB ? `${(n / MIB).toFixed(1)} MB` : formatSize(n);
  // Short fields are named when they, not the size alone, put the selection over the limit.
  const short = total <= limit || counted > total * 1.1;
  let what: string;
  if (files.length === 1) {
    what = `${largest.name} is ${size(largest.size)}`;
    if (short && isParquetName(largest.name))
      what += ` of compressed Parquet, needing as much memory to import as about ${formatSize(counted)} of typical CSV`;
    else if (short)
      what += ` of short fields (about ${Math.round((largest.fieldsPerByte ?? TYPICAL_FIELDS_PER_BYTE) * 1024)} per KB), needing as much memory to import as about ${formatSize(counted)} of typical CSV`;
  } else {
    what = `These ${files.length} files are ${size(total)} together (the largest, ${largest.name}, is ${formatSize(largest.size)})`;
    const why = files.some((f) => isParquetName(f.name)) ? 'as text, their rows' : 'their short fields';
    if (short) what += `, and ${why} need as much memory to import as about ${formatSize(counted)} of typical CSV`;
    else if (files.some((f) => f.streamed) && counted < total * 0.9)
      what += `, needing as much memory to import as about ${formatSize(counted)} of typical CSV (those that stream need less)`;
  }
  return `${what}, above the about ${size(limit)} ${advice.capacity}: ${advice.remedy(needed)}`;
}

/**
 * Why a file charged as streaming cannot be read after all, or undefined when it can: it turned out
 * not to stream (`why`), so it is read whole, and the selection with it read whole (`files`, as
 * counted now) is over `limit`, or the file is longer than the longest text.
 */
export function fallbackProblem(
  name: string,
  why: string,
  files: readonly SizedFile[],
  limit: number,
  advice: LimitAdvice = BROWSER_ADVICE,
): string | undefined {
  const file = files.find((f) => f.name === name);
  // Another file longer than the longest text is refused on its own.
  const counted = files.filter((f) => f === file || f.size <= MAX_TEXT_BYTES);
  const problem =
    file && file.size > MAX_TEXT_BYTES
      ? selectionProblem([file], limit, advice)
      : selectionProblem(counted, limit, advice);
  return problem === undefined
    ? undefined
    : `${name} cannot be read as it streams (${why}), so it is read whole: ${problem}`;
}
