import type { Page } from '@playwright/test';
import { expect, test, waitForDataset } from './fixtures';

/**
 * Every chart is fed pre-aggregated data: however many leads, no chart draws more than 500 marks
 * (bars, dots, lines, sectors). Checked on every view of the demo company, including the funnel
 * broken down by owner and by campaign, the breakdowns with the most groups.
 */
const MAX_MARKS = 500;
const PAGES = [
  '/overview',
  '/funnel',
  '/funnel?by=owner',
  '/funnel?by=campaign',
  '/intent',
  '/rules',
  '/forecast',
  '/hygiene',
];
const MARKS =
  '.recharts-rectangle, .recharts-dot, .recharts-curve, .recharts-sector, .recharts-reference-line-line, .recharts-reference-area-rect';

async function marksPerChart(page: Page): Promise<number[]> {
  return page
    .locator('.recharts-wrapper')
    .evaluateAll((charts, selector) => charts.map((c) => c.querySelectorAll(selector).length), MARKS);
}

for (const path of PAGES) {
  test(`charts on ${path} draw at most ${MAX_MARKS} marks each`, async ({ page }) => {
    await page.goto(path);
    await waitForDataset(page);
    await expect(page.locator('.recharts-wrapper').first()).toBeVisible({ timeout: 30_000 });
    // Let every chart of the view render (queries settle; no loading indicator left).
    await expect(page.locator('.state--loading')).toHaveCount(0, { timeout: 30_000 });
    const marks = await marksPerChart(page);
    console.log(path, marks.join(' '));
    expect(marks.length).toBeGreaterThan(0);
    // Each chart draws something, and never more than the limit.
    expect(Math.min(...marks)).toBeGreaterThan(0);
    expect(Math.max(...marks)).toBeLessThanOrEqual(MAX_MARKS);
  });
}
