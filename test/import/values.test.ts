import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/import/values/amounts';
import { detectDateFormat, parseDateAs } from '../../src/import/values/dates';

describe('detectDateFormat', () => {
  it('ISO, Salesforce timestamps included', () => {
    expect(detectDateFormat(['2024-01-22T20:36:47.000+0000', '2024-01-23', ''])).toBe('iso');
  });
  it('a day above 12 in the first place means DD/MM/YYYY; in the second, MM/DD/YYYY', () => {
    expect(detectDateFormat(['03/04/2025', '25/04/2025'])).toBe('dmy');
    expect(detectDateFormat(['03/04/2025', '04/25/2025'])).toBe('mdy');
  });
  it('every date readable both ways is ambiguous, not guessed', () => {
    expect(detectDateFormat(['03/04/2025', '01/02/2025', '12/11/2024'])).toBe('ambiguous');
  });
  it('Excel serial day numbers', () => {
    expect(detectDateFormat(['45000', '45001.5'])).toBe('excel');
  });
  it('empty and unreadable columns', () => {
    expect(detectDateFormat(['', ' '])).toBe('empty');
    expect(detectDateFormat(['soon', 'later'])).toBe('unknown');
  });
});

describe('parseDateAs', () => {
  it('Salesforce 2024-01-22T20:36:47.000+0000 is UTC 20:36:47', () => {
    expect(parseDateAs('2024-01-22T20:36:47.000+0000', 'iso')).toBe(Date.UTC(2024, 0, 22, 20, 36, 47));
  });
  it('03/04/2025 is 4 March as MM/DD and 3 April as DD/MM', () => {
    expect(parseDateAs('03/04/2025', 'mdy')).toBe(Date.UTC(2025, 2, 4));
    expect(parseDateAs('03/04/2025', 'dmy')).toBe(Date.UTC(2025, 3, 3));
  });
  it('12-hour times and impossible dates', () => {
    expect(parseDateAs('01/22/2024 8:05 PM', 'mdy')).toBe(Date.UTC(2024, 0, 22, 20, 5));
    expect(parseDateAs('02/31/2024', 'mdy')).toBeUndefined();
  });
  it('Excel serial 45000 is 2023-03-15 (days since 1899-12-30); 45000.5 is noon', () => {
    // 2023-03-15 is 19,431 days after 1970-01-01; 1899-12-30 is 25,569 days before it: 19,431 + 25,569 = 45,000.
    expect(parseDateAs('45000', 'excel')).toBe(Date.UTC(2023, 2, 15));
    expect(parseDateAs('45000.5', 'excel')).toBe(Date.UTC(2023, 2, 15, 12));
  });
});

describe('parseAmount', () => {
  it('$48,000.00 → 48000', () => expect(parseAmount('$48,000.00')).toEqual({ ok: true, value: 48000, plain: false }));
  it('48.000,00 € → 48000 (both separators: the last is the decimal one)', () =>
    expect(parseAmount('48.000,00 €')).toEqual({ ok: true, value: 48000, plain: false }));
  it('(1,200) → -1200 (accounting negative)', () =>
    expect(parseAmount('(1,200)')).toEqual({ ok: true, value: -1200, plain: false }));
  it('1234,5 with a decimal comma → 1234.5', () =>
    expect(parseAmount('1234,5', ',')).toEqual({ ok: true, value: 1234.5, plain: false }));
  it('plain decimals are left alone', () =>
    expect(parseAmount('-12.5')).toEqual({ ok: true, value: -12.5, plain: true }));
  it('irregular grouping and words are refused with a reason', () => {
    expect(parseAmount('12,5')).toEqual({ ok: false, reason: 'irregular digit grouping in "12,5"' });
    expect(parseAmount('twelve')).toEqual({ ok: false, reason: 'not an amount' });
    expect(parseAmount('1.2.3,4,5')).toMatchObject({ ok: false });
  });
});
