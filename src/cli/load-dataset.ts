/**
 * Reads a dataset from disk for the CLI through the same import as the app: a canonical CSV folder,
 * a canonical JSON file, or CRM exports (Salesforce, HubSpot, detected or named with --preset),
 * or any CSV files with a saved mapping (--mapping file.json); Parquet files wherever CSV files go.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDataset } from '../engine/model/build-dataset';
import { endOfIsoDay } from '../engine/time';
import { parseMapping, type Mapping } from '../import/mapping/schema';
import { importFiles, isUsable, type ImportFile, type ImportResult } from '../import/pipeline';
import { isPresetId, PRESET_IDS, type PresetId } from '../import/presets/registry';
import type { ImportReport } from '../import/report';
import {
  SAMPLE_BYTES,
  parquetFieldsPerByte,
  readWhole,
  selectionProblem,
  sizedFromSample,
  type SizedFile,
} from '../import/source/memory-limit';
import { isParquetName } from '../import/source/parquet';
import { PARQUET_TRAILER_BYTES, parquetFooterLength, parquetShape } from '../import/source/parquet-footer';
import { CliError, type CliOptions, type DatasetContext } from './context';
import { nodeImportLimit, type NodeImportLimit } from './memory';

/** The paths of the files a path names: every .csv/.json/.parquet in a folder, or the file itself. */
export function filePathsAt(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(`No such file or folder: ${path}`);
  }
  const paths = stat.isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.(csv|json|parquet)$/i.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (paths.length === 0) throw new CliError(`No .csv, .json or .parquet files in ${path}`);
  return paths;
}

/** `length` bytes of an open file from `position`. */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, length));
  readSync(fd, out, 0, out.length, position);
  return out;
}

/**
 * A file's name, size and fields per byte: sampled from its first bytes, or for a Parquet file
 * taken from its footer (rows × columns and its size uncompressed).
 */
function sized(path: string): SizedFile {
  const size = statSync(path).size;
  const name = basename(path);
  const fd = openSync(path, 'r');
  try {
    if (isParquetName(name) && size >= 12) {
      const length = parquetFooterLength(readAt(fd, size - PARQUET_TRAILER_BYTES, PARQUET_TRAILER_BYTES));
      const shape =
        length !== undefined && length + PARQUET_TRAILER_BYTES <= size
          ? parquetShape(readAt(fd, size - length - PARQUET_TRAILER_BYTES, length + PARQUET_TRAILER_BYTES))
          : undefined;
      if (shape) return { name, size, fieldsPerByte: parquetFieldsPerByte(size, shape) };
    }
    return sizedFromSample(name, size, readAt(fd, 0, Math.min(size, SAMPLE_BYTES)));
  } finally {
    closeSync(fd);
  }
}

/**
 * The files the paths name, each read from disk when the import needs its bytes (see
 * `ImportFile.read`): the import holds one file's bytes at a time, not every file's. The selection
 * is checked against the memory limit first and refused, naming its largest file, before anything
 * is read.
 */
export function readFilesAt(
  paths: readonly string[],
  limit: NodeImportLimit = nodeImportLimit(),
  whole = false,
): ImportFile[] {
  const all = paths.flatMap(filePathsAt);
  const files = all.map(sized);
  const problem = selectionProblem(whole ? readWhole(files) : files, limit.bytes, limit.advice);
  if (problem !== undefined) throw new CliError(problem);
  return all.map((p, i) => ({
    name: basename(p),
    sized: files[i]!,
    read: () => readBytes(p, files[i]!.size),
    readRange: (position: number, length: number) => readRange(p, files[i]!.size, position, length),
  }));
}

/**
 * `length` bytes of a file from `position` (fewer at its end). A file whose size is no longer
 * `size`, the size it was checked at, stops the import, as in `readBytes`.
 */
function readRange(path: string, size: number, position: number, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size !== size) throw new CliError(`${path} changed while it was imported: import it again`);
    const out = new Uint8Array(Math.max(0, length));
    let read = 0;
    while (read < out.length) {
      const n = readSync(fd, out, read, out.length - read, position + read);
      if (n === 0) break;
      read += n;
    }
    return read < out.length ? out.subarray(0, read) : out;
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes: a plain Uint8Array over the Buffer's memory, no second copy. A large file is read
 * more than once (opened, then each pass over its rows): one whose size changed meanwhile stops the
 * import rather than give rows the first read did not check.
 */
function readBytes(path: string, size: number): Uint8Array {
  const b = readFileSync(path);
  if (b.byteLength !== size) throw new CliError(`${path} changed while it was imported: import it again`);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** --preset and --mapping from the flags, validated. */
export function importOptionsFrom(options: CliOptions): { preset?: PresetId; mapping?: Mapping } {
  const preset = options.flags['preset'];
  const mappingPath = options.flags['mapping'];
  const out: { preset?: PresetId; mapping?: Mapping } = {};
  if (preset !== undefined) {
    if (typeof preset !== 'string' || !isPresetId(preset)) {
      throw new CliError(`--preset takes one of ${PRESET_IDS.join(', ')}, not "${String(preset)}"`, 2);
    }
    out.preset = preset;
  }
  if (mappingPath !== undefined) {
    if (typeof mappingPath !== 'string') throw new CliError('--mapping takes the path of a saved mapping (.json)', 2);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(mappingPath, 'utf8'));
    } catch (e) {
      throw new CliError(`Cannot read the mapping ${mappingPath}: ${(e as Error).message}`);
    }
    const parsed = parseMapping(json);
    if (!parsed.ok) throw new CliError(`${mappingPath} is not a valid mapping: ${parsed.error}`);
    out.mapping = parsed.mapping;
  }
  return out;
}

/**
 * Imports every file of every path in one go (a folder and loose files may be mixed); a selection
 * over the memory limit is refused before it is read (CliError).
 */
export function importPaths(
  paths: readonly string[],
  options: CliOptions,
  now = Date.now(),
  limit?: NodeImportLimit,
): ImportResult {
  const opts = importOptionsFrom(options);
  const theLimit = limit ?? nodeImportLimit();
  // With a mapping or another preset every file is read whole, and counted so.
  const whole = opts.mapping !== undefined || (opts.preset !== undefined && opts.preset !== 'canonical');
  const files = readFilesAt(paths, theLimit, whole);
  const name = paths.length === 1 ? basename(paths[0]!) : 'Imported dataset';
  return importFiles(files, { ...opts, name, now, limit: { bytes: theLimit.bytes, advice: theLimit.advice } });
}

export function describeProblems(report: ImportReport): string {
  const lines = [
    ...report.warnings.map((w) => `${w.file}: ${w.message}`),
    ...report.issues
      .filter((i) => i.outcome === 'rejected')
      .slice(0, 20)
      .map((i) => `${i.file} row ${i.row}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`),
  ];
  return lines.join('\n');
}

/** Loads a dataset; fails with the import report's reasons when nothing usable was read. */
export function loadDataset(path: string, options: CliOptions): DatasetContext {
  const { records, report } = importPaths([path], options);
  if (!isUsable(records)) {
    throw new CliError(
      `Nothing usable was read from ${path}: no lead or opportunity row was accepted.\n${describeProblems(report)}`,
    );
  }
  const dataset = buildDataset(records);
  let asOf = dataset.meta.latestAt;
  if (options.asOf !== undefined) {
    // A date given means the end of that day (SPEC §10), as in the app.
    asOf = endOfIsoDay(options.asOf);
    if (!Number.isFinite(asOf)) throw new CliError(`--as-of takes a date as YYYY-MM-DD, not "${options.asOf}"`);
  }
  return { records, dataset, report, asOf, options };
}
