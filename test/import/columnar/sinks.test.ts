import { describe, expect, it } from 'vitest';
import { parseIsoInstant as canonicalInstant } from '../../../src/import/canonical/parse-values';
import { BoolSink, DictSink, InstantSink, NumberSink, parseIsoInstant, utf8, type ColumnSink } from '../../../src/import/columnar/sinks';

const fast = (s: string) => parseIsoInstant(utf8(s), 0, utf8(s).length);
const pushText = (sink: ColumnSink, v: string) => sink.push(utf8(v), 0, utf8(v).length);

describe('column sinks', () => {
  it('parses the canonical instant forms exactly like the canonical reader', () => {
    for (const s of ['2026-01-05', '2024-02-29', '1999-12-31T23:59:59Z', '2026-11-15T08:07:06.543Z', '2000-03-01T00:00:00.001Z']) {
      expect(fast(s), s).toBe(canonicalInstant(s));
    }
    // By hand: 2026-01-01 is 56 × 365 + 14 leap days = 20,454 days after 1970-01-01; 15 November is
    // 304 + 14 = 318 days later (Jan–Oct hold 304 days); then 8 h 7 min 6.543 s.
    expect(fast('2026-11-15T08:07:06.543Z')).toBe((20_454 + 318) * 86_400_000 + ((8 * 60 + 7) * 60 + 6) * 1000 + 543);
  });

  it('refuses impossible dates on the fast path and falls back to the canonical reader for other forms', () => {
    expect(fast('2026-02-31')).toBeNaN();
    expect(fast('2025-02-29')).toBeNaN();
    expect(fast('2026-13-01')).toBeNaN();
    const s = new InstantSink();
    for (const v of ['2026-01-06T12:00:00+02:00', '', 'soon']) pushText(s, v);
    expect(Array.from(s.values())).toEqual([Date.UTC(2026, 0, 6, 10), Number.NaN, Number.NaN]);
  });

  it('dictionary-encodes strings in order of first appearance, -1 for empty', () => {
    const d = new DictSink();
    const text = utf8('web,,ads,web');
    for (const [a, b] of [[0, 3], [4, 4], [5, 8], [9, 12]] as const) d.push(text, a, b);
    expect(d.values).toEqual(['web', 'ads']);
    expect(Array.from(d.codes())).toEqual([0, -1, 1, 0]);
  });

  it('reads booleans and scaled numbers', () => {
    const b = new BoolSink();
    for (const v of ['true', 'false', 'yes', '', 'TRUE']) pushText(b, v);
    expect(Array.from(b.values())).toEqual([1, 0, 1, 0, 1]);
    const n = new NumberSink(100);
    for (const v of ['1250000.5', '', '0.07']) pushText(n, v);
    expect(Array.from(n.values())).toEqual([125_000_050, Number.NaN, 7]);
  });
});
