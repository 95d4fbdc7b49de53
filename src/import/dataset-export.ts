/**
 * Whole-dataset exports: the canonical CSV folder as one zip, or canonical JSON. These are the
 * interchange formats (they read back exactly), so cells are written as they are, not
 * formula-neutralised; tables meant for spreadsheets go through lib/csv-export.ts instead.
 */
import { strToU8, zipSync } from 'fflate';

/** Zips text files (UTF-8) under a folder name; deterministic (fixed timestamps). */
export function zipTextFiles(folder: string, files: Readonly<Record<string, string>>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = Object.create(null) as Record<
    string,
    [Uint8Array, { mtime: Date }]
  >;
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const [name, text] of Object.entries(files)) entries[`${folder}/${name}`] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}

/** A safe file-name stem from a dataset name (`Northwind Analytics (demo)` → `northwind-analytics-demo`). */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem === '' ? 'dataset' : stem;
}
