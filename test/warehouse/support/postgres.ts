/**
 * A throw-away PostgreSQL server for the SQL tests: initdb into a temporary folder, started on a
 * Unix socket only (no TCP), stopped and removed afterwards. PostgreSQL refuses to run as root, so
 * as root the server runs as the `postgres` user the Debian package creates. Fails loudly when
 * PostgreSQL is not installed (`node scripts/ensure-postgres.mjs` installs it).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src/import/csv';
import { quoteIdent, typeName } from '../../../src/warehouse/sql/dialect';
import type { Row } from './duckdb';
import type { TableData } from './tables';

function postgresBin(): string {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error(
    "PostgreSQL is not installed: run `node scripts/ensure-postgres.mjs` (installs Debian's postgresql package) or set POSTGRES_BIN.",
  );
}

export interface Postgres {
  readonly load: (tables: readonly TableData[], dir: string) => void;
  readonly query: (sql: string) => Row[];
  readonly stop: () => void;
}

export function startPostgres(): Postgres {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), 'revlens-pg-'));
  const data = join(root, 'data');
  const run = (cmd: string, args: readonly string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  if (asRoot)
    chownSync(
      root,
      Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    );
  const port = String(20000 + (process.pid % 20000));
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    join(root, 'server.log'),
    '-o',
    `-k ${root} -c listen_addresses= -p ${port} -c fsync=off`,
    'start',
  ]);
  const psql = (args: readonly string[]) =>
    execFileSync(
      join(bin, 'psql'),
      ['-X', '-q', '-h', root, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', ...args],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
  return {
    load(tables, dir) {
      const script: string[] = [];
      for (const t of tables) {
        const cols = t.columns
          .map((c) => `${quoteIdent('postgres', c.name)} ${typeName('postgres', c.type)}`)
          .join(', ');
        script.push(
          `DROP TABLE IF EXISTS ${quoteIdent('postgres', t.name)};`,
          `CREATE TABLE ${quoteIdent('postgres', t.name)} (${cols});`,
        );
        script.push(
          `\\copy ${quoteIdent('postgres', t.name)} FROM '${join(dir, `${t.name}.csv`)}' WITH (FORMAT csv, HEADER true)`,
        );
      }
      const file = join(dir, 'load.sql');
      writeFileSync(file, `${script.join('\n')}\n`);
      psql(['-f', file]);
    },
    query(sql) {
      const file = join(root, 'query.sql');
      writeFileSync(file, sql);
      const { header, rows } = parseCsv(psql(['--csv', '-f', file]));
      return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? null])));
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
