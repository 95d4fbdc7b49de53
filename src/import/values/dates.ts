/**
 * Dates as CRMs and spreadsheets write them. A column's format is decided once, from all its values:
 * ISO-8601 (Salesforce's `2024-01-22T20:36:47.000+0000` included), `MM/DD/YYYY`, `DD/MM/YYYY` or Excel
 * serial day numbers. When every slash date of a column would read both ways (`03/04/2025`), the
 * column is ambiguous: the user is asked, nothing is guessed.
 */
import { parseIsoInstant } from './parse-values';

export type DateFormat = 'iso' | 'mdy' | 'dmy' | 'excel';
export type DetectedDateFormat = DateFormat | 'ambiguous' | 'unknown' | 'empty';

const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const SERIAL = /^\d{4,5}(?:\.\d+)?$/;
/** Excel serials of plausible CRM dates: 1927-05-18 (10000) to 2173-10-14 (100000). */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 100_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Decides a column's date format from its non-empty values (the first 5,000 are enough). */
export function detectDateFormat(values: readonly string[]): DetectedDateFormat {
  let iso = 0;
  let slash = 0;
  let serial = 0;
  let other = 0;
  let firstOver12 = false;
  let secondOver12 = false;
  let n = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    if (++n > 5000) break;
    if (parseIsoInstant(v) !== undefined) iso++;
    else if (SLASH.test(v)) {
      slash++;
      const m = SLASH.exec(v)!;
      if (Number(m[1]) > 12) firstOver12 = true;
      if (Number(m[2]) > 12) secondOver12 = true;
    } else if (SERIAL.test(v) && Number(v) >= SERIAL_MIN && Number(v) <= SERIAL_MAX) serial++;
    else other++;
  }
  if (n === 0) return 'empty';
  const best = Math.max(iso, slash, serial);
  if (best === 0 || other > best) return 'unknown';
  if (best === iso) return 'iso';
  if (best === serial) return 'excel';
  if (firstOver12 && secondOver12) return 'unknown';
  if (firstOver12) return 'dmy';
  if (secondOver12) return 'mdy';
  return 'ambiguous';
}

function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0): number | undefined {
  if (month < 1 || month > 12 || day < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, h, mi, s);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** Parses one value in a known format to epoch ms (UTC); undefined when it does not fit. */
export function parseDateAs(text: string, format: DateFormat): number | undefined {
  const v = text.trim();
  if (format === 'iso') return parseIsoInstant(v);
  if (format === 'excel') {
    if (!SERIAL.test(v)) return undefined;
    const serial = Number(v);
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return undefined;
    return EXCEL_EPOCH + Math.round(serial * DAY_MS);
  }
  const m = SLASH.exec(v);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  const ampm = m[7]?.toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  const [month, day] = format === 'mdy' ? [a, b] : [b, a];
  return utc(
    Number(m[3]),
    month,
    day,
    hour,
    m[5] === undefined ? 0 : Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
  );
}

export const DATE_FORMAT_LABEL: Readonly<Record<DateFormat, string>> = {
  iso: 'ISO-8601 (2025-03-04)',
  mdy: 'MM/DD/YYYY',
  dmy: 'DD/MM/YYYY',
  excel: 'Excel serial day numbers',
};
