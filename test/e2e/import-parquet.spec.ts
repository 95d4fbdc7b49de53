import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { importFiles } from '../../src/import/pipeline';
import { writeParquet } from '../fixtures/parquet';
import { expect, test, waitForDataset } from './fixtures';

test('a canonical leads.parquet chosen in the Data view is read: its rows counted, one rejected with its data row', async ({
  page,
}) => {
  // 250 leads, created a day apart from 2026-01-01 (a TIMESTAMP column), the 250th without an id.
  const dir = mkdtempSync(join(tmpdir(), 'revlens-e2e-parquet-'));
  const path = join(dir, 'leads.parquet');
  await writeParquet(
    `SELECT CASE WHEN range = 249 THEN NULL ELSE 'L' || range END AS id, TIMESTAMP '2026-01-01 09:00:00' + range * INTERVAL 1 DAY AS created_at, 'web' AS source FROM range(250)`,
    path,
  );
  const buffer = readFileSync(path);
  rmSync(dir, { recursive: true, force: true });

  await page.goto('/data');
  await waitForDataset(page);
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'leads.parquet', mimeType: 'application/vnd.apache.parquet', buffer });
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await expect(preview).toContainText('Would load: 249 leads');
  const report = page.getByRole('region', { name: 'Import report (preview)' });
  await expect(report).toContainText('250 rows read: 249 accepted, 0 repaired, 1 rejected.');
  // The rejected row: file, its 1-based data row, outcome.
  const cells = report
    .getByRole('table', { name: 'Rows repaired or rejected' })
    .getByRole('row')
    .nth(1)
    .getByRole('cell');
  await expect(cells.nth(0)).toHaveText('leads.parquet');
  await expect(cells.nth(1)).toHaveText('250');
  await expect(cells.nth(4)).toHaveText('rejected');

  // Loaded, the dataset downloads as a canonical Parquet folder that imports back to the same leads.
  await preview.getByRole('button', { name: 'Replace the current dataset' }).click();
  await expect(page.getByRole('heading', { name: /Loaded dataset/ })).toContainText('leads');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Canonical Parquet folder (.zip)' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('leads-parquet.zip');
  const files = unzipSync(readFileSync((await zip.path())!));
  const again = importFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
  expect(again.records.leads).toHaveLength(249);
  expect(again.records.leads[248]).toMatchObject({
    id: 'L248',
    createdAt: Date.UTC(2026, 0, 1, 9) + 248 * 86_400_000,
    source: 'web',
  });
});
