/**
 * Instants of history tables as warehouses and CRM APIs write them, read to epoch ms (UTC):
 * warehouse timestamps without a zone (`2019-08-08 20:24:50.000`, also with a one-digit hour as in
 * `2021-01-07 6:49:18`), ISO-8601, epoch milliseconds (HubSpot's API), and slash dates in the
 * format a column reads (never guessed when it reads both ways).
 */
import { parseIsoInstant } from '../values/parse-values';
import { DATE_FORMAT_LABEL, detectDateFormat, parseDateAs, type DateFormat } from '../values/dates';

const WAREHOUSE = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(:\d{2}(?:\.\d{1,9})?)?(?: ?(?:UTC|Z))?$/i;
/** Epoch milliseconds of 2001-09-09 to 2286-11-20: 13 digits, so no amount or year is taken for one. */
const EPOCH_MS = /^\d{13}$/;

/** Epoch ms of a warehouse, ISO or epoch-ms instant; undefined for anything else. */
export function readInstant(text: string): number | undefined {
  const v = text.trim();
  if (EPOCH_MS.test(v)) return Number(v);
  const w = WAREHOUSE.exec(v);
  if (w) return parseIsoInstant(`${w[1]}T${w[2]!.padStart(2, '0')}:${w[3]}${w[4] ?? ''}Z`);
  return parseIsoInstant(v);
}

/** A column of instants read to epoch ms, with a remark on how the column was read. */
export interface ReadColumn {
  readonly ms: readonly (number | undefined)[];
  /** Set when the column's dates could not be read in one format (ambiguous or unknown). */
  readonly problem?: string;
  /** Set when the dates were read as slash dates or serials: the format used. */
  readonly format?: string;
}

/**
 * Reads every value of a column: instants as above; other values in the one format the column's
 * slash dates read (`dateFormat` decides when they read both ways).
 */
export function readInstantColumn(values: readonly string[], dateFormat?: DateFormat): ReadColumn {
  const direct = values.map(readInstant);
  const rest = values.filter((v, i) => direct[i] === undefined && v.trim() !== '');
  if (rest.length === 0) return { ms: direct };
  const detected = detectDateFormat(rest);
  const format: DateFormat | undefined =
    detected === 'ambiguous'
      ? dateFormat === 'mdy' || dateFormat === 'dmy'
        ? dateFormat
        : undefined
      : detected === 'mdy' || detected === 'dmy' || detected === 'excel'
        ? detected
        : undefined;
  if (format === undefined) {
    return {
      ms: direct,
      problem:
        detected === 'ambiguous'
          ? `dates such as "${rest[0]}" read both as MM/DD/YYYY and DD/MM/YYYY; choose the date format in the mapping`
          : undefined,
    };
  }
  return {
    ms: values.map((v, i) => direct[i] ?? (v.trim() === '' ? undefined : parseDateAs(v, format))),
    format: DATE_FORMAT_LABEL[format],
  };
}

export const isoOf = (ms: number): string => new Date(ms).toISOString();
