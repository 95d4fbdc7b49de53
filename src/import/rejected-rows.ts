/**
 * The rejected rows download: each rejected row with its reason and the row as it was in its
 * source file, so it can be fixed and loaded again.
 */
import { csvField } from './csv-write';
import type { ImportResult } from './import-types';
import type { ParsedFile } from './presets/types';
import type { ImportReport } from './report';

/** The source rows of the rejected rows of each file (a streamed file's were kept as it was read). */
export function rejectedSourceRows(
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
