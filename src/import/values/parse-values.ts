/**
 * Strict parsers for cell values of the canonical formats. Each returns `undefined` for text it does
 * not recognise, so callers decide between reject and repair. No `new Date(string)`, no `Number()`
 * on unchecked text: both accept far more than the format allows (`03/04/2025`, `0x10`, `''` → 0).
 */

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Offset of a zone designator in minutes east of UTC, or undefined if out of range. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (h > 23 || m > 59) return undefined;
  return sign * (h * 60 + m);
}

/**
 * Parses an ISO-8601 date or date-time to epoch ms (UTC). Accepts `YYYY-MM-DD` (UTC midnight),
 * `YYYY-MM-DDTHH:mm[:ss[.fff]]` with `T` or a space, and a zone `Z`, `±HH`, `±HHmm` or `±HH:mm`
 * (no zone means UTC, as the canonical format is UTC throughout). Fractions beyond milliseconds are
 * truncated. Impossible dates (`2025-02-30`, hour 24) are rejected.
 */
export function parseIsoInstant(text: string): number | undefined {
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
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetMinutes(zone);
  if (offset === undefined) return undefined;
  let utc: number;
  if (year >= 100) utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  else {
    // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    utc = d.setUTCHours(hour, minute, second, ms);
  }
  return utc - offset * 60_000;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a plain decimal number (`12`, `-3.5`, `.5`, `1e6`). Rejects empty text, thousands
 * separators, hex, `NaN`, `Infinity` and anything else `Number()` would otherwise accept.
 */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export type MoneyResult =
  | { readonly ok: true; readonly cents: number; readonly rounded: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * Currency units to integer cents: `Math.round(units × 100)`. `rounded` says that the amount had
 * finer than cent precision. Negative amounts and amounts beyond exact integer range are refused.
 */
export function unitsToCents(units: number): MoneyResult {
  if (!Number.isFinite(units)) return { ok: false, reason: 'not a finite number' };
  if (units < 0) return { ok: false, reason: 'negative amount' };
  const exact = units * 100;
  const cents = Math.round(exact);
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'amount too large to hold exactly' };
  // Float noise on a two-decimal amount is far below this; real sub-cent digits are not.
  const rounded = Math.abs(exact - cents) > 1e-6 * Math.max(1, Math.abs(exact));
  return { ok: true, cents: cents === 0 ? 0 : cents, rounded };
}

/** Money text in currency units to cents; see `unitsToCents`. */
export function parseMoney(text: string): MoneyResult {
  const units = parseDecimal(text);
  if (units === undefined) return { ok: false, reason: 'not a number' };
  return unitsToCents(units);
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f']);

/** `true/false/1/0/yes/no/y/n/t/f` in any case; undefined for anything else (empty included). */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/** A fiscal quarter label `YYYY-Qn`; lower case `q` and a missing dash are accepted and normalised. */
export function parseQuarter(text: string): string | undefined {
  const m = /^(\d{4})-?[Qq]([1-4])$/.exec(text);
  return m ? `${m[1]}-Q${m[2]}` : undefined;
}

/** An ISO 4217-shaped currency code (three letters), upper-cased. */
export function parseCurrency(text: string): string | undefined {
  return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : undefined;
}

/** A month number 1–12. */
export function parseMonth(text: string): number | undefined {
  return /^(?:0?[1-9]|1[0-2])$/.test(text) ? Number(text) : undefined;
}

export const ISO_HINT = 'expected ISO-8601, e.g. 2026-01-31 or 2026-01-31T09:30:00Z';
