/**
 * The `revlens` command line: the same engine as the app, headless.
 *   revlens report <dataset> [--as-of YYYY-MM-DD] [--mode inclusive|strict] [--preset …] [--mapping …] [--engine memory|duckdb] [--json]
 *   revlens fit <dataset> [--outcome won|sqo] [--exclude col,col] [--seed n] [--folds k] [--predictions N] [--maturity-days n] [--json]
 *   revlens scenario --mqls N … [--json]
 *   revlens import <paths...> [--preset NAME] [--mapping saved.json] [--json]
 *   revlens sql --rules rules.json --dialect DIALECT --out DIR [--scoring-instant as-of|history] [--numeric refs] [--as-of YYYY-MM-DD]
 */
import { parseArgs } from 'node:util';
import { runFit } from './commands/fit';
import { runImport, type CommandOutput } from './commands/import';
import { runReport } from './commands/report';
import { runScenarioCommand, SCENARIO_FLAGS } from './commands/scenario';
import { runSql, SQL_FLAGS } from './commands/sql';
import { CliError, type CliOptions } from './context';
import { escapeControls } from './escape';
import { importPaths, loadDataset } from './load-dataset';
import { presetHelp } from './preset-help';

const USAGE = `Usage: revlens <command> [options]

Commands:
  report <dataset>   funnel, scoring, pipeline and hygiene figures of a dataset
                     (<dataset> is a canonical CSV or Parquet folder, a canonical
                     JSON file or a folder of CRM exports, CSV or Parquet)
                     [--engine memory|duckdb: memory (default) loads the data into
                     the engine; duckdb runs the compiled SQL on DuckDB over a
                     canonical CSV or Parquet folder without loading it, for the
                     stage counts, rates, breakdown by source and coverage]
  fit <dataset>      suggested scoring weights (L2 logistic regression) with their
                     cross-validated AUC (mean and range over k folds, default 5)
                     and holdout AUC against the default weights
                     [--outcome won|sqo] [--exclude col,col] [--seed n] [--folds k]
                     [--maturity-days n] [--predictions N: with --json, the first
                     N leads' calibrated probability and top 3 factors, default 10];
                     refuses (exit 1, reason on stderr) when
                     training or holdout has fewer than 20 of either class
  scenario           the scenario planner: --mqls N, then --sals N or --mql-to-sal R,
                     --sqls N or --sal-to-sql R, --sqos N or --sql-to-sqo R, --acv USD,
                     --win-rate R [--quota USD]
  sql                a dbt project that computes the rule set's lead scores in a
                     warehouse: --rules rules.json --dialect duckdb|postgres|bigquery|
                     snowflake|spark --out <folder> [--scoring-instant as-of|history]
                     [--numeric lead.custom.NAME,…] [--as-of YYYY-MM-DD: fixed instant,
                     the end of that day; default: the latest event at each run]
  import <paths...>  the import report of files and folders (.csv, .json, .parquet):
                     rows read, accepted, repaired, rejected (with file, row
                     (the data row, 1-based), column, value, reason);
                     exits 1 only when nothing usable was read

Options:
  --as-of YYYY-MM-DD   compute as of the end of this day, 23:59:59.999 UTC (default: the latest
                       recorded event that is not a planned date; the report prints the instant)
  --mode MODE          funnel counting: inclusive (default; a later stage implies the earlier ones)
                       or strict (recorded stage entries only)
  --preset NAME        read the files as one of these (default: detected from names and headers):
${presetHelp()}
  --mapping FILE       a saved column mapping (JSON, as the app's mapping screen saves it)
  --json               print one JSON object instead of a readable summary
  -h, --help           this help`;

type Command = (positionals: string[], options: CliOptions) => string | CommandOutput | Promise<string>;

/** Engines `revlens report` can compute on. */
export const ENGINES = ['memory', 'duckdb'] as const;

function engineOf(options: CliOptions): (typeof ENGINES)[number] {
  const engine = options.flags['engine'];
  if (engine === undefined) return 'memory';
  if (engine === 'memory' || engine === 'duckdb') return engine;
  throw new CliError(`--engine takes one of ${ENGINES.join(', ')}, not "${String(engine)}"`, 2);
}

const COMMANDS: Record<string, Command> = {
  report: (positionals, options) => {
    const path = positionals[0];
    if (!path) throw new CliError('report needs a dataset: revlens report <folder or file.json>');
    if (engineOf(options) === 'duckdb') return import('./duckdb/report').then((m) => m.runDuckDbReport(path, options));
    return runReport(loadDataset(path, options));
  },
  fit: (positionals, options) => {
    const path = positionals[0];
    if (!path) throw new CliError('fit needs a dataset: revlens fit <folder or file.json>');
    return runFit(loadDataset(path, options));
  },
  scenario: (_positionals, options) => runScenarioCommand(options),
  sql: (_positionals, options) => runSql(options),
  import: (positionals, options) => {
    if (positionals.length === 0) throw new CliError('import needs files or folders: revlens import <paths...>', 2);
    return runImport(importPaths(positionals, options), options.json);
  },
};

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: false,
      options: {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        mode: { type: 'string' },
        preset: { type: 'string' },
        mapping: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        outcome: { type: 'string' },
        exclude: { type: 'string' },
        seed: { type: 'string' },
        folds: { type: 'string' },
        predictions: { type: 'string' },
        engine: { type: 'string' },
        'maturity-days': { type: 'string' },
        ...Object.fromEntries([...SCENARIO_FLAGS, ...SQL_FLAGS].map((f) => [f, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...positionals] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
    return 2;
  }
  const asOf = parsed.values['as-of'];
  const options: CliOptions = {
    asOf: typeof asOf === 'string' ? asOf : undefined,
    json: parsed.values.json === true,
    flags: parsed.values,
  };
  try {
    const result = await run(positionals, options);
    const { output, exitCode, stderr } =
      typeof result === 'string' ? { output: result, exitCode: 0, stderr: undefined } : result;
    process.stdout.write(`${options.json ? output : escapeControls(output)}\n`);
    if (stderr) process.stderr.write(`revlens: ${escapeControls(stderr)}\n`);
    return exitCode;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`revlens: ${escapeControls(e.message)}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
