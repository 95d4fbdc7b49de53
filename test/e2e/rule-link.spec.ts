import type { Page } from '@playwright/test';
import { expect, test, waitForDataset } from './fixtures';

/** A link is the whole state: the rule set in use travels with it, and no other view's parameters do. */

const STATS = [
  'AUC fit → SQO',
  'AUC intent → SQO',
  'AUC combined → SQO',
  'AUC combined → won',
  'Qualified (matured)',
  'High intent',
  'Mid intent',
  'Low intent',
];

/** Which rules the view says it scores with (the line under the view's heading). */
const source = (page: Page) => page.locator('.view-header').getByTestId('rules-source');

/** The Intent view's headline figures, once computed. */
async function intentFigures(page: Page): Promise<Record<string, string>> {
  await expect(page.getByText('AUC intent → SQO')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  const out: Record<string, string> = {};
  for (const label of STATS) {
    out[label] = (await page
      .locator('.stat')
      .filter({ has: page.locator('.stat__label').getByText(label, { exact: true }) })
      .locator('.stat__value')
      .textContent())!;
  }
  return out;
}

test('a link copied after applying a custom rule set shows the same figures in a fresh browser, with the banner', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto('/rules');
  await waitForDataset(page);
  await page.getByRole('spinbutton', { name: 'Decay half-life value' }).fill('10');
  await page.getByRole('button', { name: 'Apply draft' }).click();
  await expect(page).toHaveURL(/[?&]rules=1\./);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Intent & scoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intent & scoring' })).toBeVisible();
  await expect(source(page)).toHaveText('Scored with the applied rules');
  const sender = await intentFigures(page);
  const link = page.url();
  expect(link).toMatch(/[?&]rules=1\./);

  const colleague = await browser.newContext();
  try {
    const fresh = await colleague.newPage();
    await fresh.goto(link);
    await waitForDataset(fresh);
    await expect(fresh.getByTestId('rules-link-banner')).toHaveText(/This link uses rules: custom/);
    await expect(fresh.getByRole('button', { name: 'Keep' })).toBeVisible();
    await expect(fresh.getByRole('button', { name: 'Save as rule set' })).toBeVisible();
    await expect(fresh.getByRole('button', { name: 'Use mine' })).toBeVisible();
    await expect(source(fresh)).toHaveText("Scored with the link's rules: custom (not yet yours)");
    expect(await intentFigures(fresh)).toEqual(sender);

    // Without the link's rules the colleague's (default) rules give other figures: the link carried them.
    await fresh.getByRole('button', { name: 'Use mine' }).click();
    await expect(fresh).not.toHaveURL(/rules=/);
    await expect(fresh.getByTestId('rules-link-banner')).toHaveCount(0);
    await expect(source(fresh)).toHaveText('Scored with the applied rules');
    expect(await intentFigures(fresh)).not.toEqual(sender);

    // Keep makes them the colleague's own rules: no banner, same figures as the sender.
    await fresh.goto(link);
    await waitForDataset(fresh);
    await fresh.getByRole('button', { name: 'Keep' }).click();
    await expect(fresh.getByTestId('rules-link-banner')).toHaveCount(0);
    await expect(source(fresh)).toHaveText('Scored with the applied rules');
    expect(await intentFigures(fresh)).toEqual(sender);
  } finally {
    await colleague.close();
  }
});

test('a tampered rules link is refused with a notice and scores with the browser own rules', async ({ page }) => {
  await page.goto('/intent?rules=1.abc.q1YqUrKqVspIzEnzyUxLdUmsLFayMjSorQUA');
  await waitForDataset(page);
  await expect(page.getByRole('alert').filter({ hasText: "This link's rules could not be read" })).toBeVisible();
  await expect(source(page)).toHaveText('Scored with the applied rules');
});

test("a link never carries another view's parameters", async ({ page }) => {
  await page.goto('/hygiene?list=fastTrack&source=webinar');
  await waitForDataset(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Forecast' }).click();
  await expect(page).toHaveURL(/\/forecast\?source=webinar$/);
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Hygiene' })).toHaveAttribute(
    'href',
    /\/hygiene\?source=webinar$/,
  );
});
