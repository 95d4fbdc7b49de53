/**
 * The one import: files (bytes or text) in, a RecordSet and an ImportReport out, the same for the
 * browser worker and the CLI. Steps: size check, decode (encoding fallback reported), parse
 * (delimiter detected and reported), pick a preset (canonical, Salesforce, HubSpot) or apply the
 * user's mapping, then validate every row with the canonical readers. Files no preset or mapping
 * describes come back in `unmapped` with a proposed mapping for the mapping screen.
 */
import { leadCount, type RecordSet } from '../engine/model/records';
import { CANONICAL_FILES, type CanonicalFile } from './canonical/columns';
import { readCanonicalTables } from './canonical/read-csv-folder';
import { readCanonicalJson } from './canonical/read-json';
import type { RowNote, SourceFile, StreamedSource } from './canonical/table';
import { parseCsv, rowsAtOffsets } from './csv';
import { csvField } from './csv-write';
import { applyTableMapping, dateSourceColumns, planTableMapping, type ApplyOptions } from './mapping/apply';
import { REQUIRED_FIELDS, targetFields } from './mapping/fields';
import { proposeTableMapping } from './mapping/propose';
import { targetFile, type Mapping, type TableMapping } from './mapping/schema';
import { hubspotPreset, looksLikeHubspot } from './presets/hubspot';
import { looksLikeSalesforce, salesforcePreset } from './presets/salesforce';
import { baseName, presetRejections, type ParsedFile, type PresetResult, type PresetTable } from './presets/types';
import { ReportBuilder, type ImportReport } from './report';
import { decodeBytes, type RepairedLine } from './source/decode';
import { openCsvStream, type CsvStream } from './source/csv-stream';
import {
  fallbackProblem,
  parquetFieldsPerByte,
  readWhole,
  SAMPLE_BYTES,
  selectionProblem,
  sizedFromSample,
  streamsByName,
  type LimitAdvice,
  type SizedFile,
} from './source/memory-limit';
import { hasMixedLineEndings, normaliseLineEndings } from './source/line-endings';
import { hasParquetMagic, isParquetName, readParquetTable } from './source/parquet';
import { PARQUET_TRAILER_BYTES, parquetFooterLength, parquetShape } from './source/parquet-footer';

export const PRESETS = ['canonical', 'salesforce', 'hubspot'] as const;
export type PresetName = (typeof PRESETS)[number];
export type ImportMode = PresetName | 'mapping' | 'json';

export interface ImportFile {
  readonly name: string;
  /** Raw bytes (decoded here, with encoding detection) or text already decoded. */
  readonly bytes?: Uint8Array;
  readonly text?: string;
}

export interface ImportOptions {
  /** Force a preset; default: detected from file names and headers. */
  readonly preset?: PresetName;
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

export interface UnmappedFile {
  readonly file: string;
  readonly header: readonly string[];
  /** The first rows, for the mapping screen's preview. */
  readonly sample: readonly (readonly string[])[];
  /** Distinct values per column (up to 50), for value maps. */
  readonly distinct: readonly (readonly string[])[];
  readonly proposal: TableMapping;
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

function emptyRecords(name: string): RecordSet {
  return {
    name,
    plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
    accounts: [],
    leads: [],
    activities: [],
    opportunities: [],
    touches: [],
  };
}

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
 * A file longer than the longest text the engine holds cannot be decoded: refused here whatever the
 * caller checked. (The memory limit of a whole selection is checked by the callers, before reading.)
 */
function tooLong(f: ImportFile): string | undefined {
  return selectionProblem([{ name: f.name, size: f.bytes?.byteLength ?? f.text?.length ?? 0 }], Infinity);
}

/** The file as the memory limit counted it before it was read (see memory-limit.ts). */
function sizedImportFile(f: ImportFile): SizedFile {
  const bytes = f.bytes;
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
class Sizes {
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

/** Why a file counted as streaming may not be read whole (see `fallbackProblem`). */
const NOT_PLAIN = 'it is not plain UTF-8 comma-separated text with one kind of line ending';
const NOT_CANONICAL = 'the folder is not read as canonical';

/**
 * The file as a row stream when `streaming` allows it and the file is plain enough (see
 * csv-stream.ts): every parse warning the whole-text route would give is given here.
 */
function parseStreamed(f: ImportFile, report: ReportBuilder): ParsedFile | undefined {
  const bytes = f.bytes;
  if (bytes === undefined || !streamsByName(baseName(f.name))) return undefined;
  const rows = openCsvStream(bytes);
  if (rows === undefined) return undefined;
  for (const e of rows.headerErrors) report.warn(f.name, `header line: ${e.message} (${e.code})`);
  const whole = () => parseCsv(decodeBytes(bytes).text, { delimiter: ',' });
  return {
    name: f.name,
    table: { header: rows.header, rows: [], errors: rows.headerErrors, delimiter: ',' },
    stream: { rows, whole },
  };
}

/** A streamed file parsed whole, for the routes that need its rows (presets other than canonical). */
function unstreamed(f: ParsedFile): ParsedFile {
  return f.stream ? { name: f.name, table: f.stream.whole(), notes: f.notes } : f;
}

function parseAll(
  files: readonly ImportFile[],
  report: ReportBuilder,
  streaming: boolean,
  sizes: Sizes,
  limit: ImportOptions['limit'],
  whyWhole: string,
): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (const [i, f] of files.entries()) {
    // A file not read counts for nothing from here on.
    const skip = () => sizes.set(i, { name: f.name, size: 0 });
    if (/\.json$/i.test(f.name)) {
      skip();
      report.warn(f.name, 'a JSON file among CSV files: not read (load a canonical JSON file on its own)');
      continue;
    }
    // Parquet (by name or by its PAR1 marker) becomes the same header and rows of text as a CSV file.
    if (isParquetName(f.name) || (f.bytes !== undefined && hasParquetMagic(f.bytes))) {
      const read =
        f.bytes !== undefined
          ? readParquetTable(f.bytes)
          : { ok: false as const, error: 'a Parquet file given as text: load its bytes' };
      if (!read.ok) {
        skip();
        report.warn(f.name, `${read.error}; not read`);
      } else if (read.table.header.length === 0)
        report.warn(f.name, 'the Parquet file has no columns: nothing to read');
      else {
        for (const w of read.warnings) report.warn(f.name, w);
        out.push({ name: f.name, table: read.table });
      }
      continue;
    }
    // A streamed file is never held as one text, so it may be longer than the longest text.
    const streamed = streaming ? parseStreamed(f, report) : undefined;
    if (streamed) {
      out.push(streamed);
      continue;
    }
    if (streamsByName(baseName(f.name)) && sizes.get(i).streamed) {
      sizes.set(i, readWhole([sizes.get(i)])[0]!);
      const why = streaming ? NOT_PLAIN : whyWhole;
      const problem = fallbackProblem(f.name, why, sizes.all(), limit?.bytes ?? Infinity, limit?.advice);
      if (problem !== undefined) {
        skip();
        report.warn(f.name, `${problem}; not read`);
        continue;
      }
    }
    const tooBig = tooLong(f);
    if (tooBig !== undefined) {
      skip();
      report.warn(f.name, `${tooBig}; not read`);
      continue;
    }
    let text = f.text ?? '';
    let repaired: readonly RepairedLine[] = [];
    if (f.bytes !== undefined) {
      const decoded = decodeBytes(f.bytes);
      if (decoded.warning !== undefined) report.warn(f.name, decoded.warning);
      text = decoded.text;
      repaired = decoded.repaired ?? [];
    }
    if (text.trim() === '') {
      report.warn(f.name, 'the file is empty: nothing to read');
      continue;
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
    out.push({ name: f.name, table, notes: decodingNotes(f.name, decodedText, table.delimiter, repaired, report) });
  }
  return out;
}

/** The canonical file a name stands for: `leads.parquet` is read as `leads.csv`. */
const canonicalBase = (name: string) =>
  baseName(name)
    .toLowerCase()
    .replace(/\.parquet$/, '.csv');

function canonicalPreset(files: readonly ParsedFile[]): PresetResult {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  for (const file of files) {
    const base = canonicalBase(file.name);
    if (!(CANONICAL_FILES as readonly string[]).includes(base)) {
      warnings.push([
        file.name,
        `not a canonical file name (expected ${CANONICAL_FILES.join(', ')}, or the same names ending in .parquet): not read`,
      ]);
      continue;
    }
    const target = base.slice(0, -4);
    const header = new Set(file.table.header.map((h) => h.trim().toLowerCase()));
    const columns = targetFields(target)
      .filter((h) => header.has(h))
      .map((h): [string, string] => [h, h]);
    tables.push({ file, mapping: { file: file.name, target, columns, values: [], defaults: [] } });
  }
  return { tables, warnings };
}

function mappingPreset(
  files: readonly ParsedFile[],
  mapping: Mapping,
): { result: PresetResult; unmapped: ParsedFile[] } {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  const unmapped: ParsedFile[] = [];
  for (const file of files) {
    const tm = mapping.tables.find((t) => baseName(t.file).toLowerCase() === baseName(file.name).toLowerCase());
    if (!tm) unmapped.push(file);
    else if (tm.target === 'skip') warnings.push([file.name, `left out, as mapping "${mapping.name}" says`]);
    else tables.push({ file, mapping: tm });
  }
  return { result: { tables, warnings }, unmapped };
}

function isCanonicalTable(f: ParsedFile): boolean {
  const base = canonicalBase(f.name);
  if (!(CANONICAL_FILES as readonly string[]).includes(base)) return false;
  const key = REQUIRED_FIELDS[base.slice(0, -4)]?.[0];
  return key !== undefined && f.table.header.some((h) => h.trim().toLowerCase() === key);
}

function runPreset(preset: PresetName, files: readonly ParsedFile[]): PresetResult {
  if (preset === 'canonical') return canonicalPreset(files);
  if (preset === 'salesforce') return salesforcePreset(files);
  return hubspotPreset(files);
}

/** The preset the files look like, or undefined when none fits. */
export function detectPreset(files: readonly ParsedFile[]): PresetName | undefined {
  if (files.length === 0) return undefined;
  if (files.some(looksLikeSalesforce)) return 'salesforce';
  if (files.some(looksLikeHubspot)) return 'hubspot';
  // A file with a canonical name and the key column of its table makes it the canonical folder;
  // other files are then reported as not read. (Maven's accounts.csv has the name but no `id`.)
  if (files.some(isCanonicalTable)) return 'canonical';
  return undefined;
}

function describeUnmapped(file: ParsedFile): UnmappedFile {
  const { header, rows } = file.table;
  const distinct = header.map((_, i) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const v = (r[i] ?? '').trim();
      if (v !== '') seen.add(v);
      if (seen.size > 50) break;
    }
    return [...seen].slice(0, 50);
  });
  return {
    file: file.name,
    header,
    sample: rows.slice(0, 5),
    distinct,
    proposal: proposeTableMapping(file.name, header, rows),
  };
}

/** Reads the files; see the module comment. Never throws on bad data. */
export function importFiles(files: readonly ImportFile[], opts: ImportOptions = {}): ImportResult {
  const report = new ReportBuilder();
  const name = opts.name ?? 'Imported dataset';
  if (files.length === 1 && files[0]!.name.toLowerCase().endsWith('.json') && !opts.mapping) {
    const f = files[0]!;
    const tooBig = tooLong(f);
    if (tooBig !== undefined) {
      report.warn(f.name, `${tooBig}; not read`);
      return { records: emptyRecords(name), report: report.build(), mode: 'json', unmapped: [], sources: new Map() };
    }
    const decoded = f.bytes ? decodeBytes(f.bytes) : { text: f.text ?? '' };
    const r = readCanonicalJson(decoded.text, f.name);
    return { records: r.records, report: r.report, mode: 'json', unmapped: [], sources: new Map() };
  }
  // A canonical folder's large files stream into columns; with a mapping, or once the files turn
  // out to be another preset's, every file is parsed whole as before (those routes still build
  // row records; see unstreamed).
  const streaming =
    opts.stream !== false && !opts.mapping && (opts.preset === undefined || opts.preset === 'canonical');
  const sizes = new Sizes(files);
  const whyWhole = opts.mapping
    ? 'a mapping is applied'
    : opts.preset !== undefined && opts.preset !== 'canonical'
      ? `the files are read as ${opts.preset}`
      : 'streaming is off';
  let all = parseAll(files, report, streaming, sizes, opts.limit, whyWhole);
  // currency_rates.csv is the user's own file, not a CRM's: read beside whatever the export is,
  // unless a mapping says what it holds.
  const isRates = (f: ParsedFile) =>
    canonicalBase(f.name) === 'currency_rates.csv' &&
    !opts.mapping?.tables.some((t) => baseName(t.file).toLowerCase() === 'currency_rates.csv');
  const rateTables = canonicalPreset(all.filter(isRates)).tables;
  let parsed = all.filter((f) => !isRates(f));
  if (all.some((f) => f.stream) && (opts.preset ?? detectPreset(parsed)) !== 'canonical') {
    // Read whole after all: refused when the selection read whole is over the limit or a file
    // longer than the longest text.
    const whole = readWhole(sizes.all());
    all = all.flatMap((f) => {
      if (!f.stream) return [f];
      const problem = fallbackProblem(f.name, NOT_CANONICAL, whole, opts.limit?.bytes ?? Infinity, opts.limit?.advice);
      if (problem === undefined) return [unstreamed(f)];
      const at = whole.findIndex((w) => w.name === f.name);
      if (at >= 0) whole[at] = { name: f.name, size: 0 };
      report.warn(f.name, `${problem}; not read`);
      return [];
    });
    parsed = all.filter((f) => !isRates(f));
  }
  let mode: ImportMode;
  let result: PresetResult;
  let rest: ParsedFile[];
  if (opts.mapping) {
    // The mapping wins for the files it names; the others are read as a preset would, if one fits.
    mode = 'mapping';
    const m = mappingPreset(parsed, opts.mapping);
    const preset = opts.preset ?? detectPreset(m.unmapped);
    const byPreset =
      preset === undefined ? { tables: [], warnings: [], unread: m.unmapped } : runPreset(preset, m.unmapped);
    result = {
      tables: [...m.result.tables, ...byPreset.tables],
      warnings: [...m.result.warnings, ...byPreset.warnings],
    };
    rest = [...(byPreset.unread ?? [])];
  } else {
    const preset = opts.preset ?? detectPreset(parsed);
    mode = preset ?? 'mapping';
    if (preset === undefined) {
      result = { tables: [], warnings: [] };
      rest = parsed;
    } else {
      result = runPreset(preset, parsed);
      rest = [...(result.unread ?? [])];
    }
  }
  if (rateTables.length > 0) result = { ...result, tables: [...result.tables, ...rateTables] };
  for (const [file, message] of result.warnings) report.warn(file, message);
  for (const f of rest) {
    if (!result.warnings.some(([file]) => file === f.name))
      report.warn(f.name, 'no preset or saved mapping describes this file: map its columns, then import again');
  }

  const found = new Map<CanonicalFile, SourceFile>();
  const rejectedSources = new Map<string, Map<number, readonly string[]>>();
  for (const table of result.tables) {
    const { file, mapping } = table;
    const target = targetFile(mapping.target);
    if (found.has(target)) {
      report.warn(file.name, `a second file for ${mapping.target} (the first is ${found.get(target)!.name}): not read`);
      continue;
    }
    if (file.stream && !table.rejectRow) {
      found.set(
        target,
        streamedSource(file, file.stream.rows, mapping, { decimal: '.', now: opts.now }, report, rejectedSources),
      );
      continue;
    }
    const mapped = applyTableMapping(file.table, mapping, {
      decimal: file.table.delimiter === ';' ? ',' : '.',
      now: opts.now,
    });
    for (const w of mapped.warnings) report.warn(file.name, w);
    for (const [row, list] of file.notes ?? []) mapped.notes.set(row, [...list, ...(mapped.notes.get(row) ?? [])]);
    for (const [row, r] of presetRejections(table)) {
      // The preset's reason replaces what the canonical reader would say about the same row.
      mapped.notes.set(row, [...(mapped.notes.get(row) ?? []), { ...r, outcome: 'rejected' }]);
    }
    found.set(target, { name: file.name, parsed: mapped.parsed, notes: mapped.notes });
  }
  const records = found.size > 0 ? readCanonicalTables(found, report, { name }) : emptyRecords(name);
  const built = report.build();
  return {
    records,
    report: built,
    mode,
    unmapped: rest.map(describeUnmapped),
    sources: rejectedSourceRows(all, built, rejectedSources),
  };
}

/** The source rows of the rejected rows of each file (a streamed file's were kept as it was read). */
function rejectedSourceRows(
  files: readonly ParsedFile[],
  report: ImportReport,
  streamed: ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>,
): ImportResult['sources'] {
  const rejected = new Map<string, Set<number>>();
  for (const i of report.issues) {
    if (i.outcome !== 'rejected') continue;
    const set = rejected.get(i.file) ?? new Set<number>();
    set.add(i.row);
    rejected.set(i.file, set);
  }
  return new Map(
    files.map((f) => {
      const rows =
        streamed.get(f.name) ??
        new Map(
          [...(rejected.get(f.name) ?? [])].flatMap((n) =>
            f.table.rows[n - 1] ? [[n, f.table.rows[n - 1]!] as const] : [],
          ),
        );
      return [f.name, { header: f.table.header, rows }];
    }),
  );
}

/**
 * A canonical file as a streamed source: the column mapping is planned from the header (date
 * formats detected from the first values of each date column, read ahead), then each row is mapped
 * and handed to the reader as it is parsed. The source cells of rejected rows are kept in
 * `rejectedSources`, for the rejected-rows download.
 */
function streamedSource(
  file: ParsedFile,
  rows: CsvStream,
  mapping: TableMapping,
  applyOptions: ApplyOptions,
  report: ReportBuilder,
  rejectedSources: Map<string, Map<number, readonly string[]>>,
): StreamedSource {
  const header = file.table.header;
  const dateColumns = dateSourceColumns(header, mapping, applyOptions);
  const samples = new Map<number, string[]>(dateColumns.map((i) => [i, []]));
  if (dateColumns.length > 0) {
    // The same values the whole-file route's date detection looks at: the first 5,000 non-empty.
    let open = dateColumns.length;
    rows.forEachRow((_, cells) => {
      for (const [i, list] of samples) {
        if (list.length >= DATE_SAMPLE) continue;
        const v = cells[i] ?? '';
        if (v.trim() === '') continue;
        list.push(v);
        if (list.length === DATE_SAMPLE) open--;
      }
      return open > 0;
    });
  }
  const mapper = planTableMapping(header, mapping, applyOptions, (i) => samples.get(i) ?? []);
  for (const w of mapper.warnings) report.warn(file.name, w);
  const later = report.reserve(file.name);
  const kept = new Map<number, readonly string[]>();
  rejectedSources.set(file.name, kept);
  return {
    name: file.name,
    parsed: { header: mapper.header, rows: [], errors: file.table.errors, delimiter: ',' },
    stream: (visit) => {
      rows.forEachRow(
        (row, cells, errors) => {
          let notes: RowNote[] | undefined;
          const mapped = mapper.mapRow(cells, row, (_, n) => (notes ??= []).push(n));
          if (visit(row, mapped, errors, notes)) kept.set(row, cells);
        },
        (e) => {
          // An error on a blank line after the header: said as the whole-file route says it.
          report.warn(file.name, `header line: ${e.message} (${e.code})`);
          report.warn(file.name, `header line: ${e.message} (${e.code})`);
        },
      );
      later(mapper.finish());
    },
  };
}

/** Values of a date column the format detection looks at (see detectDateFormat). */
const DATE_SAMPLE = 5000;

/** Whether anything usable was read: at least one lead or opportunity row accepted. */
export function isUsable(records: RecordSet): boolean {
  return leadCount(records) + records.opportunities.length > 0;
}

/**
 * The rejected rows as one table: file, row, column, value, reason, then the row as it was in the
 * source file (its cells as one CSV line), so each can be fixed and loaded again.
 */
export function rejectedRows(result: ImportResult): { header: string[]; rows: string[][] } {
  const header = ['file', 'row', 'column', 'value', 'reason', 'source_row'];
  const rows = result.report.issues
    .filter((i) => i.outcome === 'rejected')
    .map((i) => {
      const source = result.sources.get(i.file)?.rows.get(i.row);
      return [
        i.file,
        String(i.row),
        i.column ?? '',
        i.value ?? '',
        i.reason,
        source ? source.map(csvField).join(',') : '',
      ];
    });
  return { header, rows };
}
