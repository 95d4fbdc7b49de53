import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { DEFAULT_MIN_SAMPLE } from '../../src/features/funnel/funnel-params';
import { formatCount, formatPercent } from '../../src/lib/format';
import { expect, test } from './fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const LEADS = 100_000;
const SEED = 7;

interface Tally {
  stageCounts: Record<string, number>;
  rates: Record<string, number | null>;
}
interface Report extends Tally {
  basis: string;
  importReport: { rowsRead: number; accepted: number; repaired: number; rejected: number };
  breakdown: { source: Record<string, Tally> };
}

const STAGES = [
  ['lead', null],
  ['mql', 'leadToMql'],
  ['sal', 'mqlToSal'],
  ['sql', 'salToSql'],
  ['sqo', 'sqlToSqo'],
  ['won', 'sqoToWon'],
] as const;

/** A breakdown rate cell: a rate over fewer than the threshold of leads or deals carries its n. */
function rateCellText(rate: number | null | undefined, n: number): string {
  return n > 0 && n < DEFAULT_MIN_SAMPLE ? `${formatPercent(rate)} n = ${formatCount(n)}` : formatPercent(rate);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectFunnelEqualsReport(page: Page, r: Report) {
  for (const [stage, rate] of STAGES) {
    const cells = page.locator(`.funnel-table tr[data-stage="${stage}"] td`);
    await expect(cells.nth(0)).toHaveText(formatCount(r.stageCounts[stage]));
    if (rate) await expect(cells.nth(1)).toHaveText(formatPercent(r.rates[rate]));
  }
  const lost = page.getByRole('row', { name: /^Lost/ });
  await expect(lost).toContainText(formatCount(r.stageCounts.lost));
  await expect(lost).toContainText(`Win rate ${formatPercent(r.rates.winRate)}`);
  await expect(page.getByRole('row', { name: /^Disqualified/ })).toContainText(formatCount(r.stageCounts.disqualified));
  const table = page.getByRole('table', { name: 'Funnel by Source' });
  const sources = Object.entries(r.breakdown.source);
  expect(sources.length).toBeGreaterThan(1);
  await expect(table.locator('tbody tr')).toHaveCount(sources.length);
  for (const [source, b] of sources) {
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${escapeRe(source)}$`) }) });
    await expect(row.locator('td')).toHaveText([
      formatCount(b.stageCounts.lead),
      formatCount(b.stageCounts.mql),
      formatCount(b.stageCounts.sql),
      formatCount(b.stageCounts.sqo),
      formatCount(b.stageCounts.won),
      rateCellText(b.rates.mqlToSqo, b.stageCounts.mql!),
      rateCellText(b.rates.sqlToSqo, b.stageCounts.sql!),
      rateCellText(b.rates.winRate, b.stageCounts.won! + b.stageCounts.lost!),
    ]);
  }
}

test('a generated 100,000-lead canonical folder chosen in the Data view: the Funnel shows the figures of revlens report on that folder', async ({ page }) => {
  // About a minute on an idle 2-core machine (generating, reading and checking 1.1M rows twice: in the
  // page and in the CLI); the cap leaves room for a busy one.
  test.setTimeout(240_000);
  const started = Date.now();
  const took = (what: string) => console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'revlens-import-100k-'));
  try {
    // The demo generator writes the company as the canonical CSV folder (with a few dirty rows to reject).
    await run('npx', ['tsx', 'scripts/generate-demo.ts', '--out', dir, '--leads', String(LEADS), '--seed', String(SEED)], { cwd: ROOT });
    took('folder generated');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(dir, f));
    expect(files.length).toBe(8);
    // `revlens report --json` on the same folder, computed while the browser reads it.
    const cli = run('npx', ['tsx', 'src/cli/main.ts', 'report', dir, '--json'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => {
        took('revlens report done');
        return JSON.parse(stdout) as Report;
      },
    );
    cli.catch(() => undefined);

    await page.goto('/data?demoLeads=1');
    await expect(page.getByTestId('dataset-name')).toBeVisible({ timeout: 30_000 });
    await page.getByLabel('Files to import').setInputFiles(files);
    const preview = page.getByRole('region', { name: 'Check before loading' });
    await expect(preview).toContainText('as the canonical folder', { timeout: 120_000 });
    await expect(preview).toContainText(`Would load: ${formatCount(LEADS)} leads`);
    took('read and checked in the page');
    await preview.getByRole('button', { name: 'Replace the current dataset' }).click();
    await expect(page.getByText('Loaded. Every view now shows your data')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('dataset-name')).toHaveText('Imported dataset');

    const report = await cli;
    // The same rows read, accepted and rejected as the CLI's import report.
    const ir = report.importReport;
    await expect(page.getByRole('region', { name: 'Import report', exact: true })).toContainText(
      `${formatCount(ir.rowsRead)} rows read: ${formatCount(ir.accepted)} accepted, ${formatCount(ir.repaired)} repaired, ${formatCount(ir.rejected)} rejected.`,
    );
    expect(ir.rejected).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Funnel', exact: true }).click();
    await expect(page.locator('.funnel-table tr[data-stage="lead"] td').first()).toHaveText(formatCount(report.stageCounts.lead), { timeout: 60_000 });
    expect(report.basis).toBe('leads');
    // Bots are not leads of the funnel: fewer than the leads loaded, but most of them.
    expect(report.stageCounts.lead).toBeLessThan(LEADS);
    expect(report.stageCounts.lead).toBeGreaterThan(LEADS * 0.9);
    await expectFunnelEqualsReport(page, report);
    took('Funnel checked');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
