/**
 * Strict parsers for cell values of the canonical formats. Each returns `undefined` for text it does
 * not recognise, so callers decide between reject and repair. No `new Date(string)`, no `Number()`
 * on unchecked text: both accept far more than the format allows (`03/04/2025`, `0x10`, `''` → 0).
 */

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (any year; month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The decimal digit at `i` of `s` (0–9), or -1. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number at `i` of `s`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

const MINUS = 45;
const PLUS = 43;
const COLON = 58;

/** The last text read by `parseIsoInstant` and its value (see there). */
let lastText = '';
let lastInstant: number | undefined;

/**
 * Parses an ISO-8601 date or date-time to epoch ms (UTC); see `readIsoInstant` for the forms read.
 * A cell's date is checked twice as it is imported (by the column mapping, then by the table's
 * reader): the second read of the same text is answered from the first.
 */
export function parseIsoInstant(text: string): number | undefined {
  if (text !== lastText) {
    lastInstant = readIsoInstant(text);
    lastText = text;
  }
  return lastInstant;
}

/**
 * Parses an ISO-8601 date or date-time to epoch ms (UTC). Accepts `YYYY-MM-DD` (UTC midnight),
 * `YYYY-MM-DDTHH:mm[:ss[.fff]]` with `T` or a space, and a zone `Z`, `±HH`, `±HHmm` or `±HH:mm`
 * (no zone means UTC, as the canonical format is UTC throughout). Fractions beyond milliseconds are
 * truncated (1 to 9 digits, after `.` or `,`). Impossible dates (`2025-02-30`, hour 24) are
 * rejected. `T` and `Z` may be lower case. Read character by character (no regular expression, no
 * substrings): every date of a file passes here.
 */
function readIsoInstant(text: string): number | undefined {
  const n = text.length;
  if (n !== 10 && n < 16) return undefined;
  const y0 = twoDigits(text, 0);
  const y1 = twoDigits(text, 2);
  if (y0 < 0 || y1 < 0 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) return undefined;
  const year = y0 * 100 + y1;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  if (n > 10) {
    const sep = text.charCodeAt(10);
    // 'T', 't' or a space
    if (sep !== 84 && sep !== 116 && sep !== 32) return undefined;
    hour = twoDigits(text, 11);
    minute = twoDigits(text, 14);
    if (hour < 0 || minute < 0 || text.charCodeAt(13) !== COLON) return undefined;
    let i = 16;
    if (i < n && text.charCodeAt(i) === COLON) {
      second = twoDigits(text, i + 1);
      if (second < 0) return undefined;
      i += 3;
      const dot = i < n ? text.charCodeAt(i) : 0;
      // '.' or ','
      if (dot === 46 || dot === 44) {
        i++;
        let digits = 0;
        while (i < n) {
          const d = digitAt(text, i);
          if (d < 0) break;
          if (digits < 3) ms = ms * 10 + d;
          digits++;
          i++;
        }
        if (digits === 0 || digits > 9) return undefined;
        for (let k = digits; k < 3; k++) ms *= 10;
      }
    }
    if (i < n) {
      const z = text.charCodeAt(i);
      if (z === 90 || z === 122) {
        // 'Z' or 'z', last
        if (i + 1 !== n) return undefined;
      } else if (z === PLUS || z === MINUS) {
        const oh = twoDigits(text, i + 1);
        if (oh < 0) return undefined;
        i += 3;
        let om = 0;
        if (i < n) {
          if (text.charCodeAt(i) === COLON) i++;
          om = twoDigits(text, i);
          if (om < 0 || i + 2 !== n) return undefined;
        }
        if (oh > 23 || om > 59) return undefined;
        offset = (z === MINUS ? -1 : 1) * (oh * 60 + om);
      } else return undefined;
    }
    if (hour > 23 || minute > 59 || second > 59) return undefined;
  }
  const utc = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  return utc - offset * 60_000;
}

/** Whether `text` is a plain decimal: `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`, read by character. */
export function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === PLUS || c === MINUS) c = text.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    if (c === PLUS || c === MINUS) c = text.charCodeAt(++i);
    let exp = 0;
    while (c >= 48 && c <= 57) {
      exp++;
      c = text.charCodeAt(++i);
    }
    if (exp === 0) return false;
  }
  return i === n;
}

/**
 * Parses a plain decimal number (`12`, `-3.5`, `.5`, `1e6`). Rejects empty text, thousands
 * separators, hex, `NaN`, `Infinity` and anything else `Number()` would otherwise accept.
 */
export function parseDecimal(text: string): number | undefined {
  if (!isPlainDecimal(text)) return undefined;
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
