/**
 * The dbt package as one zip (the Rules view's "Export to warehouse"): the same files as
 * `revlens sql` writes, under one `revlens-dbt/` folder, with a fixed date so the same rules give
 * the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { dbtPackage, type DbtOptions, type PackageFile } from './dbt';
import type { CustomColumns, CustomKind } from './schema';

export const ZIP_ROOT = 'revlens-dbt';
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

export function zipFiles(files: readonly PackageFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[`${ZIP_ROOT}/${f.path}`] = [strToU8(f.content), { mtime: FIXED_DATE }];
  return zipSync(entries, { level: 6 });
}

export const dbtPackageZip = (o: DbtOptions): Uint8Array => zipFiles(dbtPackage(o));

/**
 * The custom columns of a dataset, from the attributes the Rules view lists (`lead.custom.X`,
 * `account.custom.X`, each a dictionary or a number column). Complete: a rule on a column the
 * dataset lacks scores nothing in the app, so it scores nothing in the package either.
 */
export function customColumnsOfAttributes(
  attributes: readonly { readonly ref: string; readonly kind: 'dict' | 'num' }[],
): CustomColumns {
  const leads: Record<string, CustomKind> = {};
  const accounts: Record<string, CustomKind> = {};
  for (const a of attributes) {
    const m = /^(lead|account)\.custom\.(.+)$/.exec(a.ref);
    if (m) (m[1] === 'lead' ? leads : accounts)[m[2]!] = a.kind === 'num' ? 'number' : 'text';
  }
  return { leads, accounts, complete: true };
}
