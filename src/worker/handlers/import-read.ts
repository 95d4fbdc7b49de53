/**
 * Getting bytes into the worker: from File objects (read as a stream, bytes counted as they
 * arrive) or from a URL (fetched without credentials, with a size cap and a timeout). Both check a
 * cancel flag between chunks so a large read stops when the user says so.
 */
import {
  BROWSER_ADVICE,
  formatSize,
  IMPORT_BYTES_PER_INPUT_BYTE,
  memoryPerByte,
  readWhole,
  selectionProblem,
  sizedBlob,
  type SizedFile,
} from '../../import/source/memory-limit';
import type { LeadsFunnelSnapshot } from '../../import/leads-funnel-stream';
import type { ImportFile } from '../../import/pipeline';

export interface ImportProgress {
  readonly phase: 'reading' | 'parsing' | 'done';
  readonly file: string;
  /** Bytes read so far (all files). */
  readonly loaded: number;
  /** Bytes expected (all files); null when the server did not say. */
  readonly total: number | null;
  /**
   * The stage funnel of the leads file being read, over the rows read so far (see
   * LeadsFunnelStream); absent when no file read so far looks like a canonical leads.csv.
   */
  readonly funnel?: LeadsFunnelSnapshot;
}

export type ProgressFn = (p: ImportProgress) => void;

/** Sees each file's bytes as they arrive (before the progress of that chunk is reported). */
export interface ChunkWatcher {
  start(name: string, size: number | null): void;
  bytes(name: string, chunk: Uint8Array): void;
  end(name: string): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled: the current dataset is unchanged.');
    this.name = 'ImportCancelled';
  }
}

export interface CancelToken {
  cancelled: boolean;
}

/** A file found over the limit while it streams (its size was not known before). */
function overLimit(name: string, size: number, cap: number): string {
  return selectionProblem([{ name, size }], cap) ?? `${name} is more than ${formatSize(cap)}`;
}

/** Reads a stream to its end, through `onChunk`, stopping at `cap` bytes or when cancelled. */
async function drain(
  stream: ReadableStream<Uint8Array>,
  name: string,
  cap: number,
  token: CancelToken,
  onChunk: (chunk: Uint8Array) => void,
  refusal: (size: number) => string = (size) => overLimit(name, size, cap),
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (token.cancelled) {
      await reader.cancel();
      throw new ImportCancelled();
    }
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new Error(refusal(size));
    }
    chunks.push(value);
    onChunk(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads `length` bytes of a chosen file from `position` (fewer at its end), synchronously: in a
 * worker, `FileReaderSync` over `file.slice` (see `syncFileReader`).
 */
export type FileRangeReader = (file: File, position: number, length: number) => Uint8Array;

/** The synchronous reader of a worker, or undefined where there is none (the page, Node). */
export function syncFileReader(): FileRangeReader | undefined {
  if (typeof FileReaderSync !== 'function') return undefined;
  const reader = new FileReaderSync();
  return (file, position, length) => new Uint8Array(reader.readAsArrayBuffer(file.slice(position, position + length)));
}

/**
 * A chosen file with its bytes, that can also be read again (see `ImportFile.read`): the import
 * reads the bytes held, and once it is done they are let go (`withoutHeldBytes`) while the preview
 * waits to be loaded; the mapping screen's import reads the file again.
 */
function fileReadAgain(f: File, bytes: Uint8Array, sized: SizedFile, readRange: FileRangeReader): ImportFile {
  const read = (position: number, length: number): Uint8Array => {
    let range: Uint8Array;
    try {
      range = readRange(f, position, length);
    } catch (e) {
      throw new Error(
        `${f.name} could not be read again (${e instanceof Error ? e.message : String(e)}): it may have changed or moved since it was chosen; choose it again`,
        { cause: e },
      );
    }
    if (range.byteLength !== Math.max(0, Math.min(length, f.size - position)))
      throw new Error(`${f.name} changed while it was imported: choose it again`);
    return range;
  };
  return { name: f.name, bytes, sized, read: () => read(0, f.size), readRange: read };
}

/** The file without the bytes it holds when it can read them again (see `fileReadAgain`). */
export function withoutHeldBytes(f: ImportFile): ImportFile {
  if (f.bytes === undefined || f.read === undefined) return f;
  const { bytes: _held, ...again } = f;
  return again;
}

export interface ReadBlobsOptions {
  readonly progress?: ProgressFn;
  readonly watch?: ChunkWatcher;
  /** Every file will be read whole (a mapping or another preset than canonical), none counted as streaming. */
  readonly whole?: boolean;
  /**
   * Given (in a worker, `syncFileReader()`): each file read can also be read again, so that its
   * bytes can be let go once the import is done (`withoutHeldBytes`).
   */
  readonly reread?: FileRangeReader;
}

/**
 * Reads Files (or Blobs with a name) for an import. A selection above `limit` (bytes of typical
 * files, all files together) is refused before any file is read.
 */
export async function readBlobs(
  files: readonly File[],
  token: CancelToken,
  limit: number,
  { progress, watch, whole = false, reread }: ReadBlobsOptions = {},
): Promise<ImportFile[]> {
  const sampled = await Promise.all(files.map(sizedBlob));
  const sized = whole ? readWhole(sampled) : sampled;
  const tooBig = selectionProblem(sized, limit, BROWSER_ADVICE);
  if (tooBig !== undefined) throw new Error(tooBig);
  const total = files.reduce((s, f) => s + f.size, 0);
  let loaded = 0;
  // The limit used so far, in bytes of typical files (a file that streams counts for less).
  let counted = 0;
  const out: ImportFile[] = [];
  for (const [i, f] of files.entries()) {
    const rate = memoryPerByte(sized[i]!) / IMPORT_BYTES_PER_INPUT_BYTE;
    // Bytes of this file the rest of the limit allows (never less than its size when chosen).
    const cap = Math.max(f.size, Math.floor((limit - counted) / rate));
    const refusal = (size: number) =>
      selectionProblem([...sized.slice(0, i), { ...sized[i]!, size }], limit, BROWSER_ADVICE) ??
      `${f.name} is more than ${formatSize(cap)}`;
    watch?.start(f.name, f.size);
    progress?.({ phase: 'reading', file: f.name, loaded, total });
    let bytes: Uint8Array;
    if (typeof f.stream === 'function') {
      // A file that grew since it was chosen still stops at the limit.
      bytes = await drain(
        f.stream() as ReadableStream<Uint8Array>,
        f.name,
        cap,
        token,
        (chunk) => {
          loaded += chunk.byteLength;
          watch?.bytes(f.name, chunk);
          progress?.({ phase: 'reading', file: f.name, loaded, total });
        },
        refusal,
      );
    } else {
      bytes = new Uint8Array(await f.arrayBuffer());
      loaded += bytes.byteLength;
      watch?.bytes(f.name, bytes);
    }
    counted += bytes.byteLength * rate;
    watch?.end(f.name);
    out.push(
      reread && bytes.byteLength === f.size ? fileReadAgain(f, bytes, sampled[i]!, reread) : { name: f.name, bytes },
    );
  }
  return out;
}

/** Timeout of a URL import, ms. */
export const URL_TIMEOUT_MS = 60_000;

/** The file name a URL's path ends with (decoded), else `download.csv`. */
export function nameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : 'download.csv';
  } catch {
    return last ?? 'download.csv';
  }
}

/**
 * Fetches one file by URL: http(s) only, no cookies or credentials, capped in time and in size by
 * `cap` (the import's memory limit): refused on its Content-Length, else when the bytes pass it.
 */
export async function readUrl(
  href: string,
  token: CancelToken,
  cap: number,
  progress?: ProgressFn,
  opts: { timeoutMs?: number; fetchFn?: typeof fetch; watch?: ChunkWatcher } = {},
): Promise<ImportFile> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error(`"${href}" is not a URL: give a full address such as https://example.com/leads.csv`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`Only http and https addresses can be loaded, not ${url.protocol}`);
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? URL_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const name = nameFromUrl(url);
  try {
    const res = await (opts.fetchFn ?? fetch)(url.href, {
      credentials: 'omit',
      signal: controller.signal,
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
    if (!res.ok) throw new Error(`The server answered ${res.status} ${res.statusText} for ${url.href}`);
    const length = Number(res.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    if (total !== null && total > cap) throw new Error(overLimit(name, total, cap));
    if (!res.body) throw new Error(`No content from ${url.href}`);
    let loaded = 0;
    opts.watch?.start(name, total);
    const bytes = await drain(res.body, name, cap, token, (chunk) => {
      loaded += chunk.byteLength;
      opts.watch?.bytes(name, chunk);
      progress?.({ phase: 'reading', file: name, loaded, total });
    });
    opts.watch?.end(name);
    return { name, bytes };
  } catch (e) {
    if (controller.signal.aborted && !(e instanceof ImportCancelled)) {
      throw new Error(
        `${url.href} did not answer within ${Math.round(timeoutMs / 1000)} s: check the address or download the file and drop it here`,
        { cause: e },
      );
    }
    if (e instanceof TypeError) {
      throw new Error(
        `${url.href} could not be fetched (${e.message}): the server may not allow cross-origin downloads; download the file and drop it here`,
        { cause: e },
      );
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
