/**
 * The performance benchmark (not part of `npm test`): `npm run bench [-- --json] [--sizes 100000,1000000]
 * [--5m] [--runs 7] [--csv-runs 7] [--workers 2] [--no-baselines]`. Generates (once) and loads demo companies,
 * then times the scoring recompute, the threshold-only path, the CSV load and the baselines.
 */
import { ensureDemoData } from './data';
import { measureSize, type SizeResult } from './measure-size';
import { printTable } from './report';

function parse(argv: readonly string[]) {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '100000,1000000').split(',').map(Number);
  if (flag('--5m')) sizes.push(5_000_000);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw new Error('--sizes takes positive integers');
  const runs = Number(value('--runs') ?? 7);
  return {
    json: flag('--json'),
    sizes,
    runs,
    csvRuns: Number(value('--csv-runs') ?? runs),
    baselines: !flag('--no-baselines'),
    workers: Number(value('--workers') ?? 2),
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: SizeResult[] = [];
  for (const leads of args.sizes) {
    const dir = ensureDemoData(leads, log);
    results.push(await measureSize(leads, dir, { runs: args.runs, csvRuns: args.csvRuns, baselines: args.baselines, workers: args.workers, log }));
  }
  const environment = {
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    loadAverage: (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100),
  };
  if (args.json) process.stdout.write(`${JSON.stringify({ environment, results }, null, 2)}\n`);
  else printTable(results, environment);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
