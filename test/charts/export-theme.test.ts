import { describe, expect, it } from 'vitest';
import { EXPORT_THEME, layoutHeader, layoutNotes, slugOf, wrapText } from '../../src/charts/export-theme';

/** A monospace stand-in for canvas measurement: 10 px a character (title 12 px). */
const measure = (role: string, text: string) => text.length * (role === 'title' ? 12 : 10);

describe('the header of an exported chart', () => {
  it('puts the title, the subtitle and the units on their own lines, top to bottom', () => {
    const { lines, bottom } = layoutHeader(
      { title: 'Leads per stage', subtitle: 'Acme · as of Nov 15, 2026 · no filters', units: 'leads' },
      1000,
      measure,
    );
    expect(lines.map((l) => [l.role, l.text])).toEqual([
      ['title', 'Leads per stage'],
      ['subtitle', 'Acme · as of Nov 15, 2026 · no filters'],
      ['subtitle', 'Units: leads'],
    ]);
    const p = EXPORT_THEME.padding;
    expect(lines.map((l) => l.top)).toEqual([
      p,
      p + EXPORT_THEME.title.lineHeight,
      p + EXPORT_THEME.title.lineHeight + EXPORT_THEME.subtitle.lineHeight,
    ]);
    expect(bottom).toBe(lines[2]!.top + EXPORT_THEME.subtitle.lineHeight + EXPORT_THEME.gap);
  });

  it('wraps a long title to the width and leaves out the units line when there are none', () => {
    const { lines } = layoutHeader({ title: 'Time in stage: median and p75 days', subtitle: 'Acme' }, 180, measure);
    expect(lines.filter((l) => l.role === 'title').map((l) => l.text)).toEqual([
      'Time in stage:',
      'median and p75',
      'days',
    ]);
    expect(lines.some((l) => l.text.startsWith('Units'))).toBe(false);
  });

  it('gives a word wider than the line a line of its own', () => {
    expect(wrapText('a verylongword b', 50, (t) => t.length * 10)).toEqual(['a', 'verylongword', 'b']);
  });

  it('lists notes under the chart from the given top', () => {
    const { lines, bottom } = layoutNotes(['Industry average 20–25%: source'], 300, 1000, measure);
    expect(lines).toEqual([{ role: 'note', text: 'Industry average 20–25%: source', top: 300 }]);
    expect(bottom).toBe(300 + EXPORT_THEME.note.lineHeight);
  });

  it('names files after the title', () => {
    expect(slugOf('MQL→SQO by source and quarter')).toBe('mql-sqo-by-source-and-quarter');
    expect(slugOf('→')).toBe('chart');
  });
});
