/**
 * The out-of-core report benchmark (not a test): generates a canonical demo company of `--leads`
 * leads as a CSV folder (and a Parquet copy of it), then times `revlens report --json` in a child
 * process per engine: `--engine duckdb` over the Parquet files and over the CSV files, and the
 * in-memory engine over the CSV files (unless `--no-memory`). Each run gives its wall time and its
 * peak resident set; the figures both engines cover are checked equal.
 *
 *   npm run bench:warehouse -- [--leads 2000000] [--no-memory] [--no-csv] [--json]
 *
 * The company is generated once into bench/.data/warehouse-<leads>/ and reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLES = ['leads', 'opportunities', 'opportunity_stages', 'opportunity_history', 'activities', 'plan'];
const COVERED = ['asOf', 'stageCounts', 'rates', 'breakdown', 'coverage'];

interface Args {
  leads: number;
  memory: boolean;
  csv: boolean;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { leads: 100_000, memory: true, csv: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--leads') {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--leads takes a positive whole number, not ${argv[i]}`);
      args.leads = n;
    } else if (a === '--no-memory') args.memory = false;
    else if (a === '--no-csv') args.csv = false;
    else if (a === '--json') args.json = true;
    else throw new Error(`Unknown option ${a}`);
  }
  return args;
}

/** The canonical CSV folder of the company, generated once, and a Parquet folder of the same tables. */
async function company(leads: number): Promise<{ csv: string; parquet: string }> {
  const base = join(ROOT, 'bench/.data', `warehouse-${leads}`);
  const csv = join(base, 'csv');
  const parquet = join(base, 'parquet');
  if (!existsSync(join(csv, 'plan.csv'))) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/generate-demo.ts'), '--out', csv, '--leads', String(leads)],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error('generating the company failed');
  }
  if (!existsSync(join(parquet, 'plan.parquet'))) {
    mkdirSync(parquet, { recursive: true });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    for (const t of TABLES) {
      // Cells stay text, as in the CSV files: the report parses them by the canonical formats.
      await conn.run(
        `COPY (SELECT * FROM read_csv('${join(csv, `${t}.csv`)}', header = true, all_varchar = true)) TO '${join(parquet, `${t}.parquet`)}' (FORMAT parquet)`,
      );
    }
    conn.closeSync();
    db.closeSync();
  }
  return { csv, parquet };
}

interface Timed {
  engine: string;
  files: string;
  exitCode: number | null;
  wallMs: number;
  cpuMs: number | null;
  peakRssMb: number | null;
  output: Record<string, unknown> | null;
  error?: string;
}

function timeReport(engine: 'memory' | 'duckdb', dir: string, files: string): Timed {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=12000',
      '--import',
      'tsx',
      join(ROOT, 'bench/warehouse/child.ts'),
      'report',
      dir,
      '--engine',
      engine,
      '--json',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const wallMs = performance.now() - started;
  const usage = /cpuMs (\d+) peakRssKb (\d+)\s*$/.exec(r.stderr ?? '');
  let output: Record<string, unknown> | null;
  try {
    output = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    output = null;
  }
  const error =
    r.status === 0
      ? undefined
      : (r.stderr ?? '')
          .replace(/cpuMs \d+ peakRssKb \d+\s*$/, '')
          .trim()
          .slice(0, 500);
  return {
    engine,
    files,
    exitCode: r.status,
    wallMs,
    cpuMs: usage ? Number(usage[1]) : null,
    peakRssMb: usage ? Number(usage[2]) / 1024 : null,
    output,
    ...(error ? { error } : {}),
  };
}

/** JSON with every object's keys sorted: the engines list sources in different orders, with the same figures. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : x,
  );

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  COVERED.every((k) => canonical(a[k]) === canonical(b[k]));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const uptimeBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  const { csv, parquet } = await company(args.leads);
  const runs: Timed[] = [timeReport('duckdb', parquet, 'parquet')];
  if (args.csv) runs.push(timeReport('duckdb', csv, 'csv'));
  if (args.memory) runs.push(timeReport('memory', csv, 'csv'));
  const memory = runs.find((r) => r.engine === 'memory' && r.output);
  const result = {
    leads: args.leads,
    loadAverageBefore: uptimeBefore,
    loadAverageAfter: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    runs: runs.map(({ output, ...r }) => ({
      ...r,
      wallMs: Math.round(r.wallMs),
      peakRssMb: r.peakRssMb === null ? null : Math.round(r.peakRssMb),
      equalToMemory: memory?.output && output && r.engine === 'duckdb' ? same(output, memory.output) : null,
    })),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `revlens report at ${args.leads} leads (load average before: ${result.loadAverageBefore}; after: ${result.loadAverageAfter})\n`,
  );
  for (const r of result.runs) {
    const eq =
      r.equalToMemory === null ? '' : r.equalToMemory ? ', figures equal to memory' : ', FIGURES DIFFER from memory';
    process.stdout.write(
      `  ${r.engine.padEnd(7)} ${r.files.padEnd(8)} exit ${r.exitCode}  wall ${(r.wallMs / 1000).toFixed(1)} s  cpu ${r.cpuMs === null ? '?' : (r.cpuMs / 1000).toFixed(1)} s  peak RSS ${r.peakRssMb ?? '?'} MB${eq}${r.error ? `\n    ${r.error}` : ''}\n`,
    );
  }
}

await main();
