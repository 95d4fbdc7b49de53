/**
 * The performance benchmark (not part of `npm test`): `npm run bench [-- --json] [--sizes 100000,1000000]
 * [--5m] [--runs 7] [--import-runs 3] [--workers 2] [--no-baselines]`. Generates (once) and loads demo companies, then times what a
 * user waits for through the worker's handler functions (./product.ts), the import (./import-figures.ts)
 * and the DuckDB-WASM and arquero baselines on the same recompute (./baseline-figures.ts).
 */
import { cpus, loadavg } from 'node:os';
import { measureBaselines, type BaselineResult } from './baseline-figures';
import { loadCompany } from './company';
import { ensureDemoData } from './data';
import { measureImport, type ImportFigures } from './import-figures';
import { measureProduct, type ProductFigures } from './product';
import { printTable } from './report';
import { createNodeScoringPool } from '../scripts/node-pool';

export type SizeResult = { readonly leads: number; readonly bytesPerLead: number | null } & ImportFigures &
  ProductFigures & { readonly baselines: Partial<Record<'duckdbWasm' | 'arquero', BaselineResult>> };

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
  if (!Number.isSafeInteger(runs) || runs <= 0) throw new Error('--runs takes a positive integer');
  const workers = Number(value('--workers') ?? 2);
  if (!Number.isSafeInteger(workers) || workers < 0)
    throw new Error('--workers takes a whole number (0: no pool, one engine thread)');
  const importRuns = Number(value('--import-runs') ?? 3);
  if (!Number.isSafeInteger(importRuns) || importRuns <= 0) throw new Error('--import-runs takes a positive integer');
  return { json: flag('--json'), sizes, runs, importRuns, workers, baselines: !flag('--no-baselines') };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: SizeResult[] = [];
  // The app's scoring pool: worker threads over shared memory beside the engine thread.
  const pool = args.workers > 0 ? createNodeScoringPool(args.workers) : null;
  for (const leads of args.sizes) {
    const dir = ensureDemoData(leads, log);
    log(`\n${leads.toLocaleString('en-US')} leads (${dir})`);
    // Import figures: the whole canonical company through the app's importer, one process per run.
    const imported = await measureImport(dir, leads, args.importRuns, log);
    const company = await loadCompany(dir, leads, pool);
    log(`  loaded by the app's importer; ${company.bytesPerLead ?? 'n/a'} bytes/lead kept`);
    const product = await measureProduct(company.dataset, args.runs, pool, log);
    const baselines = args.baselines
      ? await measureBaselines(company.dataset, product.weightChangeMs.median, args.runs, log)
      : {};
    results.push({ leads, bytesPerLead: company.bytesPerLead, ...imported, ...product, baselines });
  }
  pool?.close();
  const environment = {
    node: process.version,
    cpus: cpus().length,
    scoringPoolWorkers: args.workers,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  if (args.json) process.stdout.write(`${JSON.stringify({ environment, results }, null, 2)}\n`);
  else printTable(results, environment);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
