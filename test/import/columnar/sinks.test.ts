import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant as canonicalInstant } from '../../../src/import/canonical/parse-values';
import { ByteKeys, utf8 } from '../../../src/import/columnar/byte-keys';
import { parseIsoInstant } from '../../../src/import/columnar/iso-instant';
import { BoolSink, DictSink, IdSink, InstantSink, NumberSink, RefSink, type ColumnSink } from '../../../src/import/columnar/sinks';

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

  it('parses every canonical instant like the canonical reader, and anything it accepts after a typo too', () => {
    const instant = fc
      .tuple(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.constantFrom(10, 20, 24))
      .map(([t, len]) => {
        const iso = new Date(t).toISOString();
        return len === 24 ? iso : len === 20 ? `${iso.slice(0, 19)}Z` : iso.slice(0, 10);
      });
    fc.assert(
      fc.property(instant, fc.nat(), fc.constantFrom(...'0123456789:-/TZ. a+\u00e9'.split('')), (text, at, ch) => {
        expect(fast(text), text).toBe(canonicalInstant(text));
        const typo = text.slice(0, at % text.length) + ch + text.slice((at % text.length) + 1);
        const v = fast(typo);
        if (!Number.isNaN(v)) expect(v, typo).toBe(canonicalInstant(typo));
      }),
      { numRuns: 3000 },
    );
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

  it('finds the row of an id like a first-occurrence map, whether ids are sorted, repeated or unknown', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => `L-${String(n).padStart(3, '0')}`),
      fc.constantFrom('', 'Zoë', '日本', 'L-1', 'L-10', 'a\nb'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.boolean(), fc.array(id, { maxLength: 80 }), (ids, sort, refs) => {
        const rows = sort ? [...new Set(ids)].sort() : ids;
        const sink = new IdSink();
        for (const v of rows) pushText(sink, v);
        const ref = new RefSink(sink);
        // Children grouped by parent and in parent order, then in random order.
        const children = [...rows.flatMap((v, i) => (i % 3 === 0 ? [v, v] : i % 3 === 1 ? [v] : [])), ...refs];
        for (const v of children) pushText(ref, v);
        const first = new Map<string, number>();
        rows.forEach((v, i) => {
          if (!first.has(v)) first.set(v, i);
        });
        const expected = children.map((v) => (v === '' ? -1 : (first.get(v) ?? -1)));
        expect(Array.from(ref.rows())).toEqual(expected);
        expect(sink.ids).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes ids in batches, ASCII or not, across block and batch boundaries', () => {
    const sink = new IdSink();
    const ids = Array.from({ length: 150_000 }, (_, i) => (i % 50_000 === 7 ? `Zoë-${i}` : `A-${i}-${'x'.repeat(i % 17)}`));
    for (const v of ids) pushText(sink, v);
    expect(sink.length).toBe(ids.length);
    expect(sink.ids).toEqual(ids);
  });

  it('keeps byte keys apart and numbers them in order of first appearance', () => {
    const keys = new ByteKeys();
    const words = Array.from({ length: 5000 }, (_, i) => utf8(`k${(i * 7919) % 3001}`));
    const seen = new Map<string, number>();
    for (const w of words) {
      const text = new TextDecoder().decode(w);
      const found = keys.find(w, 0, w.length);
      expect(found).toBe(seen.get(text) ?? -1);
      if (found < 0) seen.set(text, keys.add(w, 0, w.length));
    }
    expect(keys.size).toBe(seen.size);
  });
});
