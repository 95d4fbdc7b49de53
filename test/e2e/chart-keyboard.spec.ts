import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForDataset } from './fixtures';

/**
 * Charts for keyboard and screen-reader users: every chart has an accessible name, and a bar that
 * drills is a tab stop that Enter or Space activates, as a click does.
 */
const VIEWS = ['/overview', '/funnel', '/intent', '/rules', '/forecast', '/hygiene'];

async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForDataset(page);
  await expect(page.locator('.recharts-wrapper').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.state--loading')).toHaveCount(0, { timeout: 30_000 });
}

/** Presses Tab from the focused element until a drillable bar whose name matches is focused. */
async function tabToBar(page: Page, name: RegExp, maxPresses = 20): Promise<string> {
  for (let k = 0; k < maxPresses; k++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('chart-drill') ? (el.getAttribute('aria-label') ?? '') : null;
    });
    if (focused !== null && name.test(focused)) return focused;
  }
  throw new Error(`no drillable bar named ${name} within ${maxPresses} Tab presses`);
}

for (const path of VIEWS) {
  test(`every chart on ${path} has an accessible name`, async ({ page }) => {
    await settle(page, path);
    const names = await page
      .locator('.recharts-wrapper > svg')
      .evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^\S.*: chart; its figures are in the table/);
    // The name is what assistive technology reads for the chart's role.
    await expect(page.getByRole('application', { name: /: chart; its figures/ })).toHaveCount(names.length);
  });
}

test('a keyboard-only user reaches a funnel bar by Tab and drills with Enter, a quarter bar with Space', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await settle(page, '/funnel');
  const funnel = page.getByRole('region', { name: 'Leads reaching each stage' });
  await funnel.getByRole('button', { name: 'Export Leads reaching each stage as PNG' }).focus();
  const won = await tabToBar(page, /^Won: /);
  expect(won).toMatch(/— show the leads behind it$/);
  // Enter at once, while the bar has the focus; the picture of the focus ring is taken after.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Leads behind: Reached Won' })).toBeVisible();
  await screenshot(page, 'chart-keyboard-drill');
  await expect(page).toHaveURL(/drill=/);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Leads behind/ })).toHaveCount(0);

  const conversion = page.getByRole('region', { name: /MQL→SQO conversion by quarter/ });
  await conversion.getByRole('button', { name: /as PNG$/ }).focus();
  await tabToBar(page, /\d{4}-Q\d/);
  await page.keyboard.press(' ');
  await expect(page).toHaveURL(/%22cohort%22/);
  await expect(
    page.getByRole('heading', { name: /Leads behind: MQL→SQO: MQLs of \d{4}-Q\d \(cohort\)/ }),
  ).toBeVisible();
});

test('Enter on an Overview funnel bar opens the Funnel view', async ({ page }) => {
  await settle(page, '/overview');
  // The pipeline chart's bars above it drill too, into the Forecast view's deal lists.
  const bar = page.locator('.chart-drill[aria-label$="— open the Funnel view"]').first();
  await expect(page.locator('.chart-drill[aria-label$="— list its deals"]').first()).toBeAttached();
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/funnel/);
  await expect(page.getByRole('heading', { level: 1, name: 'Funnel' })).toBeVisible();
});
