import { expect, screenshot, test, waitForDataset } from './fixtures';

/** The money in a drillable bar's name: "Won: −$1,366,900, 12 moves — list its deals" → "$1,366,900". */
const moneyIn = (label: string | null) => label!.match(/\$\d{1,3}(?:,\d{3})*/)![0];
const countIn = (label: string | null) => label!.match(/([\d,]+) (deals?|moves?) —/)![1]!;

test('a waterfall step and a forecast category bar each open their deals, and the list totals the figure', async ({
  page,
}) => {
  await page.goto('/forecast');
  await waitForDataset(page);

  const step = page.getByRole('button', { name: /^Pushed out: −\$[\d,]+, [\d,]+ moves? — list its deals$/ });
  const stepLabel = await step.getAttribute('aria-label');
  await step.click();
  await expect(page).toHaveURL(/deals=/);
  await expect(
    page.getByRole('heading', { name: /^Deals behind: Pushed out, pipeline waterfall \d{4}-Q\d$/ }),
  ).toBeVisible();
  await expect(page.getByTestId('deal-list-total')).toHaveText(
    new RegExp(`step amount in all: \\${moneyIn(stepLabel)}$`),
  );
  await screenshot(page, 'forecast-deals-waterfall');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page).not.toHaveURL(/deals=/);

  // The current quarter's Commit bar (the fourth of seven quarters), opened from the keyboard.
  const bar = page
    .getByRole('button', { name: /^\d{4}-Q\d, Commit \(incl\. closed\): \$[\d,]+, [\d,]+ deals? — list its deals$/ })
    .nth(3);
  const barLabel = await bar.getAttribute('aria-label');
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Deals behind: Commit \(cumulative\), \d{4}-Q\d$/ })).toBeVisible();
  const n = countIn(barLabel);
  await expect(page.getByTestId('deal-list-total')).toHaveText(
    `${n} ${n === '1' ? 'deal' : 'deals'}; amount in all: ${moneyIn(barLabel)}`,
  );
  await expect(
    page
      .getByRole('region', { name: /^Deal list: Commit/ })
      .getByRole('row')
      .nth(1),
  ).toContainText(/Commit|Closed/);
});

test('the headline weighted pipeline opens its deals, from the Forecast view and from the Overview', async ({
  page,
}) => {
  await page.goto('/forecast');
  await waitForDataset(page);
  const headline = page.getByRole('region', { name: 'Pipeline headline figures' });
  // The stat's full figure is its help text, e.g. "$2,251,234".
  const full =
    (await headline
      .locator('.stat')
      .filter({ has: page.locator('.stat__label').getByText('Weighted pipeline', { exact: true }) })
      .locator('[role=tooltip]')
      .textContent()) ?? '';
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

test('an SQO-lag forecast and a projected quarter open their deals; the model’s list says what it counts', async ({
  page,
}) => {
  await page.goto('/forecast');
  await waitForDataset(page);

  // A back-tested quarter's forecast from SQOs, in the table under the SQO-lag chart.
  const cell = page
    .getByTestId('sqo-lag-figures')
    .getByRole('button', { name: /^Forecast from SQOs \d{4}-Q\d: \$[\d,]+ — list its deals$/ })
    .nth(2);
  const label = await cell.getAttribute('aria-label');
  const quarter = label!.match(/\d{4}-Q\d/)![0];
  await cell.click();
  await expect(
    page.getByRole('heading', { name: `Deals behind: Bookings forecast from SQOs, ${quarter}` }),
  ).toBeVisible();
  await expect(page.getByTestId('deal-list-total')).toHaveText(
    new RegExp(`; expected bookings in all: \\${moneyIn(label)}$`),
  );
  await expect(page.getByTestId('deal-list-note')).toContainText("A model, not a sum of these deals' amounts");
  await expect(
    page
      .getByRole('region', { name: /^Deal list: Bookings forecast from SQOs/ })
      .getByRole('columnheader', { name: /^Expected bookings/ }),
  ).toBeVisible();
  await screenshot(page, 'forecast-deals-sqo-lag');

  // The coverage table's projected bookings of the current quarter: won + weighted open due.
  const projected = page.getByRole('button', { name: /^Projected \d{4}-Q\d: \$[\d,]+ — list its deals$/ }).first();
  const projectedLabel = await projected.getAttribute('aria-label');
  await projected.click();
  await expect(page.getByRole('heading', { name: /^Deals behind: Projected bookings, \d{4}-Q\d$/ })).toBeVisible();
  await expect(page.getByTestId('deal-list-total')).toHaveText(
    new RegExp(`; counted amount in all: \\${moneyIn(projectedLabel)}$`),
  );
});
