import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForDataset } from './fixtures';

/** Serious or critical accessibility violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map(
      (x) =>
        `${x.id}: ${x.help} (${x.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
}

test('the Forecast view shows pipeline, coverage, the SQO lag and the waterfall', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
  await expect(page.getByText('Weighted pipeline', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Pipeline and weighted pipeline by close quarter/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Coverage of the remaining quota/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /SQOs created per quarter/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Pipeline waterfall/ })).toBeVisible();
  await screenshot(page, 'forecast');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the scenario planner reproduces the worked example on screen', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  await page.getByRole('button', { name: 'Load the worked example' }).click();
  const stages = page.getByRole('list', { name: 'Stage counts' });
  await expect(stages).toContainText('4,800 MQLs');
  await expect(stages).toContainText('1,440 SALs');
  await expect(stages).toContainText('420 SQLs');
  await expect(stages).toContainText('168 SQOs');
  await expect(page.getByText('$8,064,000', { exact: true })).toBeVisible();
  await expect(page.getByText('$1,774,080', { exact: true })).toBeVisible();
  await expect(page.getByText('$8.06M', { exact: true })).toBeVisible();
  await expect(page.getByText('$1.77M', { exact: true })).toBeVisible();
  await page.getByRole('heading', { name: /Scenario planner/ }).scrollIntoViewIfNeeded();
  await screenshot(page, 'forecast-scenario');
});

test('the hygiene detectors show their figures and their lists open', async ({ page }) => {
  await page.goto('/hygiene');
  await waitForDataset(page);
  for (const name of [
    'Fast-track conversions',
    'Pass-through opportunities',
    'Re-stage gymnastics',
    'Marketing-sourced tagging',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  const card = page.getByRole('article', { name: 'Fast-track conversions' });
  const button = card.getByRole('button', { name: /Show the [\d,]+ opportunities/ });
  const count = (await button.innerText()).match(/[\d,]+/)![0];
  await button.click();
  await expect(page).toHaveURL(/list=fastTrack/);
  await expect(
    page.getByRole('heading', { name: `Fast-track conversions: the ${count} flagged opportunities` }),
  ).toBeVisible();
  const table = page.getByRole('region', { name: 'Fast-track conversions: flagged opportunities' });
  await expect(table.getByRole('row').nth(1)).toContainText(/no SQL entry|after SQL|missing/);
  await screenshot(page, 'hygiene');
  await page.getByText("Edit the detectors' rules").click();
  expect(await seriousViolations(page)).toEqual([]);
  await page
    .getByRole('article', { name: 'Re-stage gymnastics' })
    .getByRole('button', { name: /Show the/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Re-stage gymnastics: flagged opportunities' }).getByRole('row').nth(1),
  ).toContainText(/back on \d{4}-/);
});

test('the Overview shows pipeline, weighted pipeline, coverage and projected bookings against quota', async ({
  page,
}) => {
  await page.goto('/overview');
  await waitForDataset(page);
  const panel = page.getByRole('region', { name: 'Pipeline and bookings against quota' });
  await expect(panel.getByText('Open pipeline', { exact: true })).toBeVisible();
  await expect(panel.getByText('Weighted pipeline', { exact: true })).toBeVisible();
  await expect(panel.getByText(/^Coverage \d{4}-Q\d$/)).toBeVisible();
  await expect(panel.getByRole('heading', { name: /Projected bookings against quota/ })).toBeVisible();
  await screenshot(page, 'overview-pipeline');
});
