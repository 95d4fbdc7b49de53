/**
 * The one import: files (bytes or text) in, a RecordSet and an ImportReport out, the same for the
 * browser worker and the CLI. Steps: size check, decode (encoding fallback reported), parse
 * (delimiter detected and reported; parse-files.ts, streamed-route.ts), pick a preset (the registry
 * in presets/registry.ts) or apply the user's mapping (preset-pick.ts), then validate every row with
 * the canonical readers. Files no preset or mapping describes come back in `unmapped` with a
 * proposed mapping for the mapping screen.
 */
import { leadCount, type RecordSet } from '../engine/model/records';
import type { CanonicalFile } from './canonical/columns';
import { readCanonicalTables } from './canonical/read-csv-folder';
import { readCanonicalJson } from './canonical/read-json';
import type { SourceFile } from './canonical/table';
import { bytesOf, Sizes, tooLong } from './file-sizes';
import type { ImportFile, ImportOptions, ImportResult } from './import-types';
import { applyTableMapping } from './mapping/apply';
import { targetFile } from './mapping/schema';
import { parseAll } from './parse-files';
import { detectPreset, pickReaders } from './preset-pick';
import { canonicalBase, readCanonicalFiles } from './presets/canonical';
import { PRESET_BY_ID, type PresetId } from './presets/registry';
import { baseName, presetRejections, type ParsedFile } from './presets/types';
import { rejectedSourceRows } from './rejected-rows';
import { ReportBuilder } from './report';
import { decodeBytes } from './source/decode';
import { readStreamedWhole } from './streamed-route';
import { streamedSource } from './streamed-source';
import { describeUnmapped } from './unmapped-files';

export type { ImportFile, ImportMode, ImportOptions, ImportResult } from './import-types';
export type { UnmappedFile } from './unmapped-files';
export { detectPreset } from './preset-pick';
export { rejectedRows } from './rejected-rows';

/** Whether a preset's files may stream (see `ImportPreset.streams`); no preset: they may not. */
const streams = (preset: PresetId | undefined) => preset !== undefined && PRESET_BY_ID[preset].streams;

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
    const bytes = bytesOf(f);
    const decoded = bytes ? decodeBytes(bytes) : { text: f.text ?? '' };
    const r = readCanonicalJson(decoded.text, f.name);
    return { records: r.records, report: r.report, mode: 'json', unmapped: [], sources: new Map() };
  }
  // A canonical folder's large files stream into columns; with a mapping, or once the files turn
  // out to be another preset's, every file is parsed whole as before (those routes still build
  // row records; see streamed-route.ts).
  const streaming = opts.stream !== false && !opts.mapping && (opts.preset === undefined || streams(opts.preset));
  const sizes = new Sizes(files);
  const whyWhole = opts.mapping
    ? 'a mapping is applied'
    : opts.preset !== undefined && !streams(opts.preset)
      ? `the files are read as ${opts.preset}`
      : 'streaming is off';
  let all = parseAll(files, report, streaming, sizes, opts.limit, whyWhole);
  // currency_rates.csv is the user's own file, not a CRM's: read beside whatever the export is,
  // unless a mapping says what it holds.
  const isRates = (f: ParsedFile) =>
    canonicalBase(f.name) === 'currency_rates.csv' &&
    !opts.mapping?.tables.some((t) => baseName(t.file).toLowerCase() === 'currency_rates.csv');
  const rateTables = readCanonicalFiles(all.filter(isRates)).tables;
  let parsed = all.filter((f) => !isRates(f));
  if (all.some((f) => f.stream) && !streams(opts.preset ?? detectPreset(parsed))) {
    all = readStreamedWhole(all, sizes, opts.limit, report);
    parsed = all.filter((f) => !isRates(f));
  }
  const picked = pickReaders(parsed, opts);
  const { mode, rest } = picked;
  let result = picked.result;
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

/** Whether anything usable was read: at least one lead or opportunity row accepted. */
export function isUsable(records: RecordSet): boolean {
  return leadCount(records) + records.opportunities.length > 0;
}
