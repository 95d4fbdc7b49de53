import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, test, waitForDataset } from './fixtures';

const VIEWS = [
  { link: 'Overview', title: 'Overview', path: '/overview' },
  { link: 'Funnel', title: 'Funnel', path: '/funnel' },
  { link: 'Intent & scoring', title: 'Intent & scoring', path: '/intent' },
  { link: 'Qualification rules', title: 'Qualification rules', path: '/rules' },
  { link: 'Forecast', title: 'Forecast', path: '/forecast' },
  { link: 'Hygiene', title: 'SQO hygiene', path: '/hygiene' },
  { link: 'Data', title: 'Data', path: '/data' },
];

test('opens on the demo company and visits every view through the navigation', async ({ page, errors }) => {
  const started = Date.now();
  await page.goto('/');
  await waitForDataset(page);
  console.log(`demo company shown after ${Date.now() - started} ms`);
  await expect(page.getByTestId('dataset-name')).toHaveText(/demo/);
  await expect(page.locator('header time')).toBeVisible();
  for (const v of VIEWS) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: v.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${v.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: v.title })).toBeVisible();
    await expect(page.getByRole('link', { name: v.link, exact: true })).toHaveAttribute('aria-current', 'page');
    await screenshot(page, `view-${v.path.slice(1)}`);
  }
  expect(errors).toEqual([]);
});

test('a filter change lands in the URL and survives a reload', async ({ page }) => {
  await page.goto('/funnel');
  await waitForDataset(page);
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Source: All').click();
  const first = filters.getByRole('group', { name: 'Source' }).getByRole('checkbox').first();
  const value = (await first.locator('xpath=..').innerText()).trim();
  await first.check();
  await expect(page).toHaveURL(new RegExp(`source=${value}`));
  await filters.getByLabel('Created from').fill('2025-06-01');
  await expect(page).toHaveURL(/from=2025-06-01/);
  await page.reload();
  await waitForDataset(page);
  await expect(page.getByLabel('Created from')).toHaveValue('2025-06-01');
  await expect(page.getByRole('form', { name: 'Filters' }).locator('summary').first()).toHaveAccessibleName(
    `Source: ${value}`,
  );
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page).toHaveURL(/\/data\?.*from=2025-06-01/);
});

test('the Data view lists the dataset and its import report', async ({ page }) => {
  await page.goto('/data');
  await waitForDataset(page);
  await expect(page.getByRole('heading', { name: /Loaded dataset:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import report' })).toBeVisible();
  await expect(page.getByText(/rows read: .* accepted, .* repaired, .* rejected/)).toBeVisible();
  await expect(page.getByText('Bots excluded', { exact: true })).toBeVisible();
  await screenshot(page, 'data-report');
});

for (const v of VIEWS) {
  test(`no serious or critical accessibility violations on ${v.title}`, async ({ page }) => {
    await page.goto(v.path);
    await waitForDataset(page);
    await expect(page.getByRole('heading', { level: 1, name: v.title })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map(
        (x) =>
          `${x.id}: ${x.help} (${x.nodes.length} nodes: ${x.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')})`,
      );
    expect(serious).toEqual([]);
  });
}
