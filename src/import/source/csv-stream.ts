/**
 * A comma-separated file read row by row from its bytes: decoded chunk by chunk and parsed by the
 * same papaparse parser as `parseCsv`, fed the way papaparse feeds itself when it streams (the
 * unfinished last row of a chunk is carried into the next). Rows are numbered, blank lines skipped
 * and parse errors placed exactly as `parseCsv` does, so the readers see the same rows; only the
 * rows of one chunk exist at a time, never the whole text or every row.
 *
 * Only plain files take this route: valid UTF-8 (with or without a byte-order mark), one kind of
 * line ending and a comma in the first line. `openCsvStream` returns undefined for any other file,
 * which is then decoded and parsed whole (its encoding repairs, line-ending rewrite and delimiter
 * detection need the whole text).
 */
import Papa from 'papaparse';
import type { CsvError } from '../csv';
import { scanBytes } from './byte-scan';
import { lineSegments, WholeBytes, WINDOW_BYTES, WindowedBytes, type ByteRanges, type ReadRange } from './byte-ranges';
import { firstColumnValues } from './column-values';
import { invalidUtf8At } from './decode';
import { forEachAsciiRow, forEachPlainRow, type PlainRow } from './plain-lines';

/**
 * Bytes decoded and parsed at a time: small enough that one chunk's rows die young (4 MB chunks
 * kept the peak memory of a 100k-lead company about 50% higher).
 */
export const STREAM_CHUNK_BYTES = 64 * 1024;

export type RowVisitor = (
  row: number,
  cells: readonly string[],
  errors: readonly CsvError[] | undefined,
) => boolean | void;

export interface CsvStream {
  /** The first non-blank line's fields (as `parseCsv`'s header). */
  readonly header: readonly string[];
  /** Parse errors on the header line. */
  readonly headerErrors: readonly CsvError[];
  /**
   * Visits every data row in order (1-based numbers, as `parseCsv`); `visit` returning false stops
   * the read. May run more than once. `onFileError` gets errors placed on no data row found after
   * the header (on a blank line).
   */
  forEachRow(visit: RowVisitor, onFileError?: (e: CsvError) => void): void;
  /**
   * The first `limit` values of each of `columns` (one list per column asked) that are not empty
   * once trimmed, in row order, as `forEachRow` gives them; the read stops once every list is full.
   */
  firstValues(columns: readonly number[], limit: number): string[][];
  /**
   * For a file that splits plainly (no quote; rows ending in LF alone or every one in CRLF): visits the data rows as byte
   * ranges, numbered as `forEachRow` numbers them (such a file has no parse error). Undefined for
   * any other file.
   */
  readonly forEachPlainRow?: (visit: (row: number, line: PlainRow) => void) => void;
  /**
   * For a file that splits plainly and holds ASCII bytes alone: visits every data row with its
   * cells, as `forEachRow` gives them (such a file has no parse error), without papaparse.
   * Undefined for any other file.
   */
  readonly forEachAsciiRow?: (visit: (row: number, cells: readonly string[]) => void) => void;
  /**
   * About how many data rows the file holds, for sizing what they fill: its line feeds for a file of
   * LF or CRLF line ends, but no more than the rows a streamed table keeps could fill its bytes (a
   * kept row has the header's k fields, k - 1 commas and a line feed, and a date of 10 characters or
   * more), so blank, empty or rejected lines do not size columns for rows that are not there;
   * undefined when not known. Rows beyond it are still read (the columns grow).
   */
  readonly rowsHint?: number;
}

interface PapaHandle {
  parse(
    input: string,
    baseIndex: number,
    ignoreLastRow: boolean,
  ): { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
  guessLineEndings(input: string, quoteChar: string): string;
}
type PapaHandleCtor = new (config: Record<string, unknown>) => PapaHandle;
const ParserHandle = (Papa as unknown as { ParserHandle: PapaHandleCtor }).ParserHandle;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * The kinds of row break outside quotes: CRLF, and bare (LF or CR); both is mixed (as
 * `hasMixedLineEndings`, on bytes). `cr` says whether a carriage return occurs at all.
 */
function lineBreaks(bytes: Uint8Array, from: number, cr: boolean): { cr: boolean; crlf: boolean; other: boolean } {
  // Without a carriage return there is no CRLF (the common case, found without a loop).
  if (!cr) return { cr: false, crlf: false, other: true };
  let inQuote = false;
  let crlf = false;
  let other = false;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === CR) {
      if (bytes[i + 1] === LF) {
        crlf = true;
        i++;
      } else other = true;
    } else if (c === LF) other = true;
    if (crlf && other) break;
  }
  return { cr: true, crlf, other };
}

function isAsciiSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

/** The fewest characters of a date (YYYY-MM-DD), which every kept row of a streamed table has. */
const SHORTEST_DATE = 10;

/** The bytes given, as a function that gives them (a function of its own: it closes over nothing else). */
export const holding = (bytes: Uint8Array) => () => bytes;

/** How an opened stream reads its file again: whole, or a range at a time (see byte-ranges.ts). */
export interface Reread {
  readonly read: () => Uint8Array;
  readonly readRange?: ReadRange;
  /** Bytes read at a time with `readRange` (default WINDOW_BYTES). */
  readonly windowBytes?: number;
}

/**
 * The file as a row stream, or undefined when it must be read whole (see the module comment).
 * `reread`, when given, reads the same bytes again: the stream then keeps no reference to `bytes`
 * and each read (`forEachRow`, `firstValues`, `forEachPlainRow`) asks for them afresh and lets
 * them go when it ends, so an opened stream holds no file in memory between reads; with
 * `readRange`, a read holds a few megabytes of the file at a time, not all of it.
 */
export function openCsvStream(
  bytes: Uint8Array,
  chunkBytes = STREAM_CHUNK_BYTES,
  reread?: Reread,
): CsvStream | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // The first character must be plain ASCII text, so that "empty file" and trimming need no decoding.
  let first = from;
  while (first < bytes.length && isAsciiSpace(bytes[first]!)) first++;
  if (first === bytes.length || bytes[first]! >= 0x80) return undefined;
  const lf = bytes.indexOf(LF, from);
  if (lf < 0 || bytes.subarray(from, lf).indexOf(COMMA) < 0) return undefined;
  const scan = scanBytes(bytes, from);
  if (scan.nonAscii && invalidUtf8At(bytes, from) >= 0) return undefined;
  const breaks = lineBreaks(bytes, from, scan.cr);
  if (breaks.crlf && breaks.other) return undefined;

  // papaparse guesses the line ending from the first megabyte of text, as it does for the whole text.
  const head = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    bytes.subarray(from, Math.min(bytes.length, from + 4 * 1024 * 1024)),
  );
  const newline = new ParserHandle({}).guessLineEndings(head, '"');

  // No function below refers to `bytes` (a closure over it would keep the file alive as long as
  // the stream): each read gets its bytes from `load`, or a part at a time from `readRange`.
  const size = bytes.length;
  const load = reread?.read ?? holding(bytes);
  const readRange = reread?.readRange;
  const windowBytes = reread?.windowBytes ?? WINDOW_BYTES;
  const ranges = (): ByteRanges =>
    readRange ? new WindowedBytes(readRange, size, windowBytes) : new WholeBytes(load());
  const segments = (): Iterable<Uint8Array> => {
    if (readRange) return lineSegments(readRange, size, windowBytes);
    // Bytes held (or read whole) go by windows of whole lines too: a reader that decodes its
    // segment (the ASCII rows) never makes one string of the whole file, which may be longer than
    // the longest string the engine holds.
    const whole = load();
    return lineSegments((position, length) => whole.subarray(position, position + length), size, windowBytes);
  };
  const run = (
    source: ByteRanges,
    visit: RowVisitor,
    onFileError?: (e: CsvError) => void,
    headerOnly?: { header?: string[]; errors: CsvError[] },
  ): void => {
    const handle = new ParserHandle({ delimiter: ',', newline, header: false, skipEmptyLines: false });
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let partial = '';
    let base = 0;
    let seenHeader = false;
    let dataRows = 0;
    let headerChunkPassed = false;
    for (let pos = from; pos < source.size;) {
      const end = Math.min(source.size, pos + chunkBytes);
      const finished = end === source.size;
      const chunk = decoder.decode(source.range(pos, end - pos), { stream: !finished });
      pos = end;
      const aggregate = partial + chunk;
      partial = '';
      const results = handle.parse(aggregate, base, !finished);
      if (!finished) {
        const cursor = results.meta.cursor;
        partial = aggregate.substring(cursor - base);
        base = cursor;
      }
      const data = results.data;
      // Our number of each row of this chunk (0: the header or a blank line), and its errors.
      const numberOf = new Int32Array(data.length);
      for (let k = 0; k < data.length; k++) {
        const fields = data[k]!;
        if (isBlank(fields)) continue;
        if (!seenHeader) {
          seenHeader = true;
          if (headerOnly) headerOnly.header = fields;
          continue;
        }
        numberOf[k] = ++dataRows;
      }
      let errorsAt: Map<number, CsvError[]> | undefined;
      for (const e of results.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        // An error of the unfinished row carried into the next chunk is found again there.
        if (!finished && e.row !== undefined && e.row >= data.length) continue;
        const row = e.row === undefined ? 0 : (numberOf[e.row] ?? 0);
        const error: CsvError = { row, code: e.code, message: e.message };
        if (row === 0) {
          // Those up to the header's chunk are the header's, known when the file is opened.
          if (headerOnly) headerOnly.errors.push(error);
          else if (headerChunkPassed) onFileError?.(error);
          continue;
        }
        errorsAt ??= new Map();
        const list = errorsAt.get(row);
        if (list) list.push(error);
        else errorsAt.set(row, [error]);
      }
      if (headerOnly) {
        if (seenHeader) return;
        continue;
      }
      headerChunkPassed ||= seenHeader;
      for (let k = 0; k < data.length; k++) {
        const row = numberOf[k]!;
        if (row === 0) continue;
        if (visit(row, data[k]!, errorsAt?.get(row)) === false) return;
      }
    }
  };

  const opened: { header?: string[]; errors: CsvError[] } = { errors: [] };
  run(new WholeBytes(bytes), () => undefined, undefined, opened);
  // Rows all ending in CRLF split plainly too, when papaparse splits them at CRLF.
  const crlf = breaks.crlf && newline === '\r\n';
  // The rows split plainly with no quote and no CR but in CRLF breaks (see column-values.ts).
  const plain = (crlf || !breaks.cr) && !scan.quote;
  return {
    header: opened.header ?? [],
    headerErrors: opened.errors,
    // Each line but the last ends in a line feed (a file ending in one has no last line), and the
    // header is one of them; a file whose breaks are bare carriage returns gives no count.
    rowsHint:
      breaks.cr && !breaks.crlf
        ? undefined
        : Math.min(
            scan.lineFeeds - (bytes[bytes.length - 1] === LF ? 1 : 0),
            Math.floor((size - from) / ((opened.header?.length ?? 1) + SHORTEST_DATE)),
          ),
    forEachRow: (visit, onFileError) => run(ranges(), visit, onFileError),
    firstValues: (columns, limit) => {
      // A file that splits plainly is read from its bytes, without making every cell (column-values.ts).
      if (plain) return firstColumnValues(segments(), from, columns, limit, crlf);
      const lists: string[][] = columns.map(() => []);
      let open = columns.length;
      if (limit > 0 && open > 0) {
        run(ranges(), (_, cells) => {
          for (let k = 0; k < columns.length; k++) {
            const list = lists[k]!;
            if (list.length >= limit) continue;
            const v = cells[columns[k]!] ?? '';
            if (v.trim() === '') continue;
            if (list.push(v) === limit) open--;
          }
          return open > 0;
        });
      }
      return lists;
    },
    ...(plain ? { forEachPlainRow: (visit) => forEachPlainRow(segments(), from, visit, crlf) } : {}),
    ...(plain && !scan.nonAscii ? { forEachAsciiRow: (visit) => forEachAsciiRow(segments(), from, visit, crlf) } : {}),
  };
}
