/**
 * The `revlens` command line: the same engine as the app, headless.
 *   revlens report <dataset> [--as-of YYYY-MM-DD] [--json]
 *   revlens fit <dataset> [--outcome won|sqo] [--exclude col,col] [--seed n] [--json]
 */
import { parseArgs } from 'node:util';
import { runFit } from './commands/fit';
import { runReport } from './commands/report';
import { CliError, type CliOptions } from './context';
import { loadDataset } from './load-dataset';

const USAGE = `Usage: revlens <command> [options]

Commands:
  report <dataset>   funnel, scoring, pipeline and hygiene figures of a dataset
                     (<dataset> is a canonical CSV folder or a canonical JSON file)
  fit <dataset>      suggested scoring weights (L2 logistic regression) with their
                     holdout AUC against the default weights
                     [--outcome won|sqo] [--exclude col,col] [--seed n]

Options:
  --as-of YYYY-MM-DD   compute as of this date (default: the latest date in the data)
  --json               print one JSON object instead of a readable summary
  -h, --help           this help`;

type Command = (positionals: string[], options: CliOptions) => string;

const COMMANDS: Record<string, Command> = {
  report: (positionals, options) => {
    const path = positionals[0];
    if (!path) throw new CliError('report needs a dataset: revlens report <folder or file.json>');
    return runReport(loadDataset(path, options));
  },
  fit: (positionals, options) => {
    const path = positionals[0];
    if (!path) throw new CliError('fit needs a dataset: revlens fit <folder or file.json>');
    return runFit(loadDataset(path, options));
  },
};

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { json: { type: 'boolean' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' }, outcome: { type: 'string' }, exclude: { type: 'string' }, seed: { type: 'string' } } });
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
    process.stdout.write(`${run(positionals, options)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`revlens: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
