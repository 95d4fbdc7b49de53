/**
 * The streamed route: a canonical folder's large CSV files (leads, activities, touches) are read
 * as their rows stream by, never held as one text (see source/csv-stream.ts). A file that turns out
 * to need its rows (not plain enough, or the folder is not canonical) is read whole after all,
 * unless the selection read that way is over the memory limit.
 */
import { parseCsv } from './csv';
import type { ImportFile, ImportOptions } from './import-types';
import { tooLong, type Sizes } from './file-sizes';
import { baseName, type ParsedFile } from './presets/types';
import type { ReportBuilder } from './report';
import { decodeBytes } from './source/decode';
import { holding, openCsvStream, STREAM_CHUNK_BYTES } from './source/csv-stream';
import { fallbackProblem, readWhole, streamsByName } from './source/memory-limit';

/** Why a file counted as streaming may not be read whole (see `fallbackProblem`). */
export const NOT_PLAIN = 'it is not plain UTF-8 comma-separated text with one kind of line ending';
const NOT_CANONICAL = 'the folder is not read as canonical';

/**
 * The canonical files that are small beside leads and activities but still read row by row when
 * they are plain: their rows then die as they are read, not held to the end of the import. They
 * count as read whole for the memory limit, so the limit and a fallback to the whole text say
 * what they said before.
 */
const STREAMED_WHEN_PLAIN: ReadonlySet<string> = new Set([
  'accounts.csv',
  'opportunities.csv',
  'opportunity_stages.csv',
  'opportunity_history.csv',
]);

/** Whether a file of this name may stream although it is counted as read whole (see above). */
const streamsWhenPlain = (f: ImportFile) =>
  STREAMED_WHEN_PLAIN.has(baseName(f.name).toLowerCase()) && tooLong(f) === undefined;

/**
 * The file as a row stream when `streaming` allows it and the file is plain enough (see
 * csv-stream.ts): every parse warning the whole-text route would give is given here.
 */
export function parseStreamed(
  f: ImportFile,
  bytes: Uint8Array | undefined,
  report: ReportBuilder,
): ParsedFile | undefined {
  if (bytes === undefined || !(streamsByName(baseName(f.name)) || streamsWhenPlain(f))) return undefined;
  // A file given by `read` is read again for each pass over its rows (a part at a time with
  // `readRange`): the stream does not keep `bytes`, which die once the file is opened (see
  // openCsvStream).
  const reread = f.bytes === undefined && f.read ? { read: f.read, readRange: f.readRange } : undefined;
  const rows = openCsvStream(bytes, STREAM_CHUNK_BYTES, reread);
  if (rows === undefined) return undefined;
  for (const e of rows.headerErrors) report.warn(f.name, `header line: ${e.message} (${e.code})`);
  return {
    name: f.name,
    table: { header: rows.header, rows: [], errors: rows.headerErrors, delimiter: ',' },
    stream: { rows, whole: wholeTable(reread?.read ?? holding(bytes)) },
  };
}

/** The file parsed whole from its bytes (a function of its own, so as to close over `load` alone). */
const wholeTable = (load: () => Uint8Array) => () => parseCsv(decodeBytes(load()).text, { delimiter: ',' });

/** A streamed file parsed whole, for the routes that need its rows (presets other than canonical). */
function unstreamed(f: ParsedFile): ParsedFile {
  return f.stream ? { name: f.name, table: f.stream.whole(), notes: f.notes } : f;
}

/**
 * The files with every streamed one read whole after all (the folder is not read as canonical):
 * a file is refused when the selection read whole is over the limit or it is longer than the
 * longest text.
 */
export function readStreamedWhole(
  all: readonly ParsedFile[],
  sizes: Sizes,
  limit: ImportOptions['limit'],
  report: ReportBuilder,
): ParsedFile[] {
  const whole = readWhole(sizes.all());
  return all.flatMap((f) => {
    if (!f.stream) return [f];
    // Counted as read whole from the start: read whole now with nothing to check.
    if (!streamsByName(baseName(f.name))) return [unstreamed(f)];
    const problem = fallbackProblem(f.name, NOT_CANONICAL, whole, limit?.bytes ?? Infinity, limit?.advice);
    if (problem === undefined) return [unstreamed(f)];
    const at = whole.findIndex((w) => w.name === f.name);
    if (at >= 0) whole[at] = { name: f.name, size: 0 };
    report.warn(f.name, `${problem}; not read`);
    return [];
  });
}
