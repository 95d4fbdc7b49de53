/**
 * Every number on screen is formatted here, with Intl, so units and rounding are the same
 * everywhere. Rounding happens only at display.
 */

const LOCALE = 'en-US';

const countFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** Intl formatters are costly to build: one per set of options, built on first use. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(LOCALE, options)));
  return f;
}
const dateFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });

/** Text shown where a rate's denominator is zero: never 0% and never NaN. */
export const NO_DATA = 'no data';

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? NO_DATA : countFmt.format(n);
}

export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? NO_DATA : decimalFmt.format(n);
}

/** A fraction 0–1 as a percentage, e.g. 0.2234 → "22.3%". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_DATA;
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    fraction,
  );
}

/** A rate with its sample, as the view-models carry it (fractions 0–1; null bounds: no interval). */
export interface RateWithSample {
  readonly rate: number | null;
  readonly n: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** "n = 2", the sample size a rate is taken over. */
export function formatSample(n: number): string {
  return `n = ${formatCount(n)}`;
}

/** The 95% interval alone, "95% CI 24.2–53.0%"; empty when there is none. */
export function formatInterval(e: RateWithSample): string {
  if (e.lo === null || e.hi === null) return '';
  const pct = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `95% CI ${pct.format(e.lo * 100)}–${pct.format(e.hi * 100)}%`;
}

/** "37.5% (95% CI 24.2–53.0%, n = 40)"; "no data (n = 0)" when there is nothing to divide by. */
export function formatRateWithInterval(e: RateWithSample): string {
  const ci = formatInterval(e);
  return `${formatPercent(e.rate)} (${ci ? `${ci}, ` : ''}${formatSample(e.n)})`;
}

/** Integer cents as money. `compact` gives "$8.06M"; otherwise whole units, "$8,064,000". */
export function formatMoney(cents: number | null | undefined, currency = 'USD', compact = false): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return NO_DATA;
  const units = cents / 100;
  if (compact) {
    // Both bounds are set: engines differ on the default minimum in compact notation (Chromium
    // prints "$3M" where Node prints "$3.00M"), and a column must not mix "$3M" with "$10.18M".
    const digits = Math.abs(units) >= 1e6 ? 2 : 1;
    return numberFormat({
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(units);
  }
  return numberFormat({ style: 'currency', currency, maximumFractionDigits: 0 }).format(units);
}

/** A text whose amounts came as `{{money:<cents>}}` tokens (deal list notes), with each amount formatted. */
export function fillMoney(text: string, currency: string): string {
  return text.replace(/\{\{money:(-?\d+)\}\}/g, (_, cents: string) => formatMoney(Number(cents), currency));
}

/** An ISO date string or epoch ms as "Nov 15, 2026" (UTC). */
export function formatDate(value: string | number): string {
  const d = typeof value === 'number' ? new Date(value) : new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return NO_DATA;
  return dateFmt.format(d);
}

const instantFmt = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
  hourCycle: 'h23',
});

/** An ISO instant or epoch ms exactly to the second, e.g. "Nov 15, 2026, 23:58:20 UTC". */
export function formatInstant(value: string | number): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return NO_DATA;
  return `${instantFmt.format(d)} UTC`;
}

export function formatDays(days: number | null | undefined): string {
  return days === null || days === undefined || !Number.isFinite(days) ? NO_DATA : `${decimalFmt.format(days)} d`;
}

/** A band of days [low, high), e.g. "7–14 d"; an open-ended last band "180+ d". */
export function formatDayBand(band: { readonly lowDays: number; readonly highDays: number }): string {
  return Number.isFinite(band.highDays) ? `${band.lowDays}–${band.highDays} d` : `${band.lowDays}+ d`;
}
