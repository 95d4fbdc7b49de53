/**
 * Demo companies for the benchmark, generated once by the seeded generator and cached as canonical
 * CSV folders in bench/.data/ (git-ignored). The generator runs in a child process and writes the
 * company a slice of 100k leads at a time, so its heap stays bounded (peak resident memory
 * measured: 1.6 GB at 1M leads, 2.8 GB at 5M).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR = join(import.meta.dirname, '.data');
export const BENCH_SEED = 20261115;
export const BENCH_AS_OF = '2026-11-15';

/** Folder of the cached demo company with `leads` leads, generating it first when missing. */
export function ensureDemoData(leads: number, log: (line: string) => void): string {
  const dir = join(DATA_DIR, `leads-${leads}`);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  log(`Generating a demo company of ${leads.toLocaleString('en-US')} leads into ${dir} (cached for later runs)…`);
  // Accounts (one per six leads) stay in memory for the whole run; the rest is one slice at a time.
  const heapMb = 3072 + Math.ceil(leads / 1_000_000) * 256;
  const r = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/generate-demo.ts',
      '--out',
      dir,
      '--leads',
      String(leads),
      '--seed',
      String(BENCH_SEED),
      '--as-of',
      BENCH_AS_OF,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
    },
  );
  if (r.status !== 0) throw new Error(`Generating ${leads} leads failed (exit ${r.status ?? r.signal})`);
  return dir;
}
