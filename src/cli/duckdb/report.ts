/**
 * `revlens report <folder> --engine duckdb`: the funnel and pipeline figures of `revlens report`
 * computed by the compiled SQL (funnel_reach, pipeline_by_quarter and the as-of of src/warehouse)
 * on DuckDB over the folder's canonical CSV or Parquet files, under the same JSON keys.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { isoDate } from '../../engine/time';
import { FAR, asOfSql } from '../../warehouse/as-of';
import { funnelReachQuery } from '../../warehouse/funnel-reach';
import { pipelineByQuarterQuery } from '../../warehouse/pipeline-by-quarter';
import { select } from '../../warehouse/sql/ast';
import { printQuery } from '../../warehouse/sql/print';
import { CliError, type CliOptions } from '../context';
import {
  coverageFromRows,
  funnelFigures,
  leftOutJson,
  NOT_COVERED,
  reportText,
  type LeftOutFile,
  type LeftOutRow,
} from './figures';
import { findTableFiles, LISTED_ROWS, loadStatements, scanOf, type TableFile } from './load';
import { readingFiles, withDuckDb, type DuckSession } from './run';
import { lit } from './value-sql';

const MONTH = '^(0?[1-9]|1[0-2])$';

/** The as-of instant as `revlens report` takes it: --as-of D is the start of D (UTC), else the latest event. */
async function asOfOf(s: DuckSession, options: CliOptions): Promise<number> {
  if (options.asOf !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || !Number.isFinite(Date.parse(options.asOf))) {
      throw new CliError(`--as-of takes a date as YYYY-MM-DD, not "${options.asOf}"`);
    }
    return Date.parse(`${options.asOf}T00:00:00Z`);
  }
  const latest = asOfSql('latest');
  const [row] = await s.rows(
    printQuery('duckdb', { ctes: latest.ctes, body: select({ columns: [{ e: latest.expr, as: 'as_of_ms' }] }) }),
  );
  const ms = Number(row?.as_of_ms);
  return Number.isFinite(ms) && ms > -FAR ? ms : 0;
}

/** Rows read and left out per file (named as in the folder), and the first rows left out with their reasons. */
async function leftOut(
  s: DuckSession,
  tables: ReadonlyMap<string, TableFile>,
): Promise<{ files: LeftOutFile[]; rows: LeftOutRow[] }> {
  const files: LeftOutFile[] = [];
  const rows: LeftOutRow[] = [];
  for (const [t, f] of tables) {
    const file = basename(f.path);
    const [c] = await s.rows(`SELECT "read", "out", "listed" FROM "${t}_summary"`);
    files.push({ file, rowsRead: Number(c?.read), leftOut: Number(c?.out) });
    const listed = (c?.listed ?? []) as { rn: unknown; column: unknown; value: unknown; reason: unknown }[];
    for (const r of listed)
      rows.push({
        file,
        row: Number(r.rn),
        column: String(r.column),
        value: r.value === null ? null : String(r.value),
        reason: String(r.reason),
      });
  }
  return { files, rows: rows.slice(0, LISTED_ROWS) };
}

const CURRENCY = '^[A-Za-z]{3}$';

/**
 * This engine sums amounts as they are, so a folder with amounts in a currency other than the
 * plan's is refused rather than added up across currencies; the in-memory engine converts them with
 * currency_rates.csv or leaves them out of money.
 */
async function refuseOtherCurrencies(s: DuckSession): Promise<void> {
  const [p] = await s.rows(
    `SELECT upper("t_currency") AS "c" FROM "plan_read" WHERE regexp_full_match("t_currency", ${lit(CURRENCY)}) ORDER BY "rn" LIMIT 1`,
  );
  const plan = p ? String(p.c) : 'USD';
  const others = await s.rows(
    `SELECT DISTINCT upper("t_currency") AS "c" FROM "opportunities_read" WHERE "issue" IS NULL AND NOT "skipped" AND "amount" IS NOT NULL AND regexp_full_match("t_currency", ${lit(CURRENCY)}) AND upper("t_currency") <> ${lit(plan)} ORDER BY 1`,
  );
  if (others.length === 0) return;
  const list = others.map((r) => String(r.c)).join(', ');
  throw new CliError(
    `Opportunity amounts in ${list} beside the plan currency ${plan}: --engine duckdb never adds two currencies and does not convert them; use the in-memory engine (the default), which converts with currency_rates.csv or leaves them out of money and says so`,
  );
}

export function engineMode(options: CliOptions): 'inclusive' | 'strict' {
  const mode = options.flags.mode;
  if (mode === undefined) return 'inclusive';
  if (mode === 'inclusive' || mode === 'strict') return mode;
  throw new CliError(`--mode takes inclusive or strict, not "${String(mode)}"`);
}

/** The report of a canonical folder computed on DuckDB: JSON, or a readable summary. */
export async function runDuckDbReport(folder: string, options: CliOptions): Promise<string> {
  for (const flag of ['preset', 'mapping']) {
    if (options.flags[flag] !== undefined)
      throw new CliError(
        `--${flag} is for the in-memory engine: --engine duckdb reads a canonical CSV or Parquet folder`,
        2,
      );
  }
  const mode = engineMode(options);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new CliError(`No such file or folder: ${folder}`);
  }
  if (!isFolder)
    throw new CliError(`--engine duckdb reads a canonical folder (CSV or Parquet files), not the file ${folder}`);
  const files = findTableFiles(folder);
  if (!files.has('leads') && !files.has('opportunities'))
    throw new CliError(`No leads or opportunities file (.csv or .parquet) in ${folder}`);
  return withDuckDb(async (s) => {
    const headers = new Map<string, string[]>();
    for (const [table, file] of files) {
      const cols = await readingFiles(file.path, () => s.rows(`DESCRIBE SELECT * FROM ${scanOf(file)}`));
      headers.set(
        table,
        cols.map((c) => String(c.column_name)),
      );
    }
    for (const sql of loadStatements(files, (t) => headers.get(t) ?? []))
      await readingFiles(`the files of ${folder}`, () => s.run(sql));
    const out = await leftOut(s, files);
    const [kept] = await s.rows(
      `SELECT (SELECT count(*) FROM "leads") + (SELECT count(*) FROM "opportunities") AS "n"`,
    );
    if (Number(kept?.n) === 0) {
      const reasons = out.rows
        .map((r) => `${r.file} row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.reason}`)
        .join('\n');
      throw new CliError(`Nothing usable was read from ${folder}: no lead or opportunity row was kept.\n${reasons}`);
    }
    await refuseOtherCurrencies(s);
    const [fy] = await s.rows(
      `SELECT CAST("t_fiscal_year_start_month" AS INTEGER) AS "m" FROM "plan_read" WHERE regexp_full_match("t_fiscal_year_start_month", ${lit(MONTH)}) ORDER BY "rn" LIMIT 1`,
    );
    const fiscalYearStartMonth = fy ? Number(fy.m) : 1;
    const asOf = await asOfOf(s, options);
    const funnelRows = await s.rows(
      printQuery('duckdb', funnelReachQuery({ asOf, fiscalYearStartMonth, pairs: true })),
    );
    const pipelineRows = await s.rows(
      printQuery('duckdb', pipelineByQuarterQuery({ asOf, fiscalYearStartMonth, botsOut: true })),
    );
    const json = {
      dataset: basename(folder),
      asOf: isoDate(asOf),
      engine: 'duckdb',
      mode,
      rowsLeftOut: leftOutJson(out.files, out.rows),
      ...funnelFigures(funnelRows, mode),
      coverage: coverageFromRows(pipelineRows, asOf, fiscalYearStartMonth),
      notCovered: NOT_COVERED,
    };
    return options.json ? JSON.stringify(json, null, 2) : reportText(json);
  });
}
