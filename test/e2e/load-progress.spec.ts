import { expect, screenshot, test, waitForDataset } from './fixtures';

test('a large demo company shows what is happening, how far and how long, names it in the header, and can be cancelled', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/overview?demoLeads=600000');
  const bar = page.locator('.load-progress');
  await expect(bar).toContainText(/Generating the demo company, 600,000 leads: [\d,]+ of 600,000 leads generated/, {
    timeout: 30_000,
  });
  await expect(bar.getByRole('progressbar', { name: 'Loading the demo company, 600,000 leads' })).toBeVisible();
  await expect(page.getByTestId('dataset-loading')).toHaveText('Loading the demo company, 600,000 leads…');
  await expect(bar).toContainText(/about \d+ (s|min) left/, { timeout: 30_000 });
  await screenshot(page, 'load-progress');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('header')).toContainText('No dataset loaded');

  // The Data view loads a company again, with the same progress, and the header names it.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('button', { name: 'Load demo company' }).click();
  await waitForDataset(page);
  await expect(page.getByTestId('dataset-name')).toHaveText(/demo/);
});
