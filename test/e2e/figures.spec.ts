import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForDataset } from './fixtures';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

function folder(sub: string): { name: string; base64: string }[] {
  const dir = `${DATA}${sub}`;
  if (!existsSync(dir)) throw new Error(`shared data not found at ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((name) => ({ name, base64: readFileSync(`${dir}/${name}`).toString('base64') }));
}

async function dropFiles(page: Page, files: { name: string; base64: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'text/csv' }));
    }
    return dt;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

async function openView(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: link, exact: true }).click();
}

test('Maven (opportunities only) loaded through the Data view: the Overview shows Won 4,238 and 63.2%; Hygiene says what it cannot measure', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/data');
  await waitForDataset(page);
  await dropFiles(page, folder('maven-crm-sales-opportunities'));
  const screen = page.getByRole('region', { name: 'Map your columns' });
  await expect(screen.getByLabel('sales_pipeline.csv: column for status')).toHaveValue('deal_stage');
  await screen.getByRole('button', { name: 'Preview with this mapping' }).click();
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await preview.getByRole('button', { name: 'Replace the current dataset' }).click();
  await expect(page.getByTestId('opportunity-outcomes')).toContainText('Won4,238');

  await openView(page, 'Overview');
  const funnel = page.getByRole('region', { name: 'Opportunities reaching each stage, all data in view' });
  await expect(funnel).toBeVisible();
  // 4,238 won ÷ (4,238 + 2,473 lost) = 0.63150… → 63.2%.
  await expect(page.getByTestId('overview-win-rate')).toContainText(
    'Win rate 63.2% (won ÷ (won + lost): 4,238 won of 6,711 closed)',
  );
  await expect(funnel).toContainText('4,238');
  await expect(page.getByText('No leads match the filters')).toHaveCount(0);
  await screenshot(page, 'figures-maven-overview');

  await openView(page, 'Hygiene');
  for (const name of [
    'Fast-track conversions',
    'Pass-through opportunities',
    'Re-stage gymnastics',
    'Marketing-sourced tagging',
  ]) {
    const card = page.getByRole('article', { name });
    await expect(card).toContainText('Not measurable — needs');
    await expect(card.getByRole('button', { name: /Show the/ })).toHaveCount(0);
  }
  await expect(page.getByRole('article', { name: 'Re-stage gymnastics' })).toContainText('opportunity_stages.csv');
  await screenshot(page, 'figures-maven-hygiene');

  await openView(page, 'Funnel');
  await expect(page.getByText('This dataset has no leads')).toBeVisible();
});

/** A negative duration as any view would print it: "−156.01 d", "-3 days". */
const NEGATIVE_DURATION = /[−-]\s?\d[\d,.]*\s?(?:d|days?)\b/;

test('the Salesforce sample shows no negative duration anywhere; the Forecast names overdue deals and where p(stage) comes from', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/data');
  await waitForDataset(page);
  await dropFiles(page, folder('salesforce-data-cloud-workshop/data'));
  await page
    .getByRole('region', { name: 'Check before loading' })
    .getByRole('button', { name: 'Replace the current dataset' })
    .click();
  await expect(page.getByTestId('opportunity-outcomes')).toContainText('Won12');
  // The as-of is the load instant of the export (the latest recorded event), shown to the second.
  await expect(page.getByTestId('as-of')).toHaveText('Jan 22, 2024, 20:36:47 UTC');

  for (const view of ['Overview', 'Funnel', 'Hygiene', 'Forecast']) {
    await openView(page, view);
    await expect(page.getByRole('main')).not.toContainText(/Loading|Computing/);
    expect(await page.getByRole('main').innerText(), view).not.toMatch(NEGATIVE_DURATION);
  }
  // Forecast: every won deal closes before its (load-date) creation: no cycle, said with the reason.
  const headline = page.getByRole('region', { name: 'Pipeline headline figures' });
  await expect(headline).toContainText('Average cyclenot measurable');
  await expect(page.getByTestId('dates-out-of-order')).toContainText('12 won deals close before they were created');
  await expect(page.getByTestId('overdue-summary')).toContainText('open deals');
  await expect(page.getByRole('cell', { name: 'export probability' }).first()).toBeVisible();
  await screenshot(page, 'figures-salesforce-forecast');
});

test('a Segment filter on a plan with one company quota: coverage says "quota is company-wide", not a ratio', async ({
  page,
}) => {
  await page.goto('/?segment=Enterprise');
  await waitForDataset(page);
  const panel = page.getByRole('region', { name: 'Pipeline and bookings against quota' });
  await expect(panel.getByTestId('quota-company-wide')).toContainText(
    'quota is company-wide: the filters select by segment',
  );
  await expect(panel).not.toContainText(/Coverage \d{4}-Q\d/);
  await screenshot(page, 'figures-quota-company-wide-overview');
  await openView(page, 'Forecast');
  await expect(page.getByTestId('quota-company-wide')).toContainText('quota is company-wide');
  await expect(page.getByTestId('overdue-summary')).toBeVisible();
  await screenshot(page, 'figures-quota-company-wide-forecast');
});
