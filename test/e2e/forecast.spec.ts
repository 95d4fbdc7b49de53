import { expect, screenshot, test, waitForDataset } from './fixtures';

test('the Forecast view shows pipeline, coverage, the SQO lag and the waterfall', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
  await expect(page.getByText('Weighted pipeline', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Pipeline and weighted pipeline by close quarter/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Coverage of the remaining quota/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /SQOs created per quarter/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Pipeline waterfall/ })).toBeVisible();
  await screenshot(page, 'forecast');
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
