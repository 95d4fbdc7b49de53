/** What one import takes (files and options) and gives (records, report, the files left to map). */
import type { RecordSet } from '../engine/model/records';
import type { Mapping } from './mapping/schema';
import type { PresetId } from './presets/registry';
import type { ImportReport } from './report';
import type { LimitAdvice, SizedFile } from './source/memory-limit';
import type { UnmappedFile } from './unmapped-files';

/** How the files were read: by a preset, the user's mapping, or as one canonical JSON file. */
export type ImportMode = PresetId | 'mapping' | 'json';

export interface ImportFile {
  readonly name: string;
  /** Raw bytes (decoded here, with encoding detection) or text already decoded. */
  readonly bytes?: Uint8Array;
  readonly text?: string;
  /**
   * For a file not held in memory (no `bytes` nor `text`): reads its bytes afresh at each call.
   * The import asks for them at each step that needs them and keeps none past it, so a large
   * file's bytes live only while it is parsed or its table read, not for the whole import.
   */
  readonly read?: () => Uint8Array;
  /**
   * With `read`: `length` bytes from `position` (fewer only at the end of the file). A streamed
   * file's rows are then read a few megabytes at a time, never the whole file at once.
   */
  readonly readRange?: (position: number, length: number) => Uint8Array;
  /** With `read`: the file as the memory limit counted it before reading (its size and sample). */
  readonly sized?: SizedFile;
}

export interface ImportOptions {
  /** Force a preset; default: detected from file names and headers. */
  readonly preset?: PresetId;
  /** A saved mapping; wins over presets. */
  readonly mapping?: Mapping;
  /** Epoch ms of the import: dates after it are refused (close dates excepted). */
  readonly now?: number;
  /** Dataset name. */
  readonly name?: string;
  /**
   * The memory limit the selection was checked against before it was read (bytes of typical files,
   * see memory-limit.ts), with the caller's advice: a file counted as streaming that must be read
   * whole after all is refused when the selection read that way is over it. Default: no limit
   * beyond the longest text.
   */
  readonly limit?: { readonly bytes: number; readonly advice?: LimitAdvice };
  /**
   * False reads every file whole into rows, as before streaming: the reference the streaming route
   * is checked against. Default true.
   */
  readonly stream?: boolean;
}

export interface ImportResult {
  readonly records: RecordSet;
  readonly report: ImportReport;
  readonly mode: ImportMode;
  /** Files nothing described: map them, then import again with the mapping. */
  readonly unmapped: readonly UnmappedFile[];
  /**
   * The source rows of the rejected rows of each file read, by file name and row number (for
   * downloading rejected rows as they were); no other row is kept.
   */
  readonly sources: ReadonlyMap<
    string,
    { readonly header: readonly string[]; readonly rows: ReadonlyMap<number, readonly string[]> }
  >;
}
