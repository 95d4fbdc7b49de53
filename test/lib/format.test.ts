import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  NO_DATA,
  formatCount,
  formatDayBand,
  formatMoney,
  formatPercent,
  formatRateWithInterval,
} from '../../src/lib/format';
import { neutraliseCell, toCsv } from '../../src/lib/csv-export';

describe('display formatting', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows money from cents, rounding only here', () => {
    expect(formatMoney(806_400_000)).toBe('$8,064,000');
    expect(formatMoney(806_400_000, 'USD', true)).toBe('$8.06M');
    expect(formatMoney(177_408_000, 'USD', true)).toBe('$1.77M');
  });

  it('gives every compact amount of a size the same decimals, whatever the engine’s default', async () => {
    // Chromium's Intl drops trailing zeros in compact notation unless a minimum is set ("$3M");
    // Node keeps them. Stand in Chromium's default and check a column cannot mix "$3M" and "$10.18M".
    const Real = Intl.NumberFormat;
    vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      locale?: string | string[],
      options: Intl.NumberFormatOptions = {},
    ) {
      const chromiumDefault = options.notation === 'compact' && options.minimumFractionDigits === undefined;
      return new Real(locale, chromiumDefault ? { ...options, minimumFractionDigits: 0 } : options);
    } as unknown as typeof Intl.NumberFormat);
    vi.resetModules();
    const fresh = await import('../../src/lib/format');
    expect([300_000_000, 1_018_000_000, -300_000_000].map((c) => fresh.formatMoney(c, 'USD', true))).toEqual([
      '$3.00M',
      '$10.18M',
      '-$3.00M',
    ]);
    expect([10_000_000, 5_713_300].map((c) => fresh.formatMoney(c, 'USD', true))).toEqual(['$100.0K', '$57.1K']);
  });

  it('shows a rate whose denominator is zero as "no data", never 0% or NaN', () => {
    expect(formatPercent(null)).toBe(NO_DATA);
    expect(formatPercent(Number.NaN)).toBe(NO_DATA);
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.2234)).toBe('22.3%');
    expect(formatCount(12345)).toBe('12,345');
  });

  it('names a band of days by its bounds, the last one open-ended', () => {
    expect(formatDayBand({ lowDays: 7, highDays: 14 })).toBe('7–14 d');
    expect(formatDayBand({ lowDays: 180, highDays: Infinity })).toBe('180+ d');
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers numeric', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(neutraliseCell('+1')).toBe("'+1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell(-12.5)).toBe('-12.5');
    expect(neutraliseCell('plain')).toBe('plain');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });
});

describe('rates with their interval', () => {
  it('writes the rate, its 95% interval and its sample', () => {
    expect(formatRateWithInterval({ rate: 0.375, n: 40, lo: 0.24223, hi: 0.52968 })).toBe(
      '37.5% (95% CI 24.2–53.0%, n = 40)',
    );
    expect(formatRateWithInterval({ rate: 1.25, n: 4, lo: null, hi: null })).toBe('125.0% (n = 4)');
    expect(formatRateWithInterval({ rate: null, n: 0, lo: null, hi: null })).toBe('no data (n = 0)');
  });
});
