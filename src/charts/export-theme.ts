/**
 * How an exported chart picture looks: the app's sans-serif font, the ink colours and the layout of
 * the header drawn above the chart (title, subtitle with dataset, as-of and filters, units). Pure:
 * text is measured by the function passed in, so the layout is tested without a canvas.
 */

import { FONT_STACK, INK, MUTED_INK, PAPER } from './theme';

/** The app's font stack (the same as the page's body font and the charts'). */
export const EXPORT_FONT_STACK = FONT_STACK;

/** Pixels of the picture per CSS pixel of the chart on screen. */
export const EXPORT_SCALE = 2;

export const EXPORT_THEME = {
  background: PAPER,
  ink: INK,
  muted: MUTED_INK,
  /** Space around the picture's content, CSS px. */
  padding: 24,
  title: { size: 20, weight: 700, lineHeight: 26 },
  subtitle: { size: 13, weight: 400, lineHeight: 18 },
  note: { size: 12, weight: 400, lineHeight: 17 },
  /** Space between the header and the chart, CSS px. */
  gap: 12,
} as const;

export type TextRole = 'title' | 'subtitle' | 'note';

/** The canvas `font` of a text role. */
export function exportFont(role: TextRole): string {
  const t = EXPORT_THEME[role];
  return `${t.weight} ${t.size}px ${EXPORT_FONT_STACK}`;
}

/** What the header of an exported chart says. */
export interface ExportHeader {
  readonly title: string;
  /** Dataset, as-of and filters, e.g. "Northwind Analytics (demo) · as of Nov 15, 2026 · no filters". */
  readonly subtitle: string;
  /** e.g. "leads; % of the previous stage"; shown as "Units: …". */
  readonly units?: string;
}

/** One line of text to draw: its role (font and colour), its text and its top edge, CSS px. */
export interface TextLine {
  readonly role: TextRole;
  readonly text: string;
  readonly top: number;
}

/** Splits text into lines no wider than `width` (a word longer than the width gets a line of its own). */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The header's lines, top to bottom, starting at `padding`, wrapped to `width`; and where the chart
 * starts below them. `measure(role, text)` is the text's width in CSS px.
 */
export function layoutHeader(
  header: ExportHeader,
  width: number,
  measure: (role: TextRole, text: string) => number,
): { lines: TextLine[]; bottom: number } {
  const lines: TextLine[] = [];
  let top: number = EXPORT_THEME.padding;
  const add = (role: TextRole, text: string) => {
    for (const l of wrapText(text, width, (t) => measure(role, t))) {
      lines.push({ role, text: l, top });
      top += EXPORT_THEME[role].lineHeight;
    }
  };
  add('title', header.title);
  add('subtitle', header.subtitle);
  if (header.units) add('subtitle', `Units: ${header.units}`);
  return { lines, bottom: top + EXPORT_THEME.gap };
}

/** Lines of notes (benchmark sources, reference bands) drawn under the chart, from `top`. */
export function layoutNotes(
  notes: readonly string[],
  top: number,
  width: number,
  measure: (role: TextRole, text: string) => number,
): { lines: TextLine[]; bottom: number } {
  const lines: TextLine[] = [];
  let y = top;
  for (const n of notes) {
    for (const l of wrapText(n, width, (t) => measure('note', t))) {
      lines.push({ role: 'note', text: l, top: y });
      y += EXPORT_THEME.note.lineHeight;
    }
  }
  return { lines, bottom: y };
}

/** A file name from a title: "MQL→SQO by source" → "mql-sqo-by-source". */
export function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}
