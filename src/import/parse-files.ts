/**
 * The whole-text route: each file to a header and rows of text. Bytes are decoded (a per-line
 * Windows-1252 repair is reported), line endings normalised, the delimiter detected; Parquet becomes
 * the same header and rows; a canonical folder's large CSV files stream instead when they may (see
 * streamed-route.ts). What is not read is reported, with why.
 */
import type { RowNote } from './canonical/table';
import { parseCsv, rowsAtOffsets } from './csv';
import { bytesOf, tooLong, type Sizes } from './file-sizes';
import type { ImportFile, ImportOptions } from './import-types';
import { baseName, type ParsedFile } from './presets/types';
import type { ReportBuilder } from './report';
import { decodeBytes, type RepairedLine } from './source/decode';
import { hasMixedLineEndings, normaliseLineEndings } from './source/line-endings';
import { fallbackProblem, readWhole, streamsByName } from './source/memory-limit';
import { hasParquetMagic, isParquetName, readParquetTable } from './source/parquet';
import { NOT_PLAIN, parseStreamed } from './streamed-route';

/** Row notes for the lines the decoder read as Windows-1252 (the text before any line-ending change). */
function decodingNotes(
  name: string,
  text: string,
  delimiter: string,
  repaired: readonly RepairedLine[],
  report: ReportBuilder,
): Map<number, RowNote[]> | undefined {
  if (repaired.length === 0) return undefined;
  const notes = new Map<number, RowNote[]>();
  const rows = rowsAtOffsets(
    text,
    delimiter,
    repaired.map((l) => l.offset),
  );
  rows.forEach((row, k) => {
    const line = repaired[k]!.text;
    const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
    if (row === 0) report.warn(name, `the header line is not valid UTF-8: read as Windows-1252 ("${shown}")`);
    if (row <= 0) return;
    const note: RowNote = {
      value: shown,
      reason:
        'bytes not valid UTF-8 on this line: read as Windows-1252 (the rest of the file as UTF-8); check its accented characters',
      outcome: 'repaired',
    };
    notes.set(row, [...(notes.get(row) ?? []), note]);
  });
  return notes;
}

/**
 * Every file parsed, in order: a file not read is reported and left out, and counts for nothing in
 * `sizes` from then on. `whyWhole` says why a file counted as streaming is read whole when
 * `streaming` is off.
 */
export function parseAll(
  files: readonly ImportFile[],
  report: ReportBuilder,
  streaming: boolean,
  sizes: Sizes,
  limit: ImportOptions['limit'],
  whyWhole: string,
): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (const [i, f] of files.entries()) {
    const parsed = parseFile(f, i, report, streaming, sizes, limit, whyWhole);
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * One file parsed (see `parseAll`), or undefined when it is not read. A function of its own so that
 * the file's bytes die when it returns, before the next file is read.
 */
function parseFile(
  f: ImportFile,
  i: number,
  report: ReportBuilder,
  streaming: boolean,
  sizes: Sizes,
  limit: ImportOptions['limit'],
  whyWhole: string,
): ParsedFile | undefined {
  // A file not read counts for nothing from here on.
  const skip = () => sizes.set(i, { name: f.name, size: 0 });
  if (/\.json$/i.test(f.name)) {
    skip();
    report.warn(f.name, 'a JSON file among CSV files: not read (load a canonical JSON file on its own)');
    return undefined;
  }
  // The file's bytes, read now when the file is given by `read`: they die when this returns (a
  // streamed file keeps its way to read them again, not them).
  const bytes = bytesOf(f);
  // Parquet (by name or by its PAR1 marker) becomes the same header and rows of text as a CSV file.
  if (isParquetName(f.name) || (bytes !== undefined && hasParquetMagic(bytes))) {
    const read =
      bytes !== undefined
        ? readParquetTable(bytes)
        : { ok: false as const, error: 'a Parquet file given as text: load its bytes' };
    if (!read.ok) {
      skip();
      report.warn(f.name, `${read.error}; not read`);
    } else if (read.table.header.length === 0) report.warn(f.name, 'the Parquet file has no columns: nothing to read');
    else {
      for (const w of read.warnings) report.warn(f.name, w);
      return { name: f.name, table: read.table };
    }
    return undefined;
  }
  // A streamed file is never held as one text, so it may be longer than the longest text.
  const streamed = streaming ? parseStreamed(f, bytes, report) : undefined;
  if (streamed) return streamed;
  if (streamsByName(baseName(f.name)) && sizes.get(i).streamed) {
    sizes.set(i, readWhole([sizes.get(i)])[0]!);
    const why = streaming ? NOT_PLAIN : whyWhole;
    const problem = fallbackProblem(f.name, why, sizes.all(), limit?.bytes ?? Infinity, limit?.advice);
    if (problem !== undefined) {
      skip();
      report.warn(f.name, `${problem}; not read`);
      return undefined;
    }
  }
  const tooBig = tooLong(f);
  if (tooBig !== undefined) {
    skip();
    report.warn(f.name, `${tooBig}; not read`);
    return undefined;
  }
  let text = f.text ?? '';
  let repaired: readonly RepairedLine[] = [];
  if (bytes !== undefined) {
    const decoded = decodeBytes(bytes);
    if (decoded.warning !== undefined) report.warn(f.name, decoded.warning);
    text = decoded.text;
    repaired = decoded.repaired ?? [];
  }
  if (text.trim() === '') {
    report.warn(f.name, 'the file is empty: nothing to read');
    return undefined;
  }
  const decodedText = text;
  if (hasMixedLineEndings(text)) {
    text = normaliseLineEndings(text);
    report.warn(f.name, 'mixed line endings (CRLF and LF): all read as line breaks');
  }
  // A comma in the header line settles the delimiter; detection only runs without one, so a
  // value full of semicolons cannot turn a comma file into a semicolon file.
  const headerLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const table = parseCsv(text, headerLine.includes(',') ? { delimiter: ',' } : {});
  if (table.delimiter !== ',') {
    const label = table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`;
    report.warn(
      f.name,
      `fields separated by ${label}, not commas${table.delimiter === ';' ? '; amounts read with "," as decimal separator' : ''}`,
    );
  }
  for (const e of table.errors) if (e.row === 0) report.warn(f.name, `header line: ${e.message} (${e.code})`);
  return { name: f.name, table, notes: decodingNotes(f.name, decodedText, table.delimiter, repaired, report) };
}
