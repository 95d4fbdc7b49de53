/**
 * The canonical tables of a folder as DuckDB tables and views, read in one pass per file straight
 * from its CSV (or a Parquet file of the same name, preferred when both exist); nothing passes
 * through JavaScript, and no file is held in memory: DuckDB stores what it keeps in its scratch
 * database file and pages it to disk as it needs.
 *
 * Each table gives `<name>_summary` (rows read, rows left out and the first of them, each with its
 * row number, column, value and reason) and the view `<name>` of the rows kept, with the columns of
 * src/warehouse/schema.ts that the compiled SQL reads. A stored table keeps its parsed rows in
 * `<name>_rows` (the row number, the parsed values, the reason a row is left out) and its repeated
 * keys in `<name>_dups`, joined by the view `<name>_read`; a table the report reads only an
 * aggregate of (activities: their latest kept instant, for the as-of) is streamed once into its
 * summary and never stored.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalTable } from '../../warehouse/schema';
import { quoteIdent, typeName } from '../../warehouse/sql/dialect';
import { columnKinds, TABLE_SPECS, type TableSpec } from './table-specs';
import { cellText, INVALID_REASON, invalid, lit, parsed } from './value-sql';

const q = (name: string) => quoteIdent('duckdb', name);
const t = (column: string) => q(`t_${column}`);

/** How many left-out rows each file's summary lists. */
export const LISTED_ROWS = 20;

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

/** The columns of a file read as text: those the report reads, the required ones and the extra texts. */
function textColumns(spec: TableSpec): string[] {
  return [...new Set([...columnKinds(spec).map(([c]) => c), ...spec.required, ...(spec.extraTexts ?? [])])];
}

/**
 * The scan of a file with each row's number (1 = the first data row) as `rn`: Parquet's own row
 * numbers, read in parallel; for CSV, the rows' order as read.
 */
function numberedScan(file: TableFile | undefined, spec: TableSpec): { from: string; rn: string } {
  if (file === undefined) {
    return {
      from: `(SELECT ${textColumns(spec)
        .map((c) => `CAST(NULL AS VARCHAR) AS ${q(c)}`)
        .join(', ')} LIMIT 0)`,
      rn: 'CAST(0 AS BIGINT)',
    };
  }
  if (file.format === 'parquet')
    return { from: `read_parquet(${lit(file.path)}, file_row_number = true)`, rn: '"file_row_number" + 1' };
  return { from: scanOf(file), rn: 'row_number() OVER ()' };
}

/** The header each column reads from: the first whose trimmed name matches case-insensitively. */
function headerFor(headers: readonly string[], column: string): string | undefined {
  return headers.find((h) => h.trim().toLowerCase() === column);
}

/** A left-out row as the summaries list it. */
const listed = (issue: string) =>
  `min_by({'rn': "rn", 'column': ${issue}."column", 'value': ${issue}."value", 'reason': ${issue}."reason"}, "rn", ${LISTED_ROWS}) FILTER (WHERE ${issue} IS NOT NULL)`;

/**
 * The rows of one file with their row number, texts (`t_<column>`), parsed values (each parsed
 * once), the reason the row is left out (`problem`, NULL when kept) and whether it is a settings
 * row to skip.
 */
function parsedRows(
  spec: TableSpec,
  file: TableFile | undefined,
  headers: readonly string[],
  has: (table: string) => boolean,
): string {
  const kinds = columnKinds(spec);
  const problem = (when: string, column: string, reason: string) =>
    `WHEN ${when} THEN {'column': ${lit(column)}, 'value': ${t(column)}, 'reason': ${lit(reason)}}`;
  const whens = [
    ...spec.required.map((c) => problem(`${t(c)} IS NULL`, c, `missing required field ${c}`)),
    ...kinds
      .filter(([c, k]) => k !== 'text' && (spec.required.includes(c) || spec.rejectInvalid?.includes(c)))
      .map(([c, k]) => problem(invalid(k, t(c), q(c)), c, INVALID_REASON[k])),
    ...(spec.checks?.(has) ?? []).map((ch) => problem(ch.when, ch.column, ch.reason)),
  ];
  const skip = spec.skip ?? 'FALSE';
  const scan = numberedScan(file, spec);
  return [
    `WITH src AS (SELECT ${scan.rn} AS "rn", ${textColumns(spec)
      .map((c) => `${cellText(headerFor(headers, c))} AS ${t(c)}`)
      .join(', ')} FROM ${scan.from}),`,
    `values_read AS (SELECT *, ${kinds.map(([c, k]) => `${parsed(k, t(c))} AS ${q(c)}`).join(', ')} FROM src),`,
    `parsed AS (SELECT *, CASE WHEN ${skip} THEN NULL ${whens.join(' ')} END AS "problem", ${skip} AS "skipped" FROM values_read)`,
  ].join('\n');
}

/** The statements that store one table: `<name>_rows`, `<name>_dups`, `<name>_read`, its summary and the view. */
export function storedStatements(
  spec: TableSpec,
  file: TableFile | undefined,
  headers: readonly string[],
  has: (table: string) => boolean,
  viewName = spec.name,
): string[] {
  const kinds = columnKinds(spec);
  const kindOf = new Map(kinds);
  // The texts kept: the extra ones and those of a parsed key (a text column is its own text).
  const keptTexts = [...(spec.extraTexts ?? [])];
  if (spec.unique && kindOf.get(spec.unique) !== 'text') keptTexts.push(spec.unique);
  const rows = [
    `CREATE TABLE ${q(`${spec.name}_rows`)} AS`,
    parsedRows(spec, file, headers, has),
    `SELECT "rn", ${[...kinds.map(([c]) => q(c)), ...keptTexts.map(t)].join(', ')}, "problem", "skipped" FROM parsed`,
  ].join('\n');
  const statements = [rows];
  let read: string;
  if (spec.unique) {
    const key = q(spec.unique);
    const shown = kindOf.get(spec.unique) === 'text' ? `r.${key}` : `r.${t(spec.unique)}`;
    // Keys read more than once (usually none): every row after the first with one is left out.
    statements.push(
      `CREATE TABLE ${q(`${spec.name}_dups`)} AS SELECT ${key} AS "key", min("rn") AS "first" FROM ${q(`${spec.name}_rows`)} WHERE "problem" IS NULL AND NOT "skipped" GROUP BY ${key} HAVING count(*) > 1`,
    );
    read = `CREATE VIEW ${q(`${spec.name}_read`)} AS SELECT r.*, CASE WHEN r."problem" IS NULL AND NOT r."skipped" AND r."rn" > d."first" THEN {'column': ${lit(spec.unique)}, 'value': ${shown}, 'reason': ${lit(`duplicate ${spec.unique} (the first row with it is kept)`)}} ELSE r."problem" END AS "issue" FROM ${q(`${spec.name}_rows`)} r LEFT JOIN ${q(`${spec.name}_dups`)} d ON d."key" = r.${key}`;
  } else {
    read = `CREATE VIEW ${q(`${spec.name}_read`)} AS SELECT *, "problem" AS "issue" FROM ${q(`${spec.name}_rows`)}`;
  }
  statements.push(read);
  statements.push(
    `CREATE TABLE ${q(`${spec.name}_summary`)} AS SELECT count(*) AS "read", count(*) FILTER (WHERE "issue" IS NOT NULL) AS "out", ${listed('"issue"')} AS "listed" FROM ${q(`${spec.name}_read`)}`,
  );
  const values = spec.values?.(has) ?? {};
  const types = new Map(canonicalTable(spec.name).columns.map((c) => [c.name, typeName('duckdb', c.type)]));
  // The view holds the columns the report reads (of leads, not every column: see TableSpec.reads).
  statements.push(
    `CREATE VIEW ${q(viewName)} AS SELECT ${kinds.map(([c]) => `CAST(${values[c] ?? q(c)} AS ${types.get(c)!}) AS ${q(c)}`).join(', ')} FROM ${q(`${spec.name}_read`)} WHERE "issue" IS NULL AND NOT "skipped"`,
  );
  return statements;
}

/**
 * The statements that stream a table the report reads only the latest kept instant of: its summary
 * (with `latest`) in one pass over the file, and the view of that one instant.
 */
export function streamedStatements(
  spec: TableSpec & { readonly latest: string },
  file: TableFile | undefined,
  headers: readonly string[],
  has: (table: string) => boolean,
): string[] {
  const kept = `"problem" IS NULL AND NOT "skipped"`;
  const type = typeName('duckdb', canonicalTable(spec.name).columns.find((c) => c.name === spec.latest)!.type);
  return [
    [
      `CREATE TABLE ${q(`${spec.name}_summary`)} AS`,
      parsedRows(spec, file, headers, has),
      `SELECT count(*) AS "read", count(*) FILTER (WHERE "problem" IS NOT NULL) AS "out", ${listed('"problem"')} AS "listed", max(${q(spec.latest)}) FILTER (WHERE ${kept}) AS "latest" FROM parsed`,
    ].join('\n'),
    // Of the table's columns the view holds only that instant, so a query reading any other fails.
    `CREATE VIEW ${q(spec.name)} AS SELECT CAST("latest" AS ${type}) AS ${q(spec.latest)} FROM ${q(`${spec.name}_summary`)} WHERE "latest" IS NOT NULL`,
  ];
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
    // A file the folder lacks reads as an empty scan of the text columns (see numberedScan).
    const headers = file ? headersOf(spec.name) : textColumns(spec);
    if (spec.latest !== undefined) {
      out.push(...streamedStatements({ ...spec, latest: spec.latest }, file, headers, has));
      continue;
    }
    // Stage entries are completed from the history file below.
    const view = spec.name === 'opportunity_stages' ? 'opportunity_stages_listed' : spec.name;
    out.push(...storedStatements(spec, file, headers, has, view));
    if (spec.name === 'opportunity_history') out.push(STAGES_VIEW);
  }
  return out;
}
