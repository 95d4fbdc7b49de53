import AxeBuilder from '@axe-core/playwright';
import { expect, test, waitForDataset } from './fixtures';

test('the forecast accuracy chart renders for the demo and names the most accurate method', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  const card = page.getByRole('region', { name: 'Forecast accuracy' });
  const headline = card.getByTestId('accuracy-headline');
  await expect(headline).toContainText(
    /by (.+), the most accurate method over the last \d quarters \(MAPE \d+\.\d%\)/,
    { timeout: 60_000 },
  );
  const best = /by (.+?), the most accurate/.exec((await headline.textContent()) ?? '')![1]!;

  // The chart: named, one line per method, the most accurate said in its legend, units on both axes.
  const chart = card.locator('svg[aria-label^="Forecast error by week of the quarter, per method"]');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-line')).toHaveCount(5);
  await expect(card.locator('.recharts-legend-wrapper')).toContainText(`${best} (most accurate)`);
  await expect(chart).toContainText('Week of the quarter');
  await expect(chart).toContainText('Mean absolute error (%)');

  // The MAPE table marks the same method.
  const bestRow = card
    .getByRole('table', { name: 'MAPE per forecast method' })
    .getByRole('row')
    .filter({ hasText: 'most accurate' });
  await expect(bestRow).toHaveCount(1);
  await expect(bestRow.getByRole('rowheader')).toContainText(best);

  await card.screenshot({ path: 'screenshots/forecast-accuracy.png' });
  const axe = await new AxeBuilder({ page }).include('[data-testid="forecast-accuracy"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('the headline expected bookings and the Overview projection use the most accurate method, or the one chosen', async ({
  page,
}) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  const headline = page.getByRole('region', { name: 'Pipeline headline figures' });
  await expect(headline).toContainText(/(.+) — most accurate here, MAPE \d+\.\d% over \d quarters/, {
    timeout: 60_000,
  });
  await headline.getByLabel('Expected bookings by').selectOption('commit');
  await expect(page).toHaveURL(/fcm=commit/);
  await expect(headline).toContainText(/Commit — (chosen; MAPE|chosen, and most accurate here)/);

  // The Overview projects with the same method: the choice travels with the link.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Pipeline and bookings against quota' });
  await expect(panel).toContainText(/Commit — (chosen; MAPE|chosen, and most accurate here)/, { timeout: 60_000 });
});
