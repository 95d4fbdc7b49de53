/**
 * Runs the compiled SQL (src/warehouse) on embedded DuckDB over the canonical files of a folder.
 * DuckDB is loaded only here, on demand, so the app bundle and the in-memory CLI never load it. Its
 * tables live in a scratch database file that DuckDB pages to disk as it needs, so a folder larger
 * than memory reads through; the file is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type * as DuckDbApi from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../context';

export type Row = Record<string, unknown>;

export interface DuckSession {
  readonly run: (sql: string) => Promise<void>;
  readonly rows: (sql: string) => Promise<Row[]>;
}

async function loadDuckDb(): Promise<typeof DuckDbApi> {
  try {
    return await import('@duckdb/node-api');
  } catch (e) {
    throw new CliError(
      `--engine duckdb needs the @duckdb/node-api package (npm install @duckdb/node-api): ${(e as Error).message}`,
    );
  }
}

/**
 * The memory DuckDB may use before it spills to disk: half the machine's memory, at most 6 GB, so a
 * report over files larger than memory pages through them rather than growing with them.
 */
export function duckDbMemoryLimitMb(total = totalmem()): number {
  return Math.max(256, Math.min(6 * 1024, Math.floor(total / 2 / 2 ** 20)));
}

/** Opens a scratch DuckDB database in UTC, runs `work` on it, and removes it whatever happens. */
export async function withDuckDb<T>(work: (s: DuckSession) => Promise<T>): Promise<T> {
  const { DuckDBInstance } = await loadDuckDb();
  const dir = mkdtempSync(join(tmpdir(), 'revlens-duckdb-'));
  const instance = await DuckDBInstance.create(join(dir, 'report.duckdb'), {
    temp_directory: join(dir, 'spill'),
    memory_limit: `${duckDbMemoryLimitMb()}MB`,
  });
  let conn: DuckDBConnection | undefined;
  try {
    conn = await instance.connect();
    const c = conn;
    await c.run(`SET TimeZone = 'UTC'`);
    return await work({
      run: async (sql) => void (await c.run(sql)),
      rows: async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    });
  } finally {
    conn?.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A DuckDB failure reading the files (a malformed CSV line, say) as a CLI error with DuckDB's words. */
export async function readingFiles<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`DuckDB could not read ${what}: ${(e as Error).message}`);
  }
}
