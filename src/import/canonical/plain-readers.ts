/**
 * The clean rows of a streamed leads.csv, activities.csv or touches.csv read straight from the file's bytes
 * (see `PlainReader` in table.ts): a row whose every value is plainly right — ids that resolve,
 * a type or channel with nothing to trim, an ISO instant from 1900 up to the import date, a whole
 * number or nothing as the value — is counted as accepted and stored without a string per cell.
 * Any other row is not taken, and the usual reader (activityRow, touchRow) reads it from its cells,
 * with every repair and rejection it reports.
 */
import type { LeadRecord, StageEvent } from '../../engine/model/records';
import type { ActivityStore, TouchStore } from '../../engine/model/row-stores';
import type { FileTally } from '../report';
import { parseBoolean } from '../values/parse-values';
import { EARLIEST_DATE_MS } from '../values/row-checks';
import { LEAD_STAGE_COLUMNS } from './columns';
import { historyFromStageDates, type KeptIds } from './read-leads';
import type { IdSet } from './row-reader';
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

const LEAD_TEXT = [
  ['email', 'email'],
  ['title', 'title'],
  ['persona', 'persona'],
  ['seniority', 'seniority'],
  ['country', 'country'],
  ['source', 'source'],
  ['campaign', 'campaign'],
  ['owner', 'owner'],
  ['disqualified_reason', 'disqualifiedReason'],
] as const;

/**
 * leads.csv's clean rows (leadRows' rules) of a file whose every column is a canonical one (no
 * custom attribute): a new plain id, a creation instant, an account found (or no accounts.csv),
 * text with nothing to trim, a boolean word or nothing as is_bot, stage instants not before the
 * creation, and no status. Each lead taken goes to `emit` as leadRows would hand it on.
 */
export function plainLeads(
  accountIds: IdSet,
  kept: KeptIds,
  emit: (lead: LeadRecord, row: number) => void,
  tally: FileTally,
): PlainReader {
  return (columns, width) => {
    const id = columns.get('id');
    const created = columns.get('created_at');
    if (!id || !created || columns.size !== width) return undefined;
    const account = columns.get('account_id');
    const isBot = columns.get('is_bot');
    const status = columns.get('status');
    const text = LEAD_TEXT.flatMap(([column, field]) => {
      const c = columns.get(column);
      return c ? [{ source: c.source, field, texts: new FewTexts() }] : [];
    });
    const stages = LEAD_STAGE_COLUMNS.flatMap(([column, stage]) => {
      const c = columns.get(column);
      return c ? [{ column: c, stage }] : [];
    });
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const bools = new FewTexts();
    // The account id read (an account not found is undefined), kept for the lead.
    let accountId: string | undefined;
    const accountOf = idLookup((a) => {
      accountId = a;
      return accountIds === undefined || accountIds.has(a) ? 1 : undefined;
    }, true);
    return (row, { bytes, start, end }) => {
      if (status && end[status.source]! > start[status.source]!) return false;
      const is = start[id.source]!;
      const ie = end[id.source]!;
      if (!isPlainIdBytes(bytes, is, ie)) return false;
      const createdAt = plainInstant(bytes, start[created.source]!, end[created.source]!, created);
      if (Number.isNaN(createdAt)) return false;
      const hasAccount = account !== undefined && end[account.source]! > start[account.source]!;
      if (hasAccount && accountOf(bytes, start[account.source]!, end[account.source]!) === undefined) return false;
      for (const t of text) {
        const s = start[t.source]!;
        const e = end[t.source]!;
        if (e > s && !isTrimmedBytes(bytes, s, e)) return false;
      }
      let bot = false;
      if (isBot && end[isBot.source]! > start[isBot.source]!) {
        const s = start[isBot.source]!;
        const e = end[isBot.source]!;
        const b = isTrimmedBytes(bytes, s, e) ? parseBoolean(bools.text(bytes, s, e)) : undefined;
        if (b === undefined) return false;
        bot = b;
      }
      const dates: StageEvent[] = [];
      for (const { column, stage } of stages) {
        const s = start[column.source]!;
        const e = end[column.source]!;
        if (e === s) continue;
        const at = plainInstant(bytes, s, e, column);
        if (Number.isNaN(at) || at < createdAt) return false;
        dates.push({ stage, at });
      }
      const leadId = decoder.decode(bytes.subarray(is, ie));
      if (kept.rowOf(leadId) !== undefined) return false;
      tally.row(row);
      const lead: LeadRecord = {
        id: leadId,
        createdAt,
        isBot: bot,
        stageHistory: historyFromStageDates(createdAt, dates),
        custom: Object.create(null) as LeadRecord['custom'],
      };
      if (hasAccount) lead.accountId = accountId;
      for (const t of text) {
        const s = start[t.source]!;
        const e = end[t.source]!;
        if (e > s) lead[t.field] = t.texts.text(bytes, s, e);
      }
      emit(lead, row);
      return true;
    };
  };
}
