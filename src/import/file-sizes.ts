/**
 * The files of an import as the memory limit counts them (see source/memory-limit.ts): each one's
 * size and fields per byte as counted before it was read, updated as its route is settled.
 */
import type { ImportFile } from './import-types';
import {
  parquetFieldsPerByte,
  SAMPLE_BYTES,
  selectionProblem,
  sizedFromSample,
  type SizedFile,
} from './source/memory-limit';
import { isParquetName } from './source/parquet';
import { PARQUET_TRAILER_BYTES, parquetFooterLength, parquetShape } from './source/parquet-footer';

/**
 * A file longer than the longest text the engine holds cannot be decoded: refused here whatever the
 * caller checked. (The memory limit of a whole selection is checked by the callers, before reading.)
 */
export function tooLong(f: ImportFile): string | undefined {
  const size = f.bytes?.byteLength ?? f.text?.length ?? (f.read ? sizedImportFile(f).size : 0);
  return selectionProblem([{ name: f.name, size }], Infinity);
}

/**
 * A file's bytes: those it holds, else read now (a file given by `read`). The caller lets them go
 * once the step that needs them is done.
 */
export function bytesOf(f: ImportFile): Uint8Array | undefined {
  return f.bytes ?? (f.text === undefined ? f.read?.() : undefined);
}

/** The file as the memory limit counted it before it was read (see memory-limit.ts). */
function sizedImportFile(f: ImportFile): SizedFile {
  if (f.sized !== undefined && f.bytes === undefined && f.text === undefined) return f.sized;
  const bytes = bytesOf(f);
  if (bytes === undefined) return { name: f.name, size: f.text?.length ?? 0 };
  const size = bytes.byteLength;
  if (isParquetName(f.name) && size >= 12) {
    // Counted from its footer, as before it was read.
    const length = parquetFooterLength(bytes.subarray(size - PARQUET_TRAILER_BYTES));
    const shape =
      length !== undefined && length + PARQUET_TRAILER_BYTES <= size
        ? parquetShape(bytes.subarray(size - length - PARQUET_TRAILER_BYTES))
        : undefined;
    if (shape) return { name: f.name, size, fieldsPerByte: parquetFieldsPerByte(size, shape) };
  }
  return sizedFromSample(f.name, size, bytes.subarray(0, SAMPLE_BYTES));
}

/** The files as counted before they were read, each sampled when first needed. */
export class Sizes {
  private readonly known: (SizedFile | undefined)[];
  constructor(private readonly files: readonly ImportFile[]) {
    this.known = files.map(() => undefined);
  }
  get(i: number): SizedFile {
    return (this.known[i] ??= sizedImportFile(this.files[i]!));
  }
  set(i: number, sized: SizedFile): void {
    this.known[i] = sized;
  }
  all(): SizedFile[] {
    return this.files.map((_, i) => this.get(i));
  }
}
