import { wilsonInterval } from '../../src/engine/funnel/stats';
import { formatRateWithInterval } from '../../src/lib/format';
import { expect, screenshot, test, waitForDataset } from './fixtures';

test('the MQL→SQO comparison includes every source with 30 MQLs, small sources too, and its tooltips carry a 95% interval', async ({
  page,
}) => {
  await page.goto('/funnel');
  await waitForDataset(page);
  const chart = page.getByRole('region', { name: 'MQL→SQO by source and quarter' });
  await expect(chart.getByText(/every group with at least 30 MQLs \(\d+ of \d+\)/)).toBeVisible();
  const legend = chart.locator('.recharts-legend-item-text');
  for (const source of ['demo_request', 'referral', 'partner'])
    await expect(legend.filter({ hasText: new RegExp(`^${source}$`) })).toHaveCount(1);

  // The tooltip of demo_request's first quarter: its rate, 95% Wilson interval and n, worked from its counts.
  const bar = chart.getByRole('button', { name: /^demo_request, / }).first();
  await bar.hover();
  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toContainText('95% CI');
  const lines = await tooltip.locator('div').allTextContents();
  const [hits, base] = lines[2]!.split(' of ').map((s) => Number(s.replace(/,/g, '')));
  const ci = wilsonInterval(hits!, base!)!;
  expect(lines[1]).toBe(`MQL→SQO ${formatRateWithInterval({ rate: hits! / base!, n: base!, lo: ci.lo, hi: ci.hi })}`);
  await chart.screenshot({ path: 'screenshots/small-samples-comparison.png' });
  await screenshot(page, 'small-samples');
});

test('a rate on few deals is marked with its n, and the threshold is kept in the URL', async ({ page }) => {
  await page.goto('/funnel?by=campaign');
  await waitForDataset(page);
  const table = page.getByRole('table', { name: 'Funnel by Campaign' });
  // 2026-Q1 Data vendor list: 2 won of 2 closed. 100%, but on two deals: the cell says so.
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: /^2026-Q1 Data vendor list$/ }) });
  const winRate = row.locator('td').last();
  await expect(winRate).toHaveText('100.0% n = 2');
  await expect(winRate).toHaveAttribute('data-small-sample', '');

  // At a threshold of 2, two deals are enough: the mark goes, and the threshold is in the URL.
  await page.getByRole('spinbutton', { name: 'Small sample below (n)' }).fill('2');
  await expect(page).toHaveURL(/minN=2/);
  await expect(winRate).toHaveText('100.0%');
  await expect(winRate).not.toHaveAttribute('data-small-sample', '');
});
