import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { EXPORT_SCALE, EXPORT_THEME, exportFont } from '../../src/charts/export-theme';
import { expect, test, waitForDataset } from './fixtures';

/**
 * Every chart's PNG stands on its own: a real picture of the whole chart (not a legend icon), at 2×,
 * with its title drawn in. Tables offer CSV and no PNG. "Export view" saves them all in one zip.
 */
const VIEWS = ['/overview', '/funnel', '/intent', '/rules', '/forecast', '/hygiene'];

interface PictureCheck {
  readonly width: number;
  readonly height: number;
  readonly colours: number;
  /** Share of the title's ink (drawn by the test) that the picture has too. */
  readonly titleMatch: number;
  /** The same for another text: how much a wrong title would match. */
  readonly otherMatch: number;
}

/** Decodes a PNG in the page and compares its title band with the title drawn by the test. */
async function checkPicture(page: Page, bytes: Buffer, title: string): Promise<PictureCheck> {
  return page.evaluate(
    async ({ b64, title, font, left, top, scale, ink }) => {
      const bin = atob(b64);
      const data = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const { width, height } = bitmap;
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels = ctx.getImageData(0, 0, width, height).data;
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length && colours.size < 50; i += 4 * 7)
        colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      const band = Math.round(26 * scale);
      const inkShare = (text: string) => {
        const ref = new OffscreenCanvas(width, height);
        const r = ref.getContext('2d')!;
        r.scale(scale, scale);
        r.fillStyle = '#ffffff';
        r.fillRect(0, 0, width, height);
        r.font = font;
        r.textBaseline = 'top';
        r.fillStyle = ink;
        // Only the words that fit on the first line.
        const words = text.split(/\s+/);
        let line = '';
        for (const w of words) {
          const next = line ? `${line} ${w}` : w;
          if (line && r.measureText(next).width > width / scale - 2 * left) break;
          line = next;
        }
        r.fillText(line, left, top);
        const want = r.getImageData(0, 0, width, Math.min(height, Math.round(top * scale) + band)).data;
        let inked = 0;
        let matched = 0;
        for (let i = 0; i < want.length; i += 4) {
          if (want[i]! > 100) continue;
          inked++;
          if (pixels[i]! < 140) matched++;
        }
        return inked === 0 ? 0 : matched / inked;
      };
      return {
        width,
        height,
        colours: colours.size,
        titleMatch: inkShare(title),
        otherMatch: inkShare(`${title.split('').reverse().join('')} x`),
      };
    },
    {
      b64: bytes.toString('base64'),
      title,
      font: exportFont('title'),
      left: EXPORT_THEME.padding,
      top: EXPORT_THEME.padding,
      scale: EXPORT_SCALE,
      ink: EXPORT_THEME.ink,
    },
  );
}

async function openView(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForDataset(page);
  await expect(page.locator('.recharts-wrapper').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.state--loading')).toHaveCount(0, { timeout: 30_000 });
}

function expectStandalonePicture(check: PictureCheck, title: string): void {
  expect(check.width, `${title}: width`).toBeGreaterThan(600);
  expect(check.height, `${title}: height`).toBeGreaterThan(200);
  expect(check.colours, `${title}: not one colour`).toBeGreaterThan(3);
  expect(check.titleMatch, `${title}: title drawn`).toBeGreaterThan(0.9);
  expect(check.otherMatch, `${title}: a wrong title does not match`).toBeLessThan(0.75);
}

for (const path of VIEWS) {
  test(`every chart on ${path} exports a PNG with its title; tables export CSV only`, async ({ page }) => {
    await openView(page, path);
    const frames = page.locator('section.chart-frame');
    const n = await frames.count();
    expect(n).toBeGreaterThan(0);
    let pictures = 0;
    for (let i = 0; i < n; i++) {
      const frame = frames.nth(i);
      const title = (await frame.locator('.chart-frame__title').textContent())!.trim();
      const hasChart = (await frame.locator('.recharts-wrapper').count()) > 0;
      const png = frame.getByRole('button', { name: `Export ${title} as PNG` });
      await expect(frame.getByRole('button', { name: `Export ${title} as CSV` })).toBeVisible();
      if (!hasChart) {
        await expect(png, `${title} is a table: no PNG`).toHaveCount(0);
        continue;
      }
      const [download] = await Promise.all([page.waitForEvent('download'), png.click()]);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(1, 4).toString('latin1'), `${title}: PNG signature`).toBe('PNG');
      expectStandalonePicture(await checkPicture(page, bytes, title), title);
      pictures++;
    }
    expect(pictures).toBeGreaterThan(0);
  });
}

test('Export view saves every chart of the view as PNG and every table as CSV, in one zip', async ({ page }) => {
  await openView(page, '/funnel');
  const titles = await page.locator('section.chart-frame').evaluateAll((frames) =>
    frames.map((f) => ({
      title: f.querySelector('.chart-frame__title')!.textContent!.trim(),
      chart: f.querySelector('.recharts-wrapper') !== null,
    })),
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export view/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('funnel-charts.zip');
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files);
  const pngs = names.filter((n) => n.endsWith('.png'));
  const csvs = names.filter((n) => n.endsWith('.csv'));
  expect(pngs).toHaveLength(titles.filter((t) => t.chart).length);
  expect(csvs.length).toBeGreaterThanOrEqual(titles.length);
  const firstChart = titles.find((t) => t.chart)!;
  const first = pngs.find((n) => n.startsWith(firstChart.title.toLowerCase().split(' ')[0]!))!;
  expectStandalonePicture(await checkPicture(page, Buffer.from(files[first]!), firstChart.title), firstChart.title);
  const csvText = new TextDecoder().decode(files[csvs[0]!]!);
  expect(csvText.split('\r\n').length).toBeGreaterThan(2);
});
