import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, waitForDataset } from './fixtures';

/**
 * A Salesforce export with amounts in USD, COP, MXN and PEN and the user's currency_rates.csv (MXN
 * only). Open: A $1,000.00, C1 40,000,000.00 COP, C2 8,000,000.00 COP, M 20,000.00 MXN, P 3,000.00 PEN;
 * won: W $500.00.
 */
const OPPORTUNITY = [
  'Id,Name,StageName,Amount,CurrencyIsoCode,CloseDate,CreatedDate,IsClosed,IsWon',
  '006A,Deal A,Prospecting,1000.00,USD,2026-08-01,2026-04-01T10:00:00.000+0000,0,0',
  '006C1,Deal C1,Prospecting,40000000.00,COP,2026-08-01,2026-04-02T10:00:00.000+0000,0,0',
  '006C2,Deal C2,Prospecting,8000000.00,COP,2026-08-01,2026-04-05T10:00:00.000+0000,0,0',
  '006M,Deal M,Prospecting,20000.00,MXN,2026-08-01,2026-04-03T10:00:00.000+0000,0,0',
  '006P,Deal P,Prospecting,3000.00,PEN,2026-08-01,2026-04-04T10:00:00.000+0000,0,0',
  '006W,Deal W,Closed Won,500.00,USD,2026-05-01,2026-04-06T10:00:00.000+0000,1,1',
].join('\n');
const RATES = 'currency,rate\nMXN,0.055\n';

async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    return dt;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

test('four currencies: never added; converted at the rates given, the rest left out and said on every view', async ({
  page,
  errors,
}) => {
  void errors;
  await page.goto('/data');
  await waitForDataset(page);
  await dropFiles(page, [
    { name: 'Opportunity.csv', text: OPPORTUNITY },
    { name: 'currency_rates.csv', text: RATES },
  ]);
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await expect(preview).toContainText('as a Salesforce export');
  await expect(preview).toContainText(
    '3 deals left out of every sum of money for want of a rate to USD (2 in COP, 1 in PEN) — a rate can be entered on the Data view once loaded.',
  );
  await preview.getByRole('button', { name: 'Replace the current dataset' }).click();

  const banner = page.getByRole('region', { name: 'Currencies of the money figures' });
  await expect(banner).toContainText('MXN at 0.055 USD per MXN (1 deal)');
  await expect(banner).toContainText(
    '3 deals left out of every sum of money for want of a rate to USD (2 in COP, 1 in PEN) — enter a rate on the Data view.',
  );
  // Open pipeline: $1,000.00 + 20,000.00 MXN × 0.055 = $1,100.00 → $2,100; COP and PEN left out.
  await expect(page.getByTestId('opportunity-outcomes')).toContainText('Open pipeline$2,100');
  await expect(page.getByTestId('opportunity-outcomes')).toContainText('Open5');

  const card = page.getByRole('region', { name: 'Currencies', exact: true });
  await expect(card.getByRole('row', { name: /^COP/ })).toContainText(
    'No rate: 2 deals left out of every sum of money',
  );
  await card.getByRole('textbox', { name: 'Rate: USD per 1 PEN' }).fill('0.27');
  await card.getByRole('row', { name: /^PEN/ }).getByRole('button', { name: 'Set rate' }).click();
  // + 3,000.00 PEN × 0.27 = $810.00.
  await expect(page.getByTestId('opportunity-outcomes')).toContainText('Open pipeline$2,910');
  await expect(banner).toContainText(
    '2 deals in COP left out of every sum of money (no rate to convert COP to USD) — enter a rate on the Data view.',
  );
  await screenshot(page, 'currencies-data');
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Every other view says the same above its figures.
  await page.getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { name: 'Forecast', level: 1 })).toBeVisible();
  await expect(banner).toContainText('2 deals in COP left out of every sum of money');
  await expect(banner).toContainText('PEN at 0.27 USD per PEN (1 deal)');
});
