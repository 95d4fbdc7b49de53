import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { funnelJson } from '../../src/cli/sections/funnel';
import type { DatasetContext } from '../../src/cli/context';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { formatCount, formatDate, formatPercent } from '../../src/lib/format';
import { DEFAULT_MIN_SAMPLE } from '../../src/features/funnel/funnel-params';
import { createEngineService } from '../../src/worker/service';
import { currentWindowLabel, headlineCards } from '../../src/features/overview/build-headline';
import { expect, screenshot, test, waitForDataset } from './fixtures';

interface Report {
  stageCounts: Record<string, number>;
  rates: Record<string, number | null>;
  breakdown: { source: Record<string, { stageCounts: Record<string, number>; rates: Record<string, number | null> }> };
}

/** `revlens report` figures for the in-app demo company (seed 20261115, 30,000 leads), as of its latest date. */
const records = generateDemoCompany().records;
const dataset = buildDataset(records);
function report(mode: 'inclusive' | 'strict'): Report {
  const ctx = { records, dataset, report: null, asOf: dataset.meta.latestAt, options: { json: true, flags: { mode } } };
  return funnelJson(ctx as unknown as DatasetContext) as unknown as Report;
}

const STAGES = [
  ['lead', 'Lead', null],
  ['mql', 'MQL', 'leadToMql'],
  ['sal', 'SAL', 'mqlToSal'],
  ['sql', 'SQL', 'salToSql'],
  ['sqo', 'SQO', 'sqlToSqo'],
  ['won', 'Won', 'sqoToWon'],
] as const;

function stageRow(page: Page, stage: string) {
  return page.locator(`.funnel-table tr[data-stage="${stage}"]`);
}

/** A breakdown rate cell: a rate over fewer than the threshold of leads or deals carries its n. */
function rateCellText(rate: number | null | undefined, n: number): string {
  return n > 0 && n < DEFAULT_MIN_SAMPLE ? `${formatPercent(rate)} n = ${formatCount(n)}` : formatPercent(rate);
}

async function expectStageFigures(page: Page, r: Report) {
  for (const [stage, , rate] of STAGES) {
    const cells = stageRow(page, stage).locator('td');
    await expect(cells.nth(0)).toHaveText(formatCount(r.stageCounts[stage]));
    if (rate) await expect(cells.nth(1)).toHaveText(formatPercent(r.rates[rate]));
  }
}

test('the Funnel view shows the same figures as revlens report for the demo company', async ({ page }) => {
  await page.goto('/funnel');
  await waitForDataset(page);
  const inclusive = report('inclusive');
  await expectStageFigures(page, inclusive);
  await expect(page.getByRole('row', { name: /^Lost/ })).toContainText(formatCount(inclusive.stageCounts.lost));
  await expect(page.getByRole('row', { name: /^Lost/ })).toContainText(
    `Win rate ${formatPercent(inclusive.rates.winRate)}`,
  );
  // The breakdown by source: every source's MQL→SQO, SQL→SQO and win rate.
  const table = page.getByRole('table', { name: 'Funnel by Source' });
  for (const [source, b] of Object.entries(inclusive.breakdown.source)) {
    const row = table.locator('tbody tr', {
      has: page.locator('th', { hasText: new RegExp(`^${source.replace(/[()]/g, '\\$&')}$`) }),
    });
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
  await screenshot(page, 'funnel');
});

test('toggles change the counting and the conversion basis, and live in the URL', async ({ page }) => {
  await page.goto('/funnel');
  await waitForDataset(page);
  await page.getByText('Strict', { exact: true }).click();
  await expect(page).toHaveURL(/mode=strict/);
  await expectStageFigures(page, report('strict'));
  await page.getByText('Period', { exact: true }).click();
  await expect(page).toHaveURL(/basis=period/);
  await expect(page.getByRole('heading', { name: /MQL→SQO conversion by quarter \(period\)/ })).toBeVisible();
  await page.reload();
  await waitForDataset(page);
  await expect(page.getByRole('radio', { name: 'Strict' })).toBeChecked();
  await expectStageFigures(page, report('strict'));
  await page.getByText('Inclusive', { exact: true }).click();
  await expectStageFigures(page, report('inclusive'));
});

test('clicking a bar lists the leads behind it, exportable as CSV', async ({ page }) => {
  test.setTimeout(180_000); // the accessibility scan of a long page is slow on a busy machine
  await page.goto('/funnel');
  await waitForDataset(page);
  const won = report('inclusive').stageCounts.won!;
  // The last bar of the stage funnel is Won.
  const funnelChart = page.getByRole('region', { name: 'Leads reaching each stage' });
  await funnelChart.locator('.recharts-bar-rectangle').last().click();
  const panel = page.getByRole('region', { name: 'Leads behind: Reached Won' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(`${formatCount(won)} rows`)).toBeVisible();
  await expect(page).toHaveURL(/drill=/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toMatch(/^Lead,Created,Source/);
  expect(csv).toHaveLength(won + 1);
  await screenshot(page, 'funnel-drill');
  // A cohort bar: the conversion chart drills into that quarter's MQLs.
  await page
    .getByRole('region', { name: /MQL→SQO conversion by quarter/ })
    .locator('.recharts-bar-rectangle')
    .first()
    .click();
  await expect(page).toHaveURL(/%22cohort%22/);
  await expect(
    page.getByRole('heading', { name: /Leads behind: MQL→SQO: MQLs of \d{4}-Q\d \(cohort\)/ }),
  ).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Leads behind/ })).toHaveCount(0);
});

test('the Overview shows headline figures against last quarter and links into the views', async ({ page }) => {
  const engine = createEngineService();
  await engine.loadDemo();
  const model = await engine.overview({ filters: {}, mode: 'inclusive' });
  const cards = headlineCards(model);
  await page.goto('/overview');
  await waitForDataset(page);
  await expect(
    page.getByRole('heading', {
      name: `${currentWindowLabel(model.current)}: ${formatDate(model.current.from)} – ${formatDate(model.current.to)}`,
    }),
  ).toBeVisible();
  for (const c of cards) {
    const card = page.locator(`.headline[data-key="${c.key}"]`);
    await expect(card.locator('.stat__value')).toHaveText(c.value);
    await expect(card.locator('.stat__note')).toHaveText(c.note);
  }
  // The funnel matches the report.
  const r = report('inclusive');
  await expect(
    page.getByText(`MQL→SQO ${formatPercent(r.rates.mqlToSqo)} · SQL→SQO ${formatPercent(r.rates.sqlToSqo)}`),
  ).toBeVisible();
  await screenshot(page, 'overview');
  await page.getByRole('navigation', { name: 'Go deeper' }).getByRole('link', { name: 'Funnel' }).click();
  await expect(page).toHaveURL(/\/funnel$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Funnel' })).toBeVisible();
});
