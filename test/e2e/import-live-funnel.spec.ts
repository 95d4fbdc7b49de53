import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { formatCount } from '../../src/lib/format';
import { expect, screenshot, test, waitForDataset } from './fixtures';

const LEADS = 20_000;

/**
 * Serves one file over HTTP (CORS open, as a public bucket would), sending its first `head` bytes at
 * once and holding the rest until `release()` is called: the import is caught mid-file, however fast
 * the machine.
 */
function heldServer(file: string, head: number) {
  const body = readFileSync(file);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server: Server = createServer((req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/csv',
      'Content-Length': String(body.length),
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.write(body.subarray(0, head));
    void released.then(() => res.end(body.subarray(head)));
  });
  return { server, release, size: body.length };
}

test('a large leads file: the stage funnel shows from the first chunks, then the real report', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'revlens-live-funnel-'));
  const { records } = generateDemoCompany({ seed: 42, leads: LEADS });
  const file = join(dir, 'leads.csv');
  writeFileSync(file, writeCanonicalCsv(records)['leads.csv']!);
  const held = heldServer(file, 512 * 1024);
  await new Promise<void>((resolve) => held.server.listen(0, '127.0.0.1', resolve));
  const { port } = held.server.address() as AddressInfo;
  try {
    await page.goto('/data');
    await waitForDataset(page);
    await page.getByLabel(/Or load from a URL/).fill(`http://127.0.0.1:${port}/leads.csv`);
    await page.getByRole('button', { name: 'Load URL' }).click();

    // Only part of the file has arrived: a partial funnel, labelled as such.
    const live = page.getByTestId('live-funnel');
    await expect(live).toBeVisible();
    await expect(live).toHaveAttribute('data-complete', 'false');
    await expect(page.getByTestId('live-funnel-caption')).toHaveText(/^So far: [\d,]+ of ~[\d,]+ rows read$/);
    const rowsRead = Number(await live.getAttribute('data-rows-read'));
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThan(LEADS);
    const leadsSoFar = Number(
      (await live
        .getByRole('row', { name: /^Leads/ })
        .getByRole('cell')
        .first()
        .textContent())!.replace(/,/g, ''),
    );
    expect(leadsSoFar).toBeGreaterThan(0);
    expect(leadsSoFar).toBeLessThanOrEqual(rowsRead);
    await expect(live.getByRole('row', { name: /^MQL/ })).toBeVisible();
    await screenshot(page, 'import-live-funnel');

    // The rest arrives: the partial funnel gives way to the import report.
    held.release();
    const preview = page.getByRole('region', { name: 'Check before loading' });
    await expect(preview).toContainText(`Would load: ${formatCount(LEADS)} leads`, { timeout: 30_000 });
    await expect(live).toBeHidden();
  } finally {
    held.release();
    held.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
