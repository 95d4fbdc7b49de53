/** Calendar helpers over epoch milliseconds (UTC). Pure: nothing here reads the clock. */

export const DAY_MS = 86_400_000;

/** Brand for a fiscal quarter label such as `2026-Q1`. */
export type QuarterLabel = string & { readonly __brand: 'QuarterLabel' };

/**
 * Fiscal quarter of an instant. The fiscal year is named after the calendar year in which it ends
 * (a year starting February 2026 is FY2027), except when it starts in January.
 */
export function quarterOf(ms: number, fiscalYearStartMonth = 1): QuarterLabel {
  const d = new Date(ms);
  const monthsIn = (d.getUTCMonth() - (fiscalYearStartMonth - 1) + 12) % 12;
  const q = Math.floor(monthsIn / 3) + 1;
  const fyStartYear = d.getUTCMonth() >= fiscalYearStartMonth - 1 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const fy = fiscalYearStartMonth === 1 ? fyStartYear : fyStartYear + 1;
  return `${fy}-Q${q}` as QuarterLabel;
}

/** First instant of a fiscal quarter label. */
export function quarterStart(label: string, fiscalYearStartMonth = 1): number {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) throw new Error(`Not a quarter label: ${label}`);
  const fy = Number(m[1]);
  const q = Number(m[2]);
  const startYear = fiscalYearStartMonth === 1 ? fy : fy - 1;
  return Date.UTC(startYear, fiscalYearStartMonth - 1 + (q - 1) * 3, 1);
}

/** First instant after a fiscal quarter. */
export function quarterEnd(label: string, fiscalYearStartMonth = 1): number {
  const start = new Date(quarterStart(label, fiscalYearStartMonth));
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1);
}

/** The quarter label `k` quarters after `label` (k may be negative). */
export function addQuarters(label: string, k: number, fiscalYearStartMonth = 1): QuarterLabel {
  const start = new Date(quarterStart(label, fiscalYearStartMonth));
  return quarterOf(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * k, 1), fiscalYearStartMonth);
}

/** ISO date (YYYY-MM-DD) of an instant, UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The end of an ISO day D: D 23:59:59.999 UTC (SPEC §10: a date the user gives means its end). NaN when not YYYY-MM-DD. */
export function endOfIsoDay(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  const t = Date.parse(`${day}T23:59:59.999Z`);
  return Number.isFinite(t) && isoDate(t) === day ? t : NaN;
}

/** An instant written exactly, e.g. `2026-11-15 23:59:59.999 UTC`. */
export function isoInstant(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')} UTC`;
}

/**
 * The fiscal quarter of an instant as a number that orders and subtracts as quarters do: fiscal
 * year × 4 + quarter − 1 (the year and quarter of `quarterOf`'s label). No string is built, for loops
 * over every deal.
 */
export function quarterIndexOf(ms: number, fiscalYearStartMonth = 1): number {
  const d = new Date(ms);
  const month = d.getUTCMonth();
  const monthsIn = (month - (fiscalYearStartMonth - 1) + 12) % 12;
  const fyStartYear = month >= fiscalYearStartMonth - 1 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const fy = fiscalYearStartMonth === 1 ? fyStartYear : fyStartYear + 1;
  return fy * 4 + Math.floor(monthsIn / 3);
}

/**
 * `quarterIndexOf` without building a Date (a million leads have seven instants each): the UTC
 * civil date by days-from-civil arithmetic (H. Hinnant), then the fiscal quarter. NaN for NaN.
 */
export function quarterNumber(ms: number, fiscalYearStartMonth = 1): number {
  if (!(Math.abs(ms) <= 8.64e15)) return NaN;
  const z = Math.floor(Math.trunc(ms) / DAY_MS) + 719_468; // a Date drops the fraction of a millisecond
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10; // 0-based, January = 0
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  const monthsIn = (month - (fiscalYearStartMonth - 1) + 12) % 12;
  const fyStartYear = month >= fiscalYearStartMonth - 1 ? year : year - 1;
  const fyear = fiscalYearStartMonth === 1 ? fyStartYear : fyStartYear + 1;
  return fyear * 4 + Math.floor(monthsIn / 3);
}

/**
 * First instant (epoch ms) of the fiscal quarter numbered as `quarterNumber` numbers it; NaN beyond
 * the range of a Date.
 */
export function quarterStartOf(quarter: number, fiscalYearStartMonth = 1): number {
  const fyear = Math.floor(quarter / 4);
  const startYear = fiscalYearStartMonth === 1 ? fyear : fyear - 1;
  const d = new Date(0); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are
  return d.setUTCFullYear(startYear, fiscalYearStartMonth - 1 + (quarter - fyear * 4) * 3, 1);
}
