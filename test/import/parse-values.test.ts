import { describe, expect, it } from 'vitest';
import { formatCents, formatInstant } from '../../src/import/canonical/format';
import {
  parseBoolean,
  parseDecimal,
  parseIsoInstant,
  parseMoney,
  parseQuarter,
} from '../../src/import/values/parse-values';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-01-31', Date.UTC(2026, 0, 31)],
    ['2026-01-31T09:30:00Z', Date.UTC(2026, 0, 31, 9, 30)],
    ['2026-01-31T09:30Z', Date.UTC(2026, 0, 31, 9, 30)],
    ['2026-01-31 09:30:15.5', Date.UTC(2026, 0, 31, 9, 30, 15, 500)],
    ['2026-01-31T09:30:15.123456Z', Date.UTC(2026, 0, 31, 9, 30, 15, 123)],
    ['2024-01-22T20:36:47.000+0000', Date.UTC(2024, 0, 22, 20, 36, 47)],
    ['2026-01-31T09:30:00+05:30', Date.UTC(2026, 0, 31, 4, 0)],
    ['2026-01-31T00:30:00-02', Date.UTC(2026, 0, 31, 2, 30)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['0050-06-01', -60576249600000], // year 50, not 1950 (Date.UTC would shift it)
    ['0000-02-29T12:00:00Z', -62162078400000], // year 0 is a leap year; 1900 is not
  ])('reads %s', (text, ms) => {
    expect(parseIsoInstant(text)).toBe(ms);
  });

  it.each([
    '03/04/2025',
    '2025-02-29',
    '2025-13-01',
    '2025-01-32',
    '2025-01-01T24:00:00Z',
    '2025-01-01T10:60',
    '2025-1-1',
    '2025-01-01Z',
    'yesterday',
    '',
    ' 2025-01-01',
    '2025-01-01T10:00:00+25:00',
    '1735689600000',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('formatInstant writes what parseIsoInstant reads back, date-only at UTC midnight', () => {
    expect(formatInstant(Date.UTC(2026, 0, 31))).toBe('2026-01-31');
    expect(formatInstant(Date.UTC(2026, 0, 31, 0, 0, 0, 1))).toBe('2026-01-31T00:00:00.001Z');
    for (const ms of [0, 1, -1, 86_400_000, Date.UTC(1999, 11, 31, 23, 59, 59, 999)]) {
      expect(parseIsoInstant(formatInstant(ms))).toBe(ms);
    }
  });
});

describe('numbers and money', () => {
  it('parseDecimal takes plain decimals only', () => {
    expect([
      parseDecimal('12'),
      parseDecimal('-3.5'),
      parseDecimal('.5'),
      parseDecimal('1e6'),
      parseDecimal('7.'),
    ]).toEqual([12, -3.5, 0.5, 1e6, 7]);
    for (const bad of ['', ' ', '0x10', '1,000', 'NaN', 'Infinity', '1e999', '12abc', '$5', '--1']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('parseMoney: currency units to integer cents, Math.round(x × 100)', () => {
    expect(parseMoney('48000')).toEqual({ ok: true, cents: 4_800_000, rounded: false });
    expect(parseMoney('0.29')).toEqual({ ok: true, cents: 29, rounded: false });
    expect(parseMoney('1234567.89')).toEqual({ ok: true, cents: 123_456_789, rounded: false });
    expect(parseMoney('10.005')).toEqual({ ok: true, cents: 1001, rounded: true });
    expect(parseMoney('-0')).toEqual({ ok: true, cents: 0, rounded: false });
    expect(parseMoney('-1')).toMatchObject({ ok: false, reason: 'negative amount' });
    expect(parseMoney('1e20')).toMatchObject({ ok: false });
    expect(parseMoney('ten')).toMatchObject({ ok: false, reason: 'not a number' });
  });

  it('formatCents writes units with at most two decimals and reads back exactly', () => {
    expect([
      formatCents(0),
      formatCents(5),
      formatCents(150),
      formatCents(123_456),
      formatCents(120_000),
      formatCents(-250),
    ]).toEqual(['0', '0.05', '1.5', '1234.56', '1200', '-2.5']);
    for (const c of [0, 1, 9, 10, 99, 100, 101, 29, 123_456_789, 999_999_999_999]) {
      expect(parseMoney(formatCents(c))).toEqual({ ok: true, cents: c, rounded: false });
    }
  });
});

describe('booleans and quarters', () => {
  it('parseBoolean knows true/false/1/0/yes/no in any case; empty is not recorded', () => {
    expect(['true', 'TRUE', '1', 'yes', 'Y'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', 'False', '0', 'no', 'N'].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect(['', 'maybe', '2'].map(parseBoolean)).toEqual([undefined, undefined, undefined]);
  });

  it('parseQuarter normalises 2026q1 and 2026-q1 to 2026-Q1', () => {
    expect(['2026-Q1', '2026-q1', '2026Q4'].map(parseQuarter)).toEqual(['2026-Q1', '2026-Q1', '2026-Q4']);
    expect(['2026-Q5', 'Q1', '26-Q1'].map(parseQuarter)).toEqual([undefined, undefined, undefined]);
  });
});
