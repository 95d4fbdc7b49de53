import { expect, screenshot, test, waitForDataset } from './fixtures';

test('the fit shows its fold range, and every lead gets a probability with its top factors', async ({ page }) => {
  await page.goto('/rules?demoLeads=6000');
  await waitForDataset(page);
  await page.getByRole('button', { name: 'Fit suggested weights' }).click();
  await expect(page.getByTestId('auc-cv')).toHaveText(
    /^5 folds \d\.\d+–\d\.\d+ \(mean \d\.\d+\), L2 penalty (0\.1|1|10) chosen from 0\.1, 1, 10$/,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('calibration')).toContainText('Platt scaling');

  // The list of leads that change status: probability and factors, sortable by probability.
  const list = page.getByRole('region', { name: 'Leads that change status' });
  const header = list.getByRole('columnheader', { name: /Probability of reaching SQO/ });
  await expect(list.getByRole('row').nth(1).getByRole('cell').nth(6)).toHaveText(/^\d+(\.\d)?%$/, { timeout: 30_000 });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const cells = await list.getByRole('row').locator('td:nth-child(7)').allTextContents();
  const shown = cells.slice(0, 5).map((t) => Number(t.replace('%', '')));
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  const leadId = (await list.getByRole('row').nth(1).getByRole('cell').first().textContent())!;

  // The lead explanation: the same probability and its top 3 factors.
  await page.getByLabel('Lead id').fill(leadId);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(page.getByTestId('lead-probability')).toContainText(`Probability of reaching SQO: ${cells[0]}`);
  await expect(page.getByRole('table', { name: 'Probability of the lead' }).getByRole('row')).toHaveCount(4);
  await screenshot(page, 'rules-fit-probability');
});
