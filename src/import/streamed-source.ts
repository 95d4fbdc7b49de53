/**
 * A streamed canonical file as a source for the canonical reader: each row is mapped and handed on
 * as it is parsed, never held.
 */
import type { RowNote, StreamedSource } from './canonical/table';
import type { CsvError } from './csv';
import { dateSourceColumns, planTableMapping, type ApplyOptions } from './mapping/apply';
import type { TableMapping } from './mapping/schema';
import type { ParsedFile } from './presets/types';
import type { ReportBuilder } from './report';
import type { CsvStream } from './source/csv-stream';

/** Values of a date column the format detection looks at (see detectDateFormat). */
const DATE_SAMPLE = 5000;

/**
 * A canonical file as a streamed source: the column mapping is planned from the header (date
 * formats detected from the first values of each date column, read ahead), then each row is mapped
 * and handed to the reader as it is parsed. The source cells of rejected rows are kept in
 * `rejectedSources`, for the rejected-rows download.
 */
export function streamedSource(
  file: ParsedFile,
  rows: CsvStream,
  mapping: TableMapping,
  applyOptions: ApplyOptions,
  report: ReportBuilder,
  rejectedSources: Map<string, Map<number, readonly string[]>>,
): StreamedSource {
  const header = file.table.header;
  const dateColumns = dateSourceColumns(header, mapping, applyOptions);
  // The same values the whole-file route's date detection looks at: the first 5,000 non-empty.
  const lists = dateColumns.length > 0 ? rows.firstValues(dateColumns, DATE_SAMPLE) : [];
  const samples = new Map<number, string[]>(dateColumns.map((c, k) => [c, lists[k]!]));
  const mapper = planTableMapping(header, mapping, applyOptions, (i) => samples.get(i) ?? []);
  for (const w of mapper.warnings) report.warn(file.name, w);
  const later = report.reserve(file.name);
  const kept = new Map<number, readonly string[]>();
  rejectedSources.set(file.name, kept);
  return {
    name: file.name,
    parsed: { header: mapper.header, rows: [], errors: file.table.errors, delimiter: ',' },
    rowsHint: rows.rowsHint,
    stream: (visit, plain) => {
      const read = (row: number, cells: readonly string[], errors: readonly CsvError[] | undefined) => {
        let notes: RowNote[] | undefined;
        const mapped = mapper.mapRow(cells, row, (_, n) => (notes ??= []).push(n));
        if (visit(row, mapped, errors, notes)) kept.set(row, cells);
      };
      const take = plain && mapper.plain && rows.forEachPlainRow ? plain(mapper.plain, header.length) : undefined;
      if (take && rows.forEachPlainRow) {
        // A plain file has no parse error; a row of another width gets the mapping's notes.
        const width = header.length;
        rows.forEachPlainRow((row, line) => {
          if (line.count !== width || !take(row, line)) read(row, line.cells(), undefined);
        });
      } else if (rows.forEachAsciiRow) {
        // A plain file has no parse error.
        rows.forEachAsciiRow((row, cells) => read(row, cells, undefined));
      } else {
        rows.forEachRow(read, (e) => {
          // An error on a blank line after the header: said as the whole-file route says it.
          report.warn(file.name, `header line: ${e.message} (${e.code})`);
          report.warn(file.name, `header line: ${e.message} (${e.code})`);
        });
      }
      later(mapper.finish());
    },
  };
}
