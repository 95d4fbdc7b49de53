#!/usr/bin/env node
// The whole test suite: type check, lint, formatting (Prettier), PostgreSQL for the warehouse SQL tests (installed when
// missing), unit and component tests (Vitest), a production build,
// the initial-bundle budget (size-limit: initial JS ≤ 250 kB gzip), and real-browser tests
// (Playwright in Debian's chromium). Ends with one line that adds up every runner, "N passed,
// N failed", and exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const failedSteps = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failedSteps.push(name);
    console.log(`✖ ${name} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  return true;
}

if (!existsSync('../shared/data')) {
  console.error('The tests read real datasets from ../shared/data, which is missing beside this project.');
  failedSteps.push('shared data');
}

step('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('lint', 'npx', ['eslint', '.']);
step('formatting (Prettier)', 'npx', ['prettier', '--check', '.']);
// The warehouse SQL tests run the PostgreSQL dialect on a real server they start themselves.
step('postgresql', 'node', ['scripts/ensure-postgres.mjs']);
step('unit and component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/vitest.json`,
]);
const browserReady =
  step('chromium', 'node', ['scripts/ensure-chromium.mjs']) && step('build', 'npx', ['vite', 'build']);
if (browserReady) step('bundle size (initial JS ≤ 250 kB gzip)', 'npx', ['size-limit']);
if (browserReady) step('browser tests', 'npx', ['playwright', 'test']);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const vitest = readJson(`${REPORTS}/vitest.json`);
const pw = readJson(`${REPORTS}/playwright.json`);
const unit = {
  passed: vitest?.numPassedTests ?? 0,
  failed: (vitest?.numFailedTests ?? 0) + (vitest?.numRuntimeErrorTestSuites ?? 0),
  skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0),
};
const browser = {
  passed: (pw?.stats?.expected ?? 0) + (pw?.stats?.flaky ?? 0),
  failed: pw?.stats?.unexpected ?? 0,
  skipped: pw?.stats?.skipped ?? 0,
};
if (!vitest) failedSteps.push('no Vitest report');
if (browserReady && !pw) failedSteps.push('no Playwright report');

/** The failed tests by file and title, with the first line of each failure, so the run's last lines name them. */
function vitestFailures(report) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed) out.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    if (file.status === 'failed' && failed.length === 0) out.push(`${where}: ${firstLine(file.message)}`);
  }
  return out;
}
/** The Playwright tests of `status` ('unexpected': failed; 'flaky': passed on a second try), each with its first error. */
function playwrightTests(report, status) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === status) {
          const error = t.results?.find((r) => r.error)?.error?.message;
          out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  return out;
}
function firstLine(text) {
  // eslint-disable-next-line no-control-regex
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').find((line) => line.trim() !== '') ?? '(no message)';
}

/** Tests that failed once and passed on their second try, with the first failure. */
function vitestFlaky(report) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    for (const t of file.assertionResults ?? [])
      if (t.status === 'passed' && t.failureMessages?.length)
        out.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages[0])}`);
  }
  return out;
}
const flaky = [...vitestFlaky(vitest), ...playwrightTests(pw, 'flaky')];
if (flaky.length)
  console.log(`\nflaky (failed, then passed on a second try):\n${flaky.map((f) => `  ⚠ ${f}`).join('\n')}`);
const failures = [...vitestFailures(vitest), ...playwrightTests(pw, 'unexpected')];
if (failures.length) console.log(`\nfailed tests:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);

const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
const skipped = unit.skipped + browser.skipped;
console.log(`\nunit and component: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0);
