/** ISO-8601 instants parsed straight from UTF-8 bytes (the forms the canonical writer emits). */

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The canonical instant forms written by the canonical writer — `YYYY-MM-DD` and
 * `YYYY-MM-DDTHH:mm:ss(.sss)Z` — parsed from UTF-8 bytes without building a string or calling
 * `Date.parse`. Anything else, or an impossible date such as 2026-02-31, is NaN.
 */
export function parseIsoInstant(b: Uint8Array, s: number, end: number): number {
  const len = end - s;
  if (len < 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return Number.NaN;
  // Each byte minus 48 is a digit when it is in 0…9: then v | (v + 6) < 16; a negative v or one
  // above 9 sets a higher bit. OR-ing these over several bytes tests them all at once.
  const y0 = b[s]! - 48;
  const y1 = b[s + 1]! - 48;
  const y2 = b[s + 2]! - 48;
  const y3 = b[s + 3]! - 48;
  const m0 = b[s + 5]! - 48;
  const m1 = b[s + 6]! - 48;
  const d0 = b[s + 8]! - 48;
  const d1 = b[s + 9]! - 48;
  if ((y0 | (y0 + 6) | y1 | (y1 + 6) | y2 | (y2 + 6) | y3 | (y3 + 6) | m0 | (m0 + 6) | m1 | (m1 + 6) | d0 | (d0 + 6) | d1 | (d1 + 6)) & ~15) {
    return Number.NaN;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]!) return Number.NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return Number.NaN;
  const ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) return ms;
  if ((len !== 20 && len !== 24) || b[s + 10] !== 84 || b[s + 13] !== 58 || b[s + 16] !== 58 || b[end - 1] !== 90) return Number.NaN;
  const h0 = b[s + 11]! - 48;
  const h1 = b[s + 12]! - 48;
  const i0 = b[s + 14]! - 48;
  const i1 = b[s + 15]! - 48;
  const s0 = b[s + 17]! - 48;
  const s1 = b[s + 18]! - 48;
  if ((h0 | (h0 + 6) | h1 | (h1 + 6) | i0 | (i0 + 6) | i1 | (i1 + 6) | s0 | (s0 + 6) | s1 | (s1 + 6)) & ~15) return Number.NaN;
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const sec = s0 * 10 + s1;
  if (h > 23 || mi > 59 || sec > 59) return Number.NaN;
  const t = ms + ((h * 60 + mi) * 60 + sec) * 1000;
  if (len === 20) return t;
  const f0 = b[s + 20]! - 48;
  const f1 = b[s + 21]! - 48;
  const f2 = b[s + 22]! - 48;
  if (b[s + 19] !== 46 || (f0 | (f0 + 6) | f1 | (f1 + 6) | f2 | (f2 + 6)) & ~15) return Number.NaN;
  return t + f0 * 100 + f1 * 10 + f2;
}
