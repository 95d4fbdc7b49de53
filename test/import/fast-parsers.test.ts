/**
 * The value parsers read cells character by character. Each must say exactly what the
 * regular-expression definition of its format says (kept here as the reference), on random text
 * and on the edges: leap days, time zones, impossible dates, exponents, signs, separators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDecimal, parseDecimal, parseIsoInstant } from '../../src/import/values/parse-values';
import { isPlainAmount, parseAmount } from '../../src/import/values/amounts';
import { invalidUtf8At } from '../../src/import/source/decode';
import { checkId } from '../../src/import/values/row-checks';

// ---- References: the formats as regular expressions and Date.UTC. ----

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function refIsoInstant(text: string): number | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const h = Number(digits.slice(0, 2));
    const mm = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (h > 23 || mm > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (h * 60 + mm);
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.setUTCHours(hour, minute, second, ms) - offset * 60_000;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_AMOUNT = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// ---- Generators: text near each format, and random text. ----

const pick = (chars: string) => fc.constantFrom(...chars.split(''));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Well-formed and nearly well-formed ISO instants: every part present or absent, some out of range. */
const isoLike = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 100, 1900, 2000, 2024, 2100)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        sep: pick('Tt x'),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.option(fc.integer({ min: 0, max: 61 })),
        frac: fc.option(fc.record({ mark: pick('.,;'), digits: fc.stringMatching(/^\d{0,11}$/) })),
        zone: fc.option(
          fc.oneof(
            pick('ZzX'),
            fc
              .record({
                sign: pick('+-'),
                h: fc.integer({ min: 0, max: 25 }),
                colon: pick(':.'),
                m: fc.option(fc.integer({ min: 0, max: 61 })),
                useColon: fc.boolean(),
              })
              .map(
                ({ sign, h, colon, m, useColon }) =>
                  `${sign}${pad(h, 2)}${m === null ? '' : `${useColon ? colon : ''}${pad(m, 2)}`}`,
              ),
          ),
        ),
      }),
    ),
    tail: fc.option(fc.constantFrom(' ', '0', 'Z', ':', '\n')),
  })
  .map(({ year, month, day, time, tail }) => {
    let s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (time) {
      s += `${time.sep}${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
      if (time.second !== null) {
        s += `:${pad(time.second, 2)}`;
        if (time.frac) s += `${time.frac.mark}${time.frac.digits}`;
      }
      if (time.zone !== null) s += time.zone;
    }
    return tail === null ? s : s + tail;
  });

/** A valid instant's text cut short or with one character changed. */
const mangled = fc
  .tuple(isoLike, fc.nat(), fc.option(pick('0123456789-:T Z+.,a')), fc.boolean())
  .map(([s, at, c, cut]) => {
    const i = at % (s.length + 1);
    if (cut) return s.slice(0, i);
    return c === null ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1);
  });

const numberLike = fc.array(pick('0123456789+-.eE ,x'), { maxLength: 12 }).map((cs) => cs.join(''));

const idLike = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: pick('AZaz09-_.L') },
      { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '\u00a0', '\u200b', '\ufeff', '\u2060', 'é', '\u3000', '\n') },
    ),
    { maxLength: 10 },
  )
  .map((cs) => cs.join(''));

const RUNS = { numRuns: 4000 };

describe('parseIsoInstant equals the regular-expression definition', () => {
  it('on well-formed, out-of-range and mangled instants, and on random text', () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, mangled, fc.string({ maxLength: 30 })), (s) => {
        expect(parseIsoInstant(s)).toBe(refIsoInstant(s));
      }),
      RUNS,
    );
  });

  it('on texts read again in any order, some of one day at different times (the last read is remembered)', () => {
    const sameDay = fc
      .tuple(isoLike, fc.array(fc.constantFrom('', 'T10:00Z', 'T10:00:01Z', ' 23:59', 'T10:00+01:00', 'x')))
      .map(([base, times]) => times.map((t) => base.slice(0, 10) + t));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(isoLike, mangled), { maxLength: 4 }),
        sameDay,
        fc.array(fc.nat()),
        (a, b, order) => {
          const texts = [...a, ...b];
          if (texts.length === 0) return;
          for (const k of [...order, 0, 0]) {
            const s = texts[k % texts.length]!;
            expect(parseIsoInstant(s)).toBe(refIsoInstant(s));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on leap days, time zones and the edges of the calendar (hand-checked values)', () => {
    const cases: [string, number | undefined][] = [
      ['2024-02-29', Date.UTC(2024, 1, 29)],
      ['2000-02-29T23:59:59.999Z', Date.UTC(2000, 1, 29, 23, 59, 59, 999)],
      ['1900-02-29', undefined],
      ['2100-02-29', undefined],
      ['2023-02-29', undefined],
      ['0000-02-29', -62162121600000], // year 0 is a leap year: 1 Jan 1 less 366 days, plus 59
      // 1 Jan 100 is 683,003 days before 1970: its previous second.
      ['0099-12-31T23:59:59Z', -59011459200000 - 1000],
      ['1970-01-01T00:00:00+00:00', 0],
      ['1970-01-01T00:00:00-00:00', 0],
      ['1970-01-01T05:30:00+05:30', 0],
      ['1970-01-01T05:30:00+0530', 0],
      ['1969-12-31T19:00:00-05', 0],
      ['2026-03-01T00:30:00+01:00', Date.UTC(2026, 1, 28, 23, 30)],
      ['2026-01-31t09:30:00z', Date.UTC(2026, 0, 31, 9, 30)],
      ['2026-01-31T09:30:00,25', Date.UTC(2026, 0, 31, 9, 30, 0, 250)],
      ['2026-01-31T09:30:00.123456789', Date.UTC(2026, 0, 31, 9, 30, 0, 123)],
      ['2026-01-31T09:30:00.1234567890', undefined],
      ['2026-01-31T09:30:00.', undefined],
      ['2026-01-31T09:30:00Z ', undefined],
      ['2026-01-31T09:30:00+24:00', undefined],
      ['2026-01-31T09:30:00+05:60', undefined],
      ['2026-01-31T09:30:00+05:', undefined],
      ['2026-01-31T09:30.5', undefined],
      ['2026-01-31T9:30', undefined],
      ['2026-04-31', undefined],
      ['２０２６-01-31', undefined],
    ];
    for (const [text, ms] of cases) {
      expect(parseIsoInstant(text), text).toBe(ms);
      expect(refIsoInstant(text), text).toBe(ms);
    }
  });
});

describe('parseDecimal equals the regular-expression definition', () => {
  it('on random number-like text', () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, fc.string({ maxLength: 8 })), (s) => {
        expect(isPlainDecimal(s)).toBe(DECIMAL.test(s));
        const n = Number(s);
        expect(parseDecimal(s)).toBe(DECIMAL.test(s) && Number.isFinite(n) ? n : undefined);
      }),
      RUNS,
    );
  });

  it('on the edges: exponents, signs, -0, separators', () => {
    const cases: [string, number | undefined][] = [
      ['1e3', 1000],
      ['1E+3', 1000],
      ['2.5e-1', 0.25],
      ['-0', -0],
      ['+0.0', 0],
      ['7.', 7],
      ['.5', 0.5],
      ['1e', undefined],
      ['e3', undefined],
      ['.', undefined],
      ['-', undefined],
      ['1,000', undefined],
      ['1 000', undefined],
      ['1e999', undefined],
      [' 1', undefined],
      ['0x10', undefined],
    ];
    for (const [text, n] of cases) expect(parseDecimal(text), text).toBe(n);
  });
});

describe('parseAmount reads plain amounts as the plain pattern says', () => {
  it('a plain amount is read as Number reads it, without conversion; any other text is not plain', () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, fc.string({ maxLength: 8 })), (s) => {
        expect(isPlainAmount(s)).toBe(PLAIN_AMOUNT.test(s));
        const a = parseAmount(s);
        const t = s.trim().replace(/\u00a0|\u202f/g, ' ');
        if (PLAIN_AMOUNT.test(t)) expect(a).toEqual({ ok: true, value: Number(t), plain: true });
        else expect(a.ok && a.plain).toBe(false);
      }),
      RUNS,
    );
    expect(parseAmount('-0')).toEqual({ ok: true, value: -0, plain: true });
    expect(parseAmount('1,234.5')).toEqual({ ok: true, value: 1234.5, plain: false });
    expect(parseAmount('1e3')).toEqual({ ok: false, reason: 'not an amount' });
  });
});

describe('checkId equals its definition: invisible characters removed, then trimmed', () => {
  it('on random ids with spaces, invisible and non-ASCII characters', () => {
    fc.assert(
      fc.property(idLike, (s) => {
        const cleaned = s.replace(INVISIBLE, '').trim();
        const c = checkId(s);
        if (cleaned === '') expect(c.ok).toBe(false);
        else {
          expect(c).toMatchObject({ ok: true, id: cleaned });
          expect(c.ok && c.repaired !== undefined).toBe(cleaned.length !== s.trim().length);
        }
      }),
      RUNS,
    );
  });
});

/** The UTF-8 check one byte at a time (Unicode table 3-7), the reference of the word-at-a-time scan. */
function refInvalidUtf8At(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need;
  }
  return -1;
}

describe('invalidUtf8At skips ASCII a word at a time and finds the same first bad byte', () => {
  const utf8 = new TextEncoder();
  /** Mostly ASCII, with valid multi-byte characters and stray bytes at random places. */
  const text = fc
    .array(
      fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((b) => [b]) },
        { weight: 2, arbitrary: fc.constantFrom('é', '€', '😀', '中').map((c) => [...utf8.encode(c)]) },
        { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]) },
      ),
      { maxLength: 300, size: 'max' },
    )
    .map((parts) => parts.flat());

  it('at any offset into any buffer, from any start', () => {
    fc.assert(
      fc.property(text, fc.nat(7), fc.nat(80), (parts, offset, start) => {
        const buffer = new Uint8Array(parts.length + offset);
        buffer.set(parts, offset);
        const bytes = buffer.subarray(offset);
        const from = parts.length === 0 ? 0 : start % parts.length;
        expect(invalidUtf8At(bytes, from)).toBe(refInvalidUtf8At(bytes, from));
      }),
      RUNS,
    );
  });
});
