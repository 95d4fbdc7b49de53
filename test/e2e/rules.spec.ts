import { expect, screenshot, test, waitForDataset } from './fixtures';

const draftMqls = (page: import('@playwright/test').Page) => page.getByTestId('whatif-draft-MQLs');

test('dragging the MQL threshold slider changes the what-if figures and the URL', async ({ page }) => {
  await page.goto('/rules');
  await waitForDataset(page);
  await expect(draftMqls(page)).toHaveText(/\d/, { timeout: 30_000 });
  const before = await draftMqls(page).textContent();
  const slider = page.getByRole('slider', { name: 'MQL minimum fit' });
  const box = (await slider.boundingBox())!;
  // Drag from the current value (40 of 0–100) to about 70.
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.mouse.down();
  for (const f of [0.5, 0.6, 0.7]) await page.mouse.move(box.x + box.width * f, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(/mqlFit=(6\d|7\d)/);
  await expect(draftMqls(page)).not.toHaveText(before ?? '');
  // The last-applied column keeps the applied threshold.
  await expect(page.getByTestId('whatif-applied-MQLs')).toHaveText(before ?? '');
  await screenshot(page, 'rules-what-if');
});

test('a saved rule set survives a reload and loads back', async ({ page }) => {
  await page.goto('/rules');
  await waitForDataset(page);
  const halfLife = page.getByRole('spinbutton', { name: 'Decay half-life value' });
  await halfLife.fill('14');
  await page.getByLabel('Rule set name').fill('Short decay');
  await page.getByRole('button', { name: 'Save draft as…' }).click();
  await expect(page.getByText('Saved "Short decay".')).toBeVisible();
  await page.reload();
  await waitForDataset(page);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Decay half-life value' })).toHaveValue('30');
  await expect(page.getByLabel('Saved rule sets')).toContainText('Short decay');
  await page.getByRole('button', { name: 'Load as draft' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Decay half-life value' })).toHaveValue('14');
});

test('a corrupt stored rule set shows a notice, not a crash', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('revlens.ruleSets', '{"version":2,"saved":[{"name":"broken","rules":{"halfLifeDays":"x"}}],"applied":'));
  await page.goto('/rules');
  await waitForDataset(page);
  await expect(page.getByRole('alert').filter({ hasText: 'corrupt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thresholds' })).toBeVisible();
  await screenshot(page, 'rules-corrupt-notice');
});

test('the intent view shows accuracy and the thresholds in the link', async ({ page }) => {
  await page.goto('/intent?mqlIntent=45&high=70');
  await waitForDataset(page);
  await expect(page.getByText('AUC intent → SQO')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Thresholds in use: High ≥ 70 · Mid ≥ 30 · MQL intent ≥ 45/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fit by intent matrix' })).toContainText('Work now');
  await screenshot(page, 'intent-view');
});
