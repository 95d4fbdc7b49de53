import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, screenshot, test, waitForDataset } from './fixtures';

test('Export to warehouse downloads the dbt package for the chosen dialect', async ({ page }) => {
  await page.goto('/rules');
  await waitForDataset(page);
  const section = page.locator('section[aria-labelledby="warehouse-export-heading"]');
  await section.scrollIntoViewIfNeeded();
  await section.getByLabel('SQL dialect').selectOption('bigquery');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export to warehouse' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('revlens-dbt-bigquery.zip');
  const files = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(files).sort()).toEqual(
    [
      'README.md',
      'dbt_project.yml',
      'models/revlens_funnel_reach.sql',
      'models/revlens_hubspot_scores.sql',
      'models/revlens_lead_scores.sql',
      'models/revlens_pipeline_by_quarter.sql',
      'models/revlens_salesforce_scores.sql',
      'models/schema.yml',
      'models/sources.yml',
      'tests/generic/revlens_between.sql',
    ]
      .map((f) => `revlens-dbt/${f}`)
      .sort(),
  );
  // BigQuery spelling: backtick-quoted names and the dbt source of the leads table.
  expect(strFromU8(files['revlens-dbt/models/revlens_lead_scores.sql']!)).toContain(
    "{{ source('revlens', 'leads') }} AS `l`",
  );
  await expect(section.getByRole('status')).toHaveText('Downloaded revlens-dbt-bigquery.zip.');
  await section.screenshot({ path: 'screenshots/rules-warehouse-export.png' });
  await screenshot(page, 'rules-with-warehouse-export');
});
