#!/usr/bin/env node
// Browser tests run in Debian's chromium. Install it when missing (this machine runs as root);
// otherwise stop and say exactly what to run. Never skip the browser tests silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's package…`);
  execSync(INSTALL, {
    stdio: 'inherit',
    shell: '/bin/bash',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (existsSync(CHROMIUM)) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo ${INSTALL}\nor set CHROMIUM_PATH to a Chromium binary.`,
);
process.exit(1);
