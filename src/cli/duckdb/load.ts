/**
 * The canonical tables of a folder as DuckDB tables and views, read in one pass per file straight
 * from its CSV (or a Parquet file of the same name, preferred when both exist); nothing passes
 * through JavaScript. Each file becomes `<name>_read` (every row with its row number, parsed values
 * and the reason it is left out, if any) and the view `<name>` of the rows kept, with the columns of
 * src/warehouse/schema.ts that the compiled SQL reads.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalTable } from '../../warehouse/schema';
import { quoteIdent, typeName } from '../../warehouse/sql/dialect';
import { columnKinds, TABLE_SPECS, type TableSpec } from './table-specs';
import { cellText, INVALID_REASON, invalid, lit, parsed } from './value-sql';

const q = (name: string) => quoteIdent('duckdb', name);
const t = (column: string) => q(`t_${column}`);

/** A canonical file found in the folder. */
export interface TableFile {
  readonly path: string;
  readonly format: 'csv' | 'parquet';
}

/** The file each canonical table reads from (names matched case-insensitively), if any. */
export function findTableFiles(folder: string): Map<string, TableFile> {
  const names = new Map(readdirSync(folder).map((f) => [f.toLowerCase(), f]));
  const out = new Map<string, TableFile>();
  for (const spec of TABLE_SPECS) {
    for (const format of ['parquet', 'csv'] as const) {
      const name = names.get(`${spec.name}.${format}`);
      if (name === undefined) continue;
      const path = join(folder, name);
      if (existsSync(path) && statSync(path).isFile() && statSync(path).size > 0) {
        out.set(spec.name, { path, format });
        break;
      }
    }
  }
  return out;
}

/** The scan of a file: every column as text for CSV, so no type is guessed from the data. */
export function scanOf(file: TableFile): string {
  if (file.format === 'parquet') return `read_parquet(${lit(file.path)})`;
  return `read_csv(${lit(file.path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false)`;
}

/** An empty scan with the table's own columns, for a file the folder lacks. */
function emptyScan(spec: TableSpec): string {
  const cols = [...canonicalTable(spec.name).columns.map((c) => c.name), ...(spec.extraTexts ?? [])];
  return `(SELECT ${cols.map((c) => `CAST(NULL AS VARCHAR) AS ${q(c)}`).join(', ')} LIMIT 0)`;
}

/** The header each column reads from: the first whose trimmed name matches case-insensitively. */
function headerFor(headers: readonly string[], column: string): string | undefined {
  return headers.find((h) => h.trim().toLowerCase() === column);
}

/** The statements that read one table: `<name>_read`, then the view `<name>`. */
export function tableStatements(
  spec: TableSpec,
  scan: string,
  headers: readonly string[],
  has: (table: string) => boolean,
  viewName = spec.name,
): string[] {
  const kinds = columnKinds(spec);
  const texts = [...kinds.map(([c]) => c), ...(spec.extraTexts ?? [])];
  const problem = (when: string, column: string, reason: string) =>
    `WHEN ${when} THEN {'column': ${lit(column)}, 'value': ${t(column)}, 'reason': ${lit(reason)}}`;
  const whens = [
    ...spec.required.map((c) => problem(`${t(c)} IS NULL`, c, `missing required field ${c}`)),
    ...kinds
      .filter(([c, k]) => k !== 'text' && (spec.required.includes(c) || spec.rejectInvalid?.includes(c)))
      .map(([c, k]) => problem(invalid(k, t(c)), c, INVALID_REASON[k])),
    ...(spec.checks?.(has) ?? []).map((ch) => problem(ch.when, ch.column, ch.reason)),
  ];
  const skip = spec.skip ?? 'FALSE';
  const kept = `"problem" IS NULL AND NOT "skipped"`;
  const unique = spec.unique
    ? `CASE WHEN ${kept} AND row_number() OVER (PARTITION BY ${kept}, ${q(spec.unique)} ORDER BY "rn") > 1 THEN {'column': ${lit(spec.unique)}, 'value': ${t(spec.unique)}, 'reason': ${lit(`duplicate ${spec.unique} (the first row with it is kept)`)}} ELSE "problem" END`
    : '"problem"';
  const read = [
    `CREATE TABLE ${q(`${spec.name}_read`)} AS`,
    `WITH src AS (SELECT row_number() OVER () AS "rn", ${texts.map((c) => `${cellText(headerFor(headers, c))} AS ${t(c)}`).join(', ')} FROM ${scan}),`,
    `parsed AS (SELECT *, ${kinds.map(([c, k]) => `${parsed(k, t(c))} AS ${q(c)}`).join(', ')},`,
    `  CASE WHEN ${skip} THEN NULL ${whens.join(' ')} END AS "problem", ${skip} AS "skipped" FROM src)`,
    `SELECT *, ${unique} AS "issue" FROM parsed`,
  ].join('\n');
  const values = spec.values?.(has) ?? {};
  const types = new Map(canonicalTable(spec.name).columns.map((c) => [c.name, typeName('duckdb', c.type)]));
  const view = `CREATE VIEW ${q(viewName)} AS SELECT ${kinds.map(([c]) => `CAST(${values[c] ?? q(c)} AS ${types.get(c)!}) AS ${q(c)}`).join(', ')} FROM ${q(`${spec.name}_read`)} WHERE "issue" IS NULL AND NOT "skipped"`;
  return [read, view];
}

/**
 * Stage entries: opportunity_stages.csv's, plus, for a deal it gives none, the stage changes of
 * opportunity_history.csv (a change that repeats the stage before it is no entry), as the import.
 */
const STAGES_VIEW = `CREATE VIEW "opportunity_stages" AS
SELECT "opportunity_id", "stage", "entered_at" FROM "opportunity_stages_listed"
UNION ALL
SELECT "opportunity_id", "stage", "at" FROM (
  SELECT "opportunity_id", "stage", "at", lag("stage") OVER (PARTITION BY "opportunity_id" ORDER BY "at", "rn") AS "before"
  FROM "opportunity_history_read"
  WHERE "issue" IS NULL AND "stage" IS NOT NULL AND "opportunity_id" NOT IN (SELECT "opportunity_id" FROM "opportunity_stages_listed")
) WHERE "before" IS NULL OR "before" <> "stage"`;

/** Every statement, in dependency order, given each file's column names (absent files: none). */
export function loadStatements(
  files: ReadonlyMap<string, TableFile>,
  headersOf: (table: string) => readonly string[],
): string[] {
  const has = (table: string) => files.has(table);
  const out: string[] = [];
  for (const spec of TABLE_SPECS) {
    const file = files.get(spec.name);
    const scan = file ? scanOf(file) : emptyScan(spec);
    const headers = file
      ? headersOf(spec.name)
      : [...canonicalTable(spec.name).columns.map((c) => c.name), ...(spec.extraTexts ?? [])];
    // Stage entries are completed from the history file below.
    out.push(
      ...tableStatements(
        spec,
        scan,
        headers,
        has,
        spec.name === 'opportunity_stages' ? 'opportunity_stages_listed' : spec.name,
      ),
    );
    if (spec.name === 'opportunity_history') out.push(STAGES_VIEW);
  }
  return out;
}
