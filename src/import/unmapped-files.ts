/** Files no preset or mapping describes, as the mapping screen shows them: header, sample, a proposal. */
import { proposeTableMapping } from './mapping/propose';
import type { TableMapping } from './mapping/schema';
import type { ParsedFile } from './presets/types';

export interface UnmappedFile {
  readonly file: string;
  readonly header: readonly string[];
  /** The first rows, for the mapping screen's preview. */
  readonly sample: readonly (readonly string[])[];
  /** Distinct values per column (up to 50), for value maps. */
  readonly distinct: readonly (readonly string[])[];
  readonly proposal: TableMapping;
}

export function describeUnmapped(file: ParsedFile): UnmappedFile {
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
