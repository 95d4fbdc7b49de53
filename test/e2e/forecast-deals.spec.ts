import { expect, screenshot, test, waitForDataset } from './fixtures';

/** The money in a drillable bar's name: "Won: −$1,366,900, 12 moves — list its deals" → "$1,366,900". */
const moneyIn = (label: string | null) => label!.match(/\$\d{1,3}(?:,\d{3})*/)![0];
const countIn = (label: string | null) => label!.match(/([\d,]+) (deals?|moves?) —/)![1]!;

test('a waterfall step and a forecast category bar each open their deals, and the list totals the figure', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);

  const step = page.getByRole('button', { name: /^Pushed out: −\$[\d,]+, [\d,]+ moves? — list its deals$/ });
  const stepLabel = await step.getAttribute('aria-label');
  await step.click();
  await expect(page).toHaveURL(/deals=/);
  await expect(page.getByRole('heading', { name: /^Deals behind: Pushed out, pipeline waterfall \d{4}-Q\d$/ })).toBeVisible();
  await expect(page.getByTestId('deal-list-total')).toHaveText(new RegExp(`step amount in all: \\${moneyIn(stepLabel)}$`));
  await screenshot(page, 'forecast-deals-waterfall');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page).not.toHaveURL(/deals=/);

  // The current quarter's Commit bar (the fourth of seven quarters), opened from the keyboard.
  const bar = page.getByRole('button', { name: /^\d{4}-Q\d, Commit \(incl\. closed\): \$[\d,]+, [\d,]+ deals? — list its deals$/ }).nth(3);
  const barLabel = await bar.getAttribute('aria-label');
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Deals behind: Commit \(cumulative\), \d{4}-Q\d$/ })).toBeVisible();
  const n = countIn(barLabel);
  await expect(page.getByTestId('deal-list-total')).toHaveText(`${n} ${n === '1' ? 'deal' : 'deals'}; amount in all: ${moneyIn(barLabel)}`);
  await expect(page.getByRole('region', { name: /^Deal list: Commit/ }).getByRole('row').nth(1)).toContainText(/Commit|Closed/);
});

test('the headline weighted pipeline opens its deals, from the Forecast view and from the Overview', async ({ page }) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  const headline = page.getByRole('region', { name: 'Pipeline headline figures' });
  // The stat's full figure is its help text, e.g. "$2,251,234".
  const full = (await headline.locator('.stat', { hasText: 'Weighted pipeline' }).locator('[role=tooltip]').textContent()) ?? '';
  await headline.getByRole('button', { name: 'Show the deals behind the weighted pipeline' }).click();
  await expect(page.getByRole('heading', { name: 'Deals behind: Weighted pipeline' })).toBeVisible();
  const total = (await page.getByTestId('deal-list-total').innerText()).match(/\$[\d,]+$/)![0];
  expect(full).toContain(total);

  await page.goto('/overview');
  await waitForDataset(page);
  await page.getByRole('button', { name: 'Show the deals behind the weighted pipeline' }).click();
  await expect(page).toHaveURL(/\/forecast\?.*deals=/);
  await expect(page.getByTestId('deal-list-total')).toHaveText(new RegExp(`weighted amount in all: \\${total}$`));
});
