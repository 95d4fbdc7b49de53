/**
 * Text forms of canonical values, shared by the CSV and JSON writers. Each is the exact inverse of
 * the matching parser in ../values/parse-values.ts, so a written value reads back to the same number.
 */

const DAY_MS = 86_400_000;

/**
 * ISO-8601 text of an instant (epoch ms, UTC): `YYYY-MM-DD` when it falls on UTC midnight (dates such
 * as close dates are usually whole days), else `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/**
 * Integer cents as a decimal amount in currency units with at most two decimals and no trailing
 * zeros (`123456` → `1234.56`, `120000` → `1200`, `150` → `1.5`). Done on integers, not floats, so
 * no rounding can creep in.
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  const two = String(frac).padStart(2, '0');
  return `${sign}${whole}.${two.endsWith('0') ? two.slice(0, 1) : two}`;
}

/** Cents as a JSON number of currency units (e.g. 123456 → 1234.56). */
export function centsToUnits(cents: number): number {
  return Number(formatCents(cents));
}

/** A plain number as text; `String` already gives the shortest round-tripping form. */
export function formatNumber(n: number): string {
  return String(n);
}
