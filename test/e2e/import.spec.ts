import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
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

/** Drops files on the drop zone as a user dragging them from the desktop would. */
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

async function openData(page: Page) {
  await page.goto('/data');
  await waitForDataset(page);
  await expect(page.getByRole('heading', { name: 'Load your own data' })).toBeVisible();
}

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

test('drop the Salesforce sample: report first, then its opportunities on the Data view', async ({ page }) => {
  await openData(page);
  await dropFiles(page, folder('salesforce-data-cloud-workshop/data'));
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await expect(preview).toContainText('as a Salesforce export');
  await expect(preview).toContainText('Would load: 60 leads, 50 opportunities, 22 accounts');
  const report = page.getByRole('region', { name: 'Import report (preview)' });
  await expect(report).toContainText('200 rows read: 166 accepted, 0 repaired, 34 rejected.');
  await expect(report).toContainText('every CreatedDate is 2024-01-22T16:14:25.000+0000');
  // Nothing replaced yet: the demo company is still loaded.
  await expect(page.getByTestId('dataset-name')).toHaveText(/demo/i);
  await screenshot(page, 'import-salesforce-preview');
  await preview.getByRole('button', { name: 'Replace the current dataset' }).click();
  const outcomes = page.getByTestId('opportunity-outcomes');
  await expect(page.getByRole('heading', { name: /Loaded dataset/ })).toContainText('Imported dataset');
  await expect(
    page
      .getByRole('region', { name: /Loaded dataset/ })
      .getByText('Opportunities', { exact: true })
      .locator('..'),
  ).toContainText('50');
  // 12 won (IsWon = 1), 3 lost, 35 open; win rate 12 / 15 = 80.0%.
  await expect(outcomes).toContainText('Won12');
  await expect(outcomes).toContainText('Lost3');
  await expect(outcomes).toContainText('Open35');
  await expect(outcomes).toContainText('80.0%');
  await screenshot(page, 'import-salesforce-loaded');
  // The loaded dataset downloads as the canonical folder (zip).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Canonical CSV folder (.zip)' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('imported-dataset.zip');
  expect(
    readFileSync((await zip.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

test('map the Maven CSVs through the mapping screen, save the mapping, see win rate 4,238 / 6,711', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openData(page);
  await dropFiles(page, folder('maven-crm-sales-opportunities'));
  const screen = page.getByRole('region', { name: 'Map your columns' });
  await expect(screen).toBeVisible();
  await expect(screen.getByLabel('What the rows of sales_pipeline.csv are')).toHaveValue('opportunities');
  await expect(screen.getByLabel('sales_pipeline.csv: column for status')).toHaveValue('deal_stage');
  await expect(screen.getByLabel('Status for Prospecting')).toHaveValue('open');
  await expect(screen.getByLabel('Status for Won')).toHaveValue('won');
  await screen.getByLabel('sales_pipeline.csv: amount to use when empty').fill('0');
  await screen.getByLabel('Mapping name').fill('Maven pipeline');
  await screen.getByRole('button', { name: 'Save mapping' }).click();
  await expect(screen.getByRole('status')).toHaveText('Saved mapping "Maven pipeline" in this browser.');
  await screenshot(page, 'import-maven-mapping');
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await screen.getByRole('button', { name: 'Preview with this mapping' }).click();
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await expect(preview).toContainText('as your column mapping');
  // 8,800 rows: 500 Prospecting rows have no engage_date and are rejected; open deals get amount 0.
  await expect(preview).toContainText('8,300 opportunities');
  await preview.getByRole('button', { name: 'Replace the current dataset' }).click();
  const outcomes = page.getByTestId('opportunity-outcomes');
  await expect(outcomes).toContainText('Won4,238');
  await expect(outcomes).toContainText('Lost2,473');
  // 4,238 / 6,711 = 0.63150… → 63.2%
  await expect(outcomes).toContainText('63.2%');
  await expect(outcomes).toContainText('4,238 won of 6,711 closed');
  await screenshot(page, 'import-maven-loaded');

  // The saved mapping is offered next time, read back (and validated) from storage.
  await dropFiles(page, folder('maven-crm-sales-opportunities'));
  await expect(page.getByLabel('Saved mappings')).toBeVisible();
  await page.getByLabel('Saved mappings').selectOption('Maven pipeline');
  await expect(page.getByLabel('sales_pipeline.csv: amount to use when empty')).toHaveValue('0');
});

test('a lead named <img src=x onerror=alert(1)> shows as text and no dialog opens; its CSV export is neutralised', async ({
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openData(page);
  const leads =
    'id,created_at,title\nL1,2026-01-05,<img src=x onerror=alert(1)>\nL2,2026-01-06,"=HYPERLINK(""http://evil.example"",""click"")"\nL3,not a date,<b>bold</b>\n';
  await dropFiles(page, [{ name: 'leads.csv', base64: b64(leads) }]);
  const report = page.getByRole('region', { name: 'Import report (preview)' });
  await expect(report).toContainText('3 rows read: 2 accepted, 0 repaired, 1 rejected.');
  await expect(report.getByRole('cell', { name: 'not a date' })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows as CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('leads.csv,3,created_at,not a date,');
  expect(dialogs).toBe(0);
});

test('an exported CSV with a =HYPERLINK( value is neutralised', async ({ page }) => {
  await openData(page);
  const opps =
    'id,created_at,amount,status\nO1,2026-01-05,"=HYPERLINK(""http://evil.example"",""x"")",open\nO2,2026-01-05,-5,open\n';
  await dropFiles(page, [{ name: 'opportunities.csv', base64: b64(opps) }]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows as CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  // The value cell is quoted and prefixed with ' so a spreadsheet shows text, not a formula;
  // the plain number -5 stays a number.
  expect(csv).toContain(`opportunities.csv,1,amount,"'=HYPERLINK(""http://evil.example"",""x"")",`);
  expect(csv).toContain('opportunities.csv,2,amount,-5,');
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
});

test('a Windows-1252 file is detected, decoded and said so (in the browser)', async ({ page }) => {
  await openData(page);
  // "Zoë" and "€" in Windows-1252 bytes: 0xEB and 0x80.
  const bytes = Uint8Array.from(
    [...'id,created_at,title\nL1,2026-01-05,Zo\u00eb \u0080 lead\n'].map((c) => c.charCodeAt(0)),
  );
  await dropFiles(page, [{ name: 'leads.csv', base64: b64(bytes) }]);
  const report = page.getByRole('region', { name: 'Import report (preview)' });
  await expect(report).toContainText('read as Windows-1252');
  await page.getByRole('button', { name: 'Replace the current dataset' }).click();
  await expect(page.getByRole('heading', { name: /Loaded dataset/ })).toContainText('leads');
  await screenshot(page, 'import-windows-1252');
  // The loaded title, exported as canonical JSON, holds the decoded characters.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Canonical JSON' }).click();
  const json = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(json.leads[0].title).toBe('Zoë € lead');
});
