import type { Page } from '@playwright/test';
import { expect, test, waitForDataset } from './fixtures';

/**
 * Every visible text meets WCAG AA contrast against what is behind it: 4.5:1, or 3:1 for large
 * text (24 px, or 18.66 px bold). Computed in the page from the text's colour (SVG: its fill) and
 * the first opaque background behind it; legend entries and axis titles included. Text of disabled
 * controls is exempt (WCAG 1.4.3).
 */
const VIEWS = ['/overview', '/funnel', '/intent', '/rules', '/forecast', '/hygiene', '/data'];

interface Failure {
  readonly text: string;
  readonly ratio: number;
  readonly color: string;
  readonly background: string;
}

async function contrastFailures(page: Page): Promise<{ checked: number; failures: Failure[] }> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = c.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/);
      if (!m) return null;
      const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), a];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const blend = (top: number[], under: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!));
    /** The opaque colour behind an element: its ancestors' backgrounds, blended, over white. */
    const background = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let out = [255, 255, 255];
      for (const l of layers.reverse()) out = blend(l, out);
      return out;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      if (el.closest('[aria-hidden="true"], .visually-hidden, details:not([open]) > :not(summary)')) return false;
      const cs = getComputedStyle(el);
      return cs.visibility === 'visible' && Number(cs.opacity) > 0;
    };
    const failures: { text: string; ratio: number; color: string; background: string }[] = [];
    let checked = 0;
    const candidates = [...document.querySelectorAll('body *')].filter((el) =>
      el instanceof SVGTextElement
        ? true
        : !(el instanceof SVGElement) &&
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
    );
    for (const el of candidates) {
      if (!visible(el)) continue;
      if (el.closest(':disabled, [aria-disabled="true"]')) continue;
      const cs = getComputedStyle(el);
      const fg = parse(el instanceof SVGElement ? cs.fill : cs.color);
      if (!fg) continue;
      // Opacity of the text and its ancestors fades it into the background.
      let alpha = fg[3];
      for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      if (el instanceof SVGElement) alpha *= Number(cs.fillOpacity);
      const bg = background(el);
      const color = blend([fg[0], fg[1], fg[2], alpha], bg);
      const [l1, l2] = [lum(color), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      checked++;
      if (ratio < (large ? 3 : 4.5) - 0.005)
        failures.push({
          text: (el.textContent ?? '').trim().slice(0, 60),
          ratio: Math.round(ratio * 100) / 100,
          color: cs.color,
          background: `rgb(${bg.map(Math.round).join(', ')})`,
        });
    }
    return { checked, failures };
  });
}

for (const path of VIEWS) {
  test(`every visible text on ${path} meets WCAG AA contrast`, async ({ page }) => {
    await page.goto(path);
    await waitForDataset(page);
    await expect(page.locator('.state--loading')).toHaveCount(0, { timeout: 30_000 });
    if (path !== '/data') await expect(page.locator('.recharts-wrapper').first()).toBeVisible({ timeout: 30_000 });
    const { checked, failures } = await contrastFailures(page);
    expect(checked).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
}
