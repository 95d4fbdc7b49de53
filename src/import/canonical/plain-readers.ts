/**
 * The clean rows of a streamed leads.csv, activities.csv or touches.csv read straight from the file's bytes
 * (see `PlainReader` in table.ts): a row whose every value is plainly right — ids that resolve,
 * a type or channel with nothing to trim, an ISO instant from 1900 up to the import date, a whole
 * number or nothing as the value — is counted as accepted and stored without a string per cell.
 * Any other row is not taken, and the usual reader (activityRow, touchRow) reads it from its cells,
 * with every repair and rejection it reports.
 */
import { DATED_STAGES, LEAD_TEXT_FIELDS, type LeadStore, type TextField } from '../../engine/model/lead-store';
import type { ActivityStore, TouchStore } from '../../engine/model/row-stores';
import { BytesTable, type IdIndex } from '../../engine/model/grow';
import type { FileTally } from '../report';
import { parseBoolean } from '../values/parse-values';
import { EARLIEST_DATE_MS } from '../values/row-checks';
import { LEAD_STAGE_COLUMNS } from './columns';
import type { IdSet } from './row-reader';
import { FewTexts, digitsValue, isPlainIdBytes, isTrimmedBytes, isoInstantOfBytes } from '../values/plain-bytes';
import type { PlainColumn, PlainReader } from './table';

/** Required or plain date: an ISO instant from 1900 up to the column's latest, else NaN. */
function plainInstant(bytes: Uint8Array, start: number, end: number, column: PlainColumn): number {
  const ms = isoInstantOfBytes(bytes, start, end);
  return ms === undefined || ms < EARLIEST_DATE_MS || ms > column.latest ? NaN : ms;
}

/** Finds a row by id: from its text, or straight from its bytes (see `IdIndex`). */
export type IdFinder = ((id: string) => number | undefined) | IdIndex;

/**
 * A lookup of ids by their bytes that remembers the last id asked (rows come grouped by lead):
 * `undefined` when the id is not found; `plain` says whether the id must be a plain id (an id
 * column) or only need nothing to trim (a text column).
 */
function idLookup(find: IdFinder, plain: boolean) {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // The last id asked, as a copy of its bytes (not offsets into the file's: a file read a segment
  // at a time gives each segment's rows in bytes of their own, and the lookup must not keep them).
  let lastId = new Uint8Array(64);
  let lastLength = -1;
  let last: number | undefined;
  return (bytes: Uint8Array, start: number, end: number): number | undefined => {
    const n = end - start;
    if (n === lastLength) {
      let i = 0;
      while (i < n && bytes[start + i] === lastId[i]) i++;
      if (i === n) return last;
    }
    if (!(plain ? isPlainIdBytes(bytes, start, end) : isTrimmedBytes(bytes, start, end))) return undefined;
    last =
      typeof find === 'function' ? find(decoder.decode(bytes.subarray(start, end))) : find.getBytes(bytes, start, end);
    if (n > lastId.length) lastId = new Uint8Array(2 * n);
    lastId.set(bytes.subarray(start, end));
    lastLength = n;
    return last;
  };
}

/**
 * activities.csv's clean rows (activityRow's rules): `leadRowOf` finds a lead read (undefined when
 * leads.csv is not in the folder, where every row is rejected).
 */
export function plainActivities(leadRowOf: IdFinder | undefined, store: ActivityStore, tally: FileTally): PlainReader {
  return (columns) => {
    const lead = columns.get('lead_id');
    const type = columns.get('type');
    const at = columns.get('at');
    const value = columns.get('value');
    if (!leadRowOf || !lead || !type || !at) return undefined;
    const leadOf = idLookup(leadRowOf, true);
    const types = store.typeCodes();
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
      store.appendCoded(leadRow, types.code(bytes, ts, te), ms, v);
      return true;
    };
  };
}

/**
 * touches.csv's clean rows (touchRow's rules): every reference given is found (`opportunityRowOf`,
 * `leadRowOf`: undefined for an id not read), and at least one is given.
 */
export function plainTouches(
  opportunityRowOf: IdFinder,
  leadRowOf: IdFinder,
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
    const channels = store.channelCodes();
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
      store.appendCoded(oppRow, leadRow, channels.code(bytes, cs, ce), ms);
      return true;
    };
  };
}

const LEAD_TEXT: readonly (readonly [column: string, field: TextField])[] = [
  ['email', 'email'],
  ['title', 'title'],
  ['persona', 'persona'],
  ['seniority', 'seniority'],
  ['country', 'country'],
  ['source', 'source'],
  ['campaign', 'campaign'],
  ['owner', 'owner'],
  ['disqualified_reason', 'disqualifiedReason'],
];

/**
 * leads.csv's clean rows (leadRows' rules) of a file whose every column is a canonical one (no
 * custom attribute): a new plain id, a creation instant, an account found (or no accounts.csv),
 * text with nothing to trim, a boolean word or nothing as is_bot, stage instants not before the
 * creation, and no status. Each lead taken goes into `store` as leadRows would hand it on (see
 * `LeadStore.appendPlain`), its row number to `taken`.
 */
export function plainLeads(
  accountIds: IdSet,
  store: LeadStore,
  taken: (row: number) => void,
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
      return c ? [{ source: c.source, slot: LEAD_TEXT_FIELDS.indexOf(field), codes: store.textCodes(field) }] : [];
    });
    const codes = new Int32Array(LEAD_TEXT_FIELDS.length);
    const email = columns.get('email');
    const stageColumns = DATED_STAGES.map((stage) => {
      const column = LEAD_STAGE_COLUMNS.find(([, s]) => s === stage)![0];
      return columns.get(column);
    });
    const stageAt = new Float64Array(DATED_STAGES.length);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const bools = new FewTexts();
    // Each account id met, by its bytes: its text, whether it is a plain id of an account read, and
    // its code in the store once a lead took it (-1 before).
    const accounts = new BytesTable();
    const accountText: string[] = [];
    const accountFound: boolean[] = [];
    const accountCodes: number[] = [];
    return (row, { bytes, start, end }) => {
      if (status && end[status.source]! > start[status.source]!) return false;
      const is = start[id.source]!;
      const ie = end[id.source]!;
      if (!isPlainIdBytes(bytes, is, ie)) return false;
      const createdAt = plainInstant(bytes, start[created.source]!, end[created.source]!, created);
      if (Number.isNaN(createdAt)) return false;
      let accountEntry = -1;
      if (account !== undefined && end[account.source]! > start[account.source]!) {
        const s = start[account.source]!;
        const e = end[account.source]!;
        let k = accounts.entry(bytes, s, e);
        if (k < 0) {
          k = ~k;
          const plainId = isPlainIdBytes(bytes, s, e);
          const a = plainId ? decoder.decode(bytes.subarray(s, e)) : '';
          accountText.push(a);
          accountFound.push(plainId && (accountIds === undefined || accountIds.has(a)));
          accountCodes.push(-1);
        }
        if (!accountFound[k]) return false;
        accountEntry = k;
      }
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
      for (let k = 0; k < stageColumns.length; k++) {
        const column = stageColumns[k];
        stageAt[k] = NaN;
        if (column === undefined) continue;
        const s = start[column.source]!;
        const e = end[column.source]!;
        if (e === s) continue;
        const at = plainInstant(bytes, s, e, column);
        if (Number.isNaN(at) || at < createdAt) return false;
        stageAt[k] = at;
      }
      if (store.hasBytes(bytes, is, ie)) return false;
      // Codes only now that the row is taken: a dictionary holds the values of leads kept.
      codes.fill(-1);
      for (const t of text) {
        const s = start[t.source]!;
        const e = end[t.source]!;
        if (e > s) codes[t.slot] = t.codes.code(bytes, s, e);
      }
      tally.row(row);
      let accountCode = -1;
      if (accountEntry >= 0) {
        accountCode = accountCodes[accountEntry]!;
        if (accountCode < 0) accountCode = accountCodes[accountEntry] = store.accountCode(accountText[accountEntry]!);
      }
      const es = email ? start[email.source]! : 0;
      const ee = email ? end[email.source]! : 0;
      const domain = ee > es ? store.emailDomainCode(bytes, es, ee) : -1;
      store.appendPlain(bytes, is, ie, createdAt, accountCode, codes, domain, bot, stageAt);
      taken(row);
      return true;
    };
  };
}
