import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForDataset } from './fixtures';

const draftMqls = (page: Page) => page.getByTestId('whatif-draft-MQLs');

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
  await expect(page).toHaveURL(/mqlMinFit=(6\d|7\d)/);
  await expect(draftMqls(page)).not.toHaveText(before ?? '');
  // The last-applied column keeps the applied threshold.
  await expect(page.getByTestId('whatif-applied-MQLs')).toHaveText(before ?? '');
  await screenshot(page, 'rules-what-if');
});

/** Every figure of the what-if table and the status-change count, once no recompute is pending. */
async function settledFigures(page: Page): Promise<{ whatIf: string[]; changes: string }> {
  await expect(page.locator('.what-if')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('section[aria-labelledby="changes-heading"]')).toHaveAttribute('aria-busy', 'false');
  const whatIf = await page.getByRole('table', { name: 'What-if figures' }).locator('td').allTextContents();
  const changes = (await page.getByTestId('status-changes-total').textContent()) ?? '';
  return { whatIf, changes };
}

/** Presses a slider's thumb and sweeps it through many values (no pause between moves), then releases at `to` (0–1). */
async function sweep(page: Page, name: string, to: number): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const [value, min, max] = await slider.evaluate((el: HTMLInputElement) => [
    Number(el.value),
    Number(el.min),
    Number(el.max),
  ]);
  const y = box.y + box.height / 2;
  const x = (f: number) => box.x + 8 + (box.width - 16) * f;
  await page.mouse.move(x((value - min) / (max - min)), y);
  await page.mouse.down();
  for (const f of [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, to]) await page.mouse.move(x(f), y, { steps: 6 });
  await page.mouse.up();
}

test('after a fast drag of a threshold and a weight slider the figures equal a fresh load with the final values', async ({
  page,
  context,
}) => {
  await page.goto('/rules');
  await waitForDataset(page);
  await expect(draftMqls(page)).toHaveText(/\d/, { timeout: 30_000 });
  await sweep(page, 'MQL minimum fit', 0.55);
  await sweep(page, 'Decay half-life', 0.35);
  const fit = await page.getByRole('slider', { name: 'MQL minimum fit', exact: true }).inputValue();
  const halfLife = await page.getByRole('slider', { name: 'Decay half-life', exact: true }).inputValue();
  // The threshold is in the link once the slider is released; the half-life is in the draft.
  await expect(page).toHaveURL(new RegExp(`mqlMinFit=${fit}(&|$)`));
  const dragged = await settledFigures(page);

  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitForDataset(fresh);
  await expect(draftMqls(fresh)).toHaveText(/\d/, { timeout: 30_000 });
  await expect(fresh.getByRole('slider', { name: 'MQL minimum fit', exact: true })).toHaveValue(fit);
  await fresh.getByRole('spinbutton', { name: 'Decay half-life value' }).fill(halfLife);
  await expect(fresh.getByRole('slider', { name: 'Decay half-life', exact: true })).toHaveValue(halfLife);
  expect(await settledFigures(fresh)).toEqual(dragged);
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

test('a saved rule set keeps the stage → forecast category map and restores it on load', async ({ page }) => {
  // The map edited on the Forecast view travels with the link to the Rules view.
  await page.goto('/forecast?cat.proposal=commit');
  await waitForDataset(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Qualification rules' }).click();
  await expect(page).toHaveURL(/\/rules\?.*cat\.proposal=commit/);
  await page.getByLabel('Rule set name').fill('Proposal is commit');
  await page.getByRole('button', { name: 'Save draft as…' }).click();
  await expect(page.getByText('Saved "Proposal is commit".')).toBeVisible();
  await page.goto('/rules');
  await waitForDataset(page);
  await page.getByRole('button', { name: 'Load as draft' }).click();
  await expect(
    page.getByText('Loaded "Proposal is commit" as the draft, with its stage → forecast category map.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/cat\.proposal=commit/);
});

test('a corrupt stored rule set shows a notice, not a crash', async ({ page }) => {
  await page.addInitScript(() =>
    window.localStorage.setItem(
      'revlens.ruleSets',
      '{"version":2,"saved":[{"name":"broken","rules":{"halfLifeDays":"x"}}],"applied":',
    ),
  );
  await page.goto('/rules');
  await waitForDataset(page);
  await expect(page.getByRole('alert').filter({ hasText: 'corrupt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thresholds' })).toBeVisible();
  await screenshot(page, 'rules-corrupt-notice');
});

test('the intent view shows accuracy and the thresholds in the link', async ({ page }) => {
  // A link of the first URL version (mqlIntent, high): links shared before still open.
  await page.goto('/intent?mqlIntent=45&high=70');
  await waitForDataset(page);
  await expect(page.getByText('AUC intent → SQO')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Thresholds in use: High ≥ 70 · Mid ≥ 30 · MQL intent ≥ 45/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fit by intent matrix' })).toContainText('Work now');
  await screenshot(page, 'intent-view');
});
