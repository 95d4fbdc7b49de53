/**
 * Zod schemas for the values of canonical JSON fields. Strings arrive already trimmed (see
 * json-record.ts). Money is read in currency units and comes out as integer cents; instants come
 * out as epoch ms (UTC). No coercion: a JSON number is required where a number is meant, because
 * `z.coerce.number()` would turn `""` into 0 and `"0x10"` into 16.
 */
import { z } from 'zod';
import { ISO_HINT, parseCurrency, parseIsoInstant, parseQuarter, unitsToCents } from '../values/parse-values';

export const text = z.string({ error: 'expected text' });

/** An id: text, or a whole number (many systems export numeric ids), kept as its decimal text. */
export const idText = z.union([text, z.number().int().transform(String)], {
  error: 'expected an id (text or a whole number)',
});

/** An ISO-8601 date or date-time string → epoch ms (UTC). */
export const instant = z.string({ error: `expected a date string (${ISO_HINT})` }).transform((s, ctx) => {
  const ms = parseIsoInstant(s);
  if (ms === undefined) {
    ctx.addIssue(`unparseable date (${ISO_HINT})`);
    return z.NEVER;
  }
  return ms;
});

/** An amount in currency units (a JSON number) → integer cents; negative is refused. */
export const money = z.number({ error: 'expected an amount in currency units (a number)' }).transform((n, ctx) => {
  const m = unitsToCents(n);
  if (!m.ok) {
    ctx.addIssue(m.reason);
    return z.NEVER;
  }
  return m.cents;
});

export const finite = z.number({ error: 'expected a number' }).refine(Number.isFinite, 'expected a finite number');

export const nonNegative = finite.refine((n) => n >= 0, 'expected a number ≥ 0');

export const bool = z.boolean({ error: 'expected true or false' });

export const stringList = z.array(text, { error: 'expected a list of text values' });

export const quarter = z.string({ error: 'expected a quarter label such as 2026-Q1' }).transform((s, ctx) => {
  const q = parseQuarter(s);
  if (q === undefined) {
    ctx.addIssue('not a quarter label: expected e.g. 2026-Q1');
    return z.NEVER;
  }
  return q;
});

export const currency = z.string().transform((s, ctx) => {
  const c = parseCurrency(s);
  if (c === undefined) {
    ctx.addIssue('not a three-letter currency code');
    return z.NEVER;
  }
  return c;
});

export const month = z.number().int().min(1).max(12);

/** Whether a sub-cent amount will be rounded (reported as a repair by the caller). */
export function isSubCent(units: unknown): boolean {
  if (typeof units !== 'number') return false;
  const m = unitsToCents(units);
  return m.ok && m.rounded;
}
