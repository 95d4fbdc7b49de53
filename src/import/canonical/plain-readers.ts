/**
 * The clean rows of a streamed activities.csv or touches.csv read straight from the file's bytes
 * (see `PlainReader` in table.ts): a row whose every value is plainly right — ids that resolve,
 * a type or channel with nothing to trim, an ISO instant from 1900 up to the import date, a whole
 * number or nothing as the value — is counted as accepted and stored without a string per cell.
 * Any other row is not taken, and the usual reader (activityRow, touchRow) reads it from its cells,
 * with every repair and rejection it reports.
 */
import type { ActivityStore, TouchStore } from '../../engine/model/row-stores';
import type { FileTally } from '../report';
import { EARLIEST_DATE_MS } from '../values/row-checks';
import {
  FewTexts,
  digitsValue,
  isPlainIdBytes,
  isTrimmedBytes,
  isoInstantOfBytes,
  sameBytes,
} from '../values/plain-bytes';
import type { PlainColumn, PlainReader } from './table';

/** Required or plain date: an ISO instant from 1900 up to the column's latest, else NaN. */
function plainInstant(bytes: Uint8Array, start: number, end: number, column: PlainColumn): number {
  const ms = isoInstantOfBytes(bytes, start, end);
  return ms === undefined || ms < EARLIEST_DATE_MS || ms > column.latest ? NaN : ms;
}

/**
 * A lookup of ids by their bytes that remembers the last id asked (rows come grouped by lead):
 * `undefined` when the id is not found; `plain` says whether the id must be a plain id (an id
 * column) or only need nothing to trim (a text column).
 */
function idLookup(find: (id: string) => number | undefined, plain: boolean) {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let lastStart = -1;
  let lastEnd = -1;
  let last: number | undefined;
  return (bytes: Uint8Array, start: number, end: number): number | undefined => {
    if (lastStart >= 0 && sameBytes(bytes, start, end, lastStart, lastEnd)) return last;
    if (!(plain ? isPlainIdBytes(bytes, start, end) : isTrimmedBytes(bytes, start, end))) return undefined;
    last = find(decoder.decode(bytes.subarray(start, end)));
    lastStart = start;
    lastEnd = end;
    return last;
  };
}

/**
 * activities.csv's clean rows (activityRow's rules): `leadRowOf` finds a lead read (undefined when
 * leads.csv is not in the folder, where every row is rejected).
 */
export function plainActivities(
  leadRowOf: ((id: string) => number | undefined) | undefined,
  store: ActivityStore,
  tally: FileTally,
): PlainReader {
  return (columns) => {
    const lead = columns.get('lead_id');
    const type = columns.get('type');
    const at = columns.get('at');
    const value = columns.get('value');
    if (!leadRowOf || !lead || !type || !at) return undefined;
    const leadOf = idLookup(leadRowOf, true);
    const types = new FewTexts();
    return (row, { bytes, start, end }) => {
      const leadRow = leadOf(bytes, start[lead.source]!, end[lead.source]!);
      if (leadRow === undefined) return false;
      const ts = start[type.source]!;
      const te = end[type.source]!;
      if (!isTrimmedBytes(bytes, ts, te)) return false;
      const ms = plainInstant(bytes, start[at.source]!, end[at.source]!, at);
      if (Number.isNaN(ms)) return false;
      let v = NaN;
      if (value && end[value.source]! > start[value.source]!) {
        v = digitsValue(bytes, start[value.source]!, end[value.source]!);
        if (v < 0) return false;
      }
      tally.row(row);
      store.append(leadRow, types.text(bytes, ts, te), ms, v);
      return true;
    };
  };
}

/**
 * touches.csv's clean rows (touchRow's rules): every reference given is found (`opportunityRowOf`,
 * `leadRowOf`: undefined for an id not read), and at least one is given.
 */
export function plainTouches(
  opportunityRowOf: (id: string) => number | undefined,
  leadRowOf: (id: string) => number | undefined,
  store: TouchStore,
  tally: FileTally,
): PlainReader {
  return (columns) => {
    const opp = columns.get('opportunity_id');
    const lead = columns.get('lead_id');
    const channel = columns.get('channel');
    const at = columns.get('at');
    if (!channel || !at) return undefined;
    const oppOf = idLookup(opportunityRowOf, false);
    const leadOf = idLookup(leadRowOf, false);
    const channels = new FewTexts();
    return (row, { bytes, start, end }) => {
      let oppRow = -1;
      if (opp && end[opp.source]! > start[opp.source]!) {
        const r = oppOf(bytes, start[opp.source]!, end[opp.source]!);
        if (r === undefined) return false;
        oppRow = r;
      }
      let leadRow = -1;
      if (lead && end[lead.source]! > start[lead.source]!) {
        const r = leadOf(bytes, start[lead.source]!, end[lead.source]!);
        if (r === undefined) return false;
        leadRow = r;
      }
      if (oppRow < 0 && leadRow < 0) return false;
      const cs = start[channel.source]!;
      const ce = end[channel.source]!;
      if (!isTrimmedBytes(bytes, cs, ce)) return false;
      const ms = plainInstant(bytes, start[at.source]!, end[at.source]!, at);
      if (Number.isNaN(ms)) return false;
      tally.row(row);
      store.append(oppRow, leadRow, channels.text(bytes, cs, ce), ms);
      return true;
    };
  };
}
