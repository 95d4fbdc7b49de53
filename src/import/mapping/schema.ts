/**
 * A column mapping: how the files of a CRM export or a spreadsheet become the canonical tables.
 * Mappings are plain JSON (saved in the browser or passed to the CLI with --mapping) and are always
 * validated with this schema; pairs are arrays, never object keys, so no column name can reach an
 * object's prototype.
 */
import { z } from 'zod';
import { CANONICAL_FILES, type CanonicalFile } from '../canonical/columns';
import { historyShapeSchema } from '../history/shape';

export const MAPPING_VERSION = 1;

/** Canonical table names without `.csv` (`leads`, `opportunities`, …). */
export const TARGETS = CANONICAL_FILES.map((f) => f.slice(0, -4)) as readonly string[];
export type Target = string;

export const targetFile = (t: Target): CanonicalFile => `${t}.csv` as CanonicalFile;

const pair = z.tuple([z.string().max(200), z.string().max(500)]);

export const tableMappingSchema = z.strictObject({
  /** Source file name (last path segment), matched case-insensitively. */
  file: z.string().min(1).max(300),
  /** Canonical table the rows become, or `skip` to leave the file out (it is reported). */
  target: z.union([z.enum(TARGETS as [string, ...string[]]), z.literal('skip')]),
  /** [canonical column, source column] pairs; a source column may feed several fields. */
  columns: z.array(pair).max(200),
  /** Value maps: [canonical column, [[source value, canonical value], …]]; matched case-insensitively. */
  values: z
    .array(z.tuple([z.string().max(200), z.array(pair).max(500)]))
    .max(50)
    .default([]),
  /** [canonical column, value] used when the source cell is empty (reported as a repair). */
  defaults: z.array(pair).max(50).default([]),
  /** Date format for columns whose dates read both ways (03/04/2025); never guessed. */
  dateFormat: z.enum(['iso', 'mdy', 'dmy', 'excel']).optional(),
  /** Decimal separator of amounts; default `,` for `;`-separated files, else `.`. */
  decimal: z.enum(['.', ',']).optional(),
  /**
   * For opportunity_history only: the rows are history snapshots (one full row per version) or one
   * row per field change, converted into change rows (see history/shape.ts). Absent: one row per
   * change, as the canonical file.
   */
  shape: historyShapeSchema.optional(),
});

export const mappingSchema = z.strictObject({
  version: z.literal(MAPPING_VERSION),
  name: z.string().min(1).max(200),
  tables: z.array(tableMappingSchema).min(1).max(50),
});

export type TableMapping = z.output<typeof tableMappingSchema>;
export type Mapping = z.output<typeof mappingSchema>;

/** Validates untrusted JSON as a mapping; the error says what is wrong. */
export function parseMapping(json: unknown): { ok: true; mapping: Mapping } | { ok: false; error: string } {
  const r = mappingSchema.safeParse(json);
  if (r.success) return { ok: true, mapping: r.data };
  return {
    ok: false,
    error: r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; '),
  };
}
