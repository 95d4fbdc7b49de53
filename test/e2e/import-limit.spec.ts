import { expect, test, waitForDataset } from './fixtures';

const MIB = 1024 * 1024;

test("the Data view states the import limit from this browser's memory before anything is read", async ({ page }) => {
  await page.goto('/data');
  await waitForDataset(page);
  const statement = page.getByTestId('import-limit');
  await expect(statement).toContainText(
    /^Files up to about [\d,.]+ MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file \(more for short fields\), 5 for the leads, activities and touches CSV files of a canonical folder \(read as they stream\), and this browser lets the page use about [\d,.]+ MB more\.$/,
  );
  // The stated limit is the heap left under performance.memory's limit over 12, as Chromium reports it.
  const text = (await statement.textContent()) ?? '';
  const stated = Number(/about ([\d,.]+) MB in all/.exec(text)![1]!.replace(/,/g, ''));
  const heapLeftMb = await page.evaluate(() => {
    const m = (performance as unknown as { memory: { jsHeapSizeLimit: number; usedJSHeapSize: number } }).memory;
    return (m.jsHeapSizeLimit - m.usedJSHeapSize) / 1024 / 1024;
  });
  expect(stated).toBeGreaterThan((heapLeftMb / 12) * 0.9);
  expect(stated).toBeLessThan((heapLeftMb / 12) * 1.1);
});

test('a selection over the limit is refused naming the file; one under it is read under the same limit', async ({
  page,
}) => {
  // A page that may use 24 MiB more heap: 24 / 12 = 2 MiB of typical files.
  await page.addInitScript(() => {
    Object.defineProperty(performance, 'memory', {
      value: { jsHeapSizeLimit: 24 * 1024 * 1024, usedJSHeapSize: 0 },
      configurable: true,
    });
  });
  await page.goto('/data');
  await waitForDataset(page);
  await expect(page.getByTestId('import-limit')).toContainText('Files up to about 2.0 MB in all on this device');
  const input = page.getByLabel('Files to import');
  await input.setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.alloc(3 * MIB, 'a') });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was read; the current dataset is unchanged');
  await expect(alert).toContainText('activities.csv is 3.0 MB, above the about 2.0 MB this device can import at once');
  await expect(page.getByTestId('dataset-name')).toHaveText(/demo/i);
  await input.setInputFiles({
    name: 'opportunities.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,created_at,amount,status\nO1,2026-01-05,100,won\n'),
  });
  const preview = page.getByRole('region', { name: 'Check before loading' });
  await expect(preview).toContainText('Would load: 0 leads, 1 opportunities');
});
