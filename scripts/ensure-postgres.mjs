#!/usr/bin/env node
// The warehouse SQL tests run the PostgreSQL dialect on a real PostgreSQL server (Debian's
// `postgresql` package). Install it when missing (this machine runs as root); otherwise stop and say
// exactly what to run. The tests start and stop their own throw-away server on a local socket.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends postgresql';

/** The bin folder of the newest installed PostgreSQL, or null. */
export function postgresBin() {
  if (process.env.POSTGRES_BIN)
    return existsSync(join(process.env.POSTGRES_BIN, 'initdb')) ? process.env.POSTGRES_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (postgresBin()) process.exit(0);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("PostgreSQL is missing; installing Debian's package…");
    // Stop the package from starting its own cluster: the tests run their own server.
    execSync(INSTALL, {
      stdio: 'inherit',
      shell: '/bin/bash',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' },
    });
    if (postgresBin()) process.exit(0);
  }
  console.error(
    `The warehouse SQL tests need PostgreSQL (initdb, pg_ctl, psql). Install it with:\n  sudo ${INSTALL}\nor set POSTGRES_BIN to the folder holding initdb and pg_ctl.`,
  );
  process.exit(1);
}
