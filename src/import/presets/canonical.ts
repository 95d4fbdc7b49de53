/**
 * The canonical folder: files named after the canonical tables (leads.csv, accounts.csv…, or the
 * same names ending in .parquet) with the canonical column names. Each column maps to itself.
 */
import { CANONICAL_FILES } from '../canonical/columns';
import { REQUIRED_FIELDS, targetFields } from '../mapping/fields';
import type { ImportPreset } from './preset';
import { baseName, type ParsedFile, type PresetResult, type PresetTable } from './types';

/** The canonical file a name stands for: `leads.parquet` is read as `leads.csv`. */
export const canonicalBase = (name: string) =>
  baseName(name)
    .toLowerCase()
    .replace(/\.parquet$/, '.csv');

export function readCanonicalFiles(files: readonly ParsedFile[]): PresetResult {
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

/**
 * A file with a canonical name and the key column of its table makes the selection the canonical
 * folder; other files are then reported as not read. (Maven's accounts.csv has the name but no `id`.)
 */
function isCanonicalTable(f: ParsedFile): boolean {
  const base = canonicalBase(f.name);
  if (!(CANONICAL_FILES as readonly string[]).includes(base)) return false;
  const key = REQUIRED_FIELDS[base.slice(0, -4)]?.[0];
  return key !== undefined && f.table.header.some((h) => h.trim().toLowerCase() === key);
}

export const canonicalPreset = {
  id: 'canonical',
  name: 'the canonical folder',
  reads: 'files named after the canonical tables (leads.csv, accounts.csv… or .parquet) with their column names',
  detects: isCanonicalTable,
  detectOrder: 'last',
  streams: true,
  read: readCanonicalFiles,
} as const satisfies ImportPreset;
