/**
 * PNG export of a chart as it stands on its own: a header (title, subtitle with dataset, as-of and
 * filters, units), the chart's SVG with its legend as on screen, and the notes under it (benchmark
 * sources), in the app's sans-serif font at 2× resolution, on white.
 */
import {
  EXPORT_FONT_STACK,
  EXPORT_SCALE,
  EXPORT_THEME,
  exportFont,
  layoutHeader,
  layoutNotes,
  type ExportHeader,
  type TextLine,
  type TextRole,
} from './export-theme';
import { downloadBlob } from '../lib/csv-export';

/** Thrown when a frame holds no chart picture (yet): the message is shown to the user. */
export class NothingToExportError extends Error {}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The chart SVGs of a frame: not legend icons, not icons in tables or buttons, not tiny glyphs. */
export function chartSvgs(body: Element): SVGSVGElement[] {
  return [...body.querySelectorAll('svg')].filter((svg) => {
    if (svg.closest('.recharts-legend-wrapper, table, button, summary')) return false;
    const r = svg.getBoundingClientRect();
    return r.width >= 40 && r.height >= 40;
  });
}

/** An SVG element as an image, with the page's font written in so the picture is not in serif. */
async function svgImage(svg: SVGSVGElement, box: Box): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const cs = getComputedStyle(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.style.fontFamily = EXPORT_FONT_STACK;
  clone.style.fontSize = cs.fontSize;
  clone.style.color = cs.color;
  // Text colours set by the page's CSS (axis titles) are not in the SVG's own attributes.
  const texts = svg.querySelectorAll('text');
  const cloneTexts = clone.querySelectorAll('text');
  texts.forEach((t, i) => {
    const c = cloneTexts[i];
    if (c) c.style.fill = getComputedStyle(t).fill;
  });
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const relative = (r: DOMRect, origin: DOMRect): Box => ({
  left: r.left - origin.left,
  top: r.top - origin.top,
  width: r.width,
  height: r.height,
});

interface LegendEntry {
  readonly icon: SVGSVGElement | null;
  readonly iconBox: Box | null;
  readonly text: string;
  readonly textBox: Box;
  readonly font: string;
}

function legendEntries(body: Element, origin: DOMRect): LegendEntry[] {
  return [...body.querySelectorAll('.recharts-legend-item')].map((item) => {
    const icon = item.querySelector('svg');
    const label = item.querySelector('.recharts-legend-item-text') ?? item;
    const inner = label.querySelector('span') ?? label;
    const cs = getComputedStyle(inner);
    return {
      icon,
      iconBox: icon ? relative(icon.getBoundingClientRect(), origin) : null,
      text: label.textContent ?? '',
      textBox: relative(label.getBoundingClientRect(), origin),
      font: `${cs.fontWeight} ${cs.fontSize} ${EXPORT_FONT_STACK}`,
    };
  });
}

/** Notes under the chart worth keeping with it: benchmark sources and explicit export notes. */
function noteTexts(body: Element): string[] {
  return [...body.querySelectorAll('.chart-sources li, p.chart-sources, [data-export-note]')]
    .map((n) => (n.textContent ?? '').trim())
    .filter(Boolean);
}

function drawLines(ctx: CanvasRenderingContext2D, lines: readonly TextLine[], left: number): void {
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  for (const l of lines) {
    ctx.font = exportFont(l.role);
    ctx.fillStyle = l.role === 'title' ? EXPORT_THEME.ink : EXPORT_THEME.muted;
    ctx.fillText(l.text, left, l.top);
  }
}

/**
 * Draws the chart in `body` with its header onto a new canvas (2×). Throws `NothingToExportError`
 * when the frame has no chart picture.
 */
export async function renderChartCanvas(body: HTMLElement, header: ExportHeader): Promise<HTMLCanvasElement> {
  const origin = body.getBoundingClientRect();
  const svgs = chartSvgs(body);
  if (svgs.length === 0) throw new NothingToExportError('This chart has no picture to export yet.');
  const parts = svgs.map((svg) => ({ svg, box: relative(svg.getBoundingClientRect(), origin) }));
  const legend = legendEntries(body, origin);
  const boxes = [...parts.map((p) => p.box), ...legend.map((l) => l.textBox)];
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  const { padding } = EXPORT_THEME;
  const width = Math.max(origin.width, 320) + 2 * padding;
  const textWidth = width - 2 * padding;

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw to a canvas.');
  const measure = (role: TextRole, text: string) => {
    ctx.font = exportFont(role);
    return ctx.measureText(text).width;
  };
  const head = layoutHeader(header, textWidth, measure);
  const chartTop = head.bottom;
  const notes = layoutNotes(noteTexts(body), chartTop + (bottom - top) + EXPORT_THEME.gap, textWidth, measure);
  const height = (notes.lines.length ? notes.bottom : chartTop + (bottom - top)) + padding;

  canvas.width = Math.round(width * EXPORT_SCALE);
  canvas.height = Math.round(height * EXPORT_SCALE);
  // Setting the size reset the context: scale after it.
  ctx.scale(EXPORT_SCALE, EXPORT_SCALE);
  ctx.fillStyle = EXPORT_THEME.background;
  ctx.fillRect(0, 0, width, height);
  drawLines(ctx, head.lines, padding);

  const at = (b: Box) => ({ x: padding + b.left, y: chartTop + b.top - top });
  for (const p of parts) {
    const img = await svgImage(p.svg, p.box);
    const { x, y } = at(p.box);
    ctx.drawImage(img, x, y, p.box.width, p.box.height);
  }
  for (const l of legend) {
    if (l.icon && l.iconBox) {
      const img = await svgImage(l.icon, l.iconBox);
      const { x, y } = at(l.iconBox);
      ctx.drawImage(img, x, y, l.iconBox.width, l.iconBox.height);
    }
    const { x, y } = at(l.textBox);
    ctx.font = l.font;
    // The icon carries the series colour; the text is in ink, legible on white whatever the colour.
    ctx.fillStyle = EXPORT_THEME.ink;
    ctx.textBaseline = 'middle';
    ctx.fillText(l.text, x, y + l.textBox.height / 2);
  }
  drawLines(ctx, notes.lines, padding);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'),
  );
}

/** The chart in `body`, with its header, as a PNG. */
export async function chartPng(body: HTMLElement, header: ExportHeader): Promise<Blob> {
  return canvasToPng(await renderChartCanvas(body, header));
}

export async function downloadChartPng(body: HTMLElement, header: ExportHeader, fileName: string): Promise<void> {
  downloadBlob(await chartPng(body, header), fileName);
}
