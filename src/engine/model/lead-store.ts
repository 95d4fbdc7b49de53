/**
 * Leads held as growing columns while they are read, one row at a time (see row-stores.ts): a
 * reader appends each accepted lead, from its record or straight from a clean row's bytes, and
 * forgets it. `columns()` gives the Dataset's lead columns, `toRecords()` the leads as records again.
 */
import type { Column, DatedLeadStage, DictColumn, LeadColumns } from './columns';
import { BytesCodes, BytesTable, GrowingArray, GrowingDict, IdIndex, dictOf, ownString } from './grow';
import { domainOf, lastAtSign } from './email-domain';
import type { LeadRecord, StageEvent, StreamedTable } from './records';
import { LEAD_STAGES, LEAD_STAGE_CODE } from './stages';

/** Lead stages with an entry column, in the order `appendPlain` takes their instants. */
export const DATED_STAGES = LEAD_STAGES.filter((s): s is DatedLeadStage => s !== 'lead');
const DATED_CODE = DATED_STAGES.map((s) => LEAD_STAGE_CODE[s]);
export const LEAD_TEXT_FIELDS = [
  'email',
  'title',
  'persona',
  'seniority',
  'country',
  'source',
  'campaign',
  'owner',
  'disqualifiedReason',
] as const;
export type TextField = (typeof LEAD_TEXT_FIELDS)[number];

/** Events in time order; the input is returned as is when already sorted (the common case). */
export function byTime<T extends { readonly at: number }>(events: readonly T[]): readonly T[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.at < events[i - 1]!.at) return [...events].sort((x, y) => x.at - y.at);
  }
  return events;
}

/** A custom attribute column's values as text, and whether every present value reads as a number. */
interface CustomText {
  readonly dict: DictColumn;
  readonly numeric: boolean;
}

class CustomBuilder {
  readonly dict = new GrowingDict();
  /** Dictionary values checked for being numeric so far. */
  private checked = 0;
  private numeric = true;

  set(row: number, value: string): void {
    this.dict.set(row, value);
    const values = this.dict.values;
    for (; this.checked < values.length; this.checked++) {
      const v = values[this.checked]!;
      if (this.numeric && v.trim() !== '' && !Number.isFinite(Number(v))) this.numeric = false;
    }
  }

  build(rows: number): CustomText {
    return { dict: dictOf(this.dict, rows), numeric: this.numeric };
  }
}

/**
 * The Dataset's column of a custom attribute: numeric when every present value is a number. A
 * value blank once trimmed is kept for the records (exports) but is missing in the Dataset.
 */
function customColumn({ dict: text, numeric }: CustomText): Column {
  const dict = withoutBlanks(text);
  if (!numeric) return dict;
  const asNumber = dict.values.map(Number);
  const values = new Float64Array(dict.codes.length);
  for (let i = 0; i < values.length; i++) {
    const c = dict.codes[i]!;
    values[i] = c < 0 ? NaN : asNumber[c]!;
  }
  return { kind: 'num', values };
}

function withoutBlanks(dict: DictColumn): DictColumn {
  if (!dict.values.some((v) => v.trim() === '')) return dict;
  const recode = new Int32Array(dict.values.length).fill(-1);
  const values: string[] = [];
  dict.values.forEach((v, c) => {
    if (v.trim() !== '') recode[c] = values.push(v) - 1;
  });
  const codes = dict.codes.map((c) => (c < 0 ? -1 : recode[c]!));
  return { kind: 'dict', codes, values };
}

function customColumns(texts: ReadonlyMap<string, CustomText>): Record<string, Column> {
  const out = Object.create(null) as Record<string, Column>;
  for (const [name, t] of texts) out[name] = customColumn(t);
  return out;
}

/** Custom attributes of rows appended one by one (columns in order of their first value). */
export class CustomStore {
  private readonly columns = new Map<string, CustomBuilder>();

  /** Row `row`'s attributes (a value blank once trimmed is kept as text, missing in the Dataset). */
  add(row: number, custom: Readonly<Record<string, string>>): void {
    for (const name in custom) {
      const v = custom[name]!;
      let col = this.columns.get(name);
      if (col === undefined) {
        // A named attribute is a column even while all its values are blank.
        col = new CustomBuilder();
        this.columns.set(name, col);
      }
      col.set(row, v);
    }
  }

  build(rows: number): Map<string, CustomText> {
    return new Map([...this.columns].map(([name, col]) => [name, col.build(rows)]));
  }
}

/** The finished columns of a LeadStore (account ids still as text: resolved per dataset). */
interface FrozenLeads {
  readonly createdAt: Float64Array;
  readonly accountId: DictColumn;
  readonly text: Readonly<Record<TextField, DictColumn>>;
  readonly emailDomain: DictColumn;
  readonly isBot: Uint8Array;
  readonly stageAt: Readonly<Record<DatedLeadStage, Float64Array>>;
  readonly events: LeadColumns['events'];
  readonly custom: ReadonlyMap<string, CustomText>;
}

/**
 * Leads as growing columns; see the module comment. Once `columns()` or `toRecords()` is called
 * the store is finished: its columns are fixed and shared by every dataset built from it.
 */
export class LeadStore implements StreamedTable {
  readonly table = 'leads' as const;
  readonly ids: string[] = [];
  /** Row index of each id (the first row holding it), by its text or its bytes. */
  readonly index = new IdIndex();
  private createdAt: GrowingArray<Float64Array>;
  private accountId: GrowingDict;
  /** The text fields' dictionaries, in LEAD_TEXT_FIELDS order (an array: read by position per row). */
  private text: GrowingDict[];
  private isBot: GrowingArray<Uint8Array>;
  /** The entry instant of each dated stage, in DATED_STAGES order. */
  private stageAt: GrowingArray<Float64Array>[];
  private evStart: GrowingArray<Int32Array>;
  private evStage: GrowingArray<Uint8Array>;
  private evAt: GrowingArray<Float64Array>;
  private custom = new CustomStore();
  private domain: GrowingDict;
  /** The domain code of each text after an `@` met in bytes (see `emailDomainCode`). */
  private domainOfBytes = new BytesTable();
  private domainCodes: number[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private frozen: FrozenLeads | undefined;
  private customColumns: Record<string, Column> | undefined;

  /**
   * `rows`: the leads expected, for sizing the columns (see `GrowingArray`; each lead has at least
   * one stage event, its creation).
   */
  constructor(rows?: number) {
    this.createdAt = new GrowingArray(Float64Array, 0, rows);
    this.accountId = new GrowingDict(rows);
    this.text = LEAD_TEXT_FIELDS.map(() => new GrowingDict(rows));
    this.isBot = new GrowingArray(Uint8Array, 0, rows);
    this.stageAt = DATED_STAGES.map(() => new GrowingArray(Float64Array, 0, rows));
    // One more start than leads: the end of the last lead's events.
    this.evStart = new GrowingArray(Int32Array, 0, rows === undefined ? undefined : rows + 1);
    this.evStage = new GrowingArray(Uint8Array, 0, rows);
    this.evAt = new GrowingArray(Float64Array, 0, rows);
    this.domain = new GrowingDict(rows);
  }

  static from(leads: readonly LeadRecord[]): LeadStore {
    const s = new LeadStore(leads.length);
    for (const l of leads) s.append(l);
    return s;
  }

  get count(): number {
    return this.ids.length;
  }

  /** Whether a lead with this id was appended. */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** `has` of the id in `bytes[start, end)` (UTF-8). */
  hasBytes(bytes: Uint8Array, start: number, end: number): boolean {
    return this.index.getBytes(bytes, start, end) !== undefined;
  }

  append(l: LeadRecord): void {
    if (this.frozen) throw new Error('LeadStore: append after the store was finished');
    const i = this.ids.length;
    const id = ownString(l.id);
    this.ids.push(id);
    this.index.add(id, i);
    this.createdAt.push(l.createdAt);
    this.accountId.push(l.accountId);
    for (let f = 0; f < LEAD_TEXT_FIELDS.length; f++) this.text[f]!.push(l[LEAD_TEXT_FIELDS[f]!]);
    this.domain.pushCode(l.email === undefined || l.email === '' ? -1 : this.domainOfText(l.email));
    this.isBot.push(l.isBot ? 1 : 0);
    this.evStart.push(this.evAt.length);
    const first: Partial<Record<DatedLeadStage, number>> = {};
    for (const ev of byTime(l.stageHistory)) {
      this.evStage.push(LEAD_STAGE_CODE[ev.stage]);
      this.evAt.push(ev.at);
      if (ev.stage !== 'lead' && first[ev.stage] === undefined) first[ev.stage] = ev.at;
    }
    for (let s = 0; s < DATED_STAGES.length; s++) this.stageAt[s]!.push(first[DATED_STAGES[s]!] ?? NaN);
    this.custom.add(i, l.custom);
  }

  /** The domain code of an e-mail (see `LeadColumns.emailDomain`), -1 without an `@`. */
  private domainOfText(email: string): number {
    const at = lastAtSign(email);
    return at < 0 ? -1 : this.domain.code(domainOf(email.slice(at + 1)));
  }

  /**
   * The domain code of an e-mail still in a file's bytes (`bytes[start, end)`, UTF-8, non-empty),
   * for `appendPlain`: the code its text would get. An `@` byte is never part of another character,
   * so the last one is found on the bytes; each distinct text after it is decoded, trimmed and
   * lower-cased once.
   */
  emailDomainCode(bytes: Uint8Array, start: number, end: number): number {
    let at = end - 1;
    while (at >= start && bytes[at] !== 0x40) at--;
    if (at < start) return -1;
    const k = this.domainOfBytes.entry(bytes, at + 1, end);
    if (k >= 0) return this.domainCodes[k]!;
    const code = this.domain.codeOfOwn(domainOf(this.decoder.decode(bytes.subarray(at + 1, end))));
    this.domainCodes.push(code);
    return code;
  }

  /** Codes the field's values from their bytes, for `appendPlain` (the codes `append` gives their text). */
  textCodes(field: TextField): BytesCodes {
    return new BytesCodes(this.text[LEAD_TEXT_FIELDS.indexOf(field)]!);
  }

  /**
   * The code of an account id decoded from bytes (a text of its own), for `appendPlain` (the code
   * `append` gives it).
   */
  accountCode(id: string): number {
    return this.accountId.codeOfOwn(id);
  }

  /**
   * `append` of a lead given as columns, without a record: its id is `idBytes[idStart, idEnd)`
   * (UTF-8, new: see `hasBytes`), `text` holds a code per LEAD_TEXT_FIELDS
   * field (from `textCodes`, -1: missing), `domain` its e-mail's (from `emailDomainCode`, -1: no
   * e-mail), `account` one from `accountCode` (-1: none), `stageAt`
   * the instant of each dated stage in DATED_STAGES order (NaN: none), none before `createdAt`;
   * no custom attribute. The stage history is the lead's creation then its stages in time order,
   * as `historyFromStageDates` orders them.
   */
  appendPlain(
    idBytes: Uint8Array,
    idStart: number,
    idEnd: number,
    createdAt: number,
    account: number,
    text: Int32Array,
    domain: number,
    isBot: boolean,
    stageAt: Float64Array,
  ): void {
    if (this.frozen) throw new Error('LeadStore: append after the store was finished');
    const i = this.ids.length;
    this.ids.push(this.decoder.decode(idBytes.subarray(idStart, idEnd)));
    this.index.addBytes(idBytes, idStart, idEnd, i);
    this.createdAt.push(createdAt);
    this.accountId.pushCode(account);
    for (let f = 0; f < LEAD_TEXT_FIELDS.length; f++) this.text[f]!.pushCode(text[f]!);
    this.domain.pushCode(domain);
    this.isBot.push(isBot ? 1 : 0);
    this.evStart.push(this.evAt.length);
    this.evStage.push(LEAD_STAGE_CODE.lead);
    this.evAt.push(createdAt);
    // The dated stages by time, then by stage code (insertion into the few taken so far).
    const order = this.stageOrder;
    let n = 0;
    for (let s = 0; s < DATED_STAGES.length; s++) {
      const at = stageAt[s]!;
      this.stageAt[s]!.push(at);
      if (Number.isNaN(at)) continue;
      let k = n++;
      // Codes rise with s, so a stage goes after every earlier one at the same instant.
      while (k > 0 && stageAt[order[k - 1]!]! > at) {
        order[k] = order[k - 1]!;
        k--;
      }
      order[k] = s;
    }
    for (let k = 0; k < n; k++) {
      const s = order[k]!;
      this.evStage.push(DATED_CODE[s]!);
      this.evAt.push(stageAt[s]!);
    }
  }

  private readonly stageOrder = new Int32Array(DATED_STAGES.length);

  private finish(): FrozenLeads {
    if (this.frozen) return this.frozen;
    const n = this.ids.length;
    this.evStart.push(this.evAt.length);
    this.frozen = {
      createdAt: this.createdAt.done(),
      accountId: dictOf(this.accountId, n),
      text: Object.fromEntries(LEAD_TEXT_FIELDS.map((f, k) => [f, dictOf(this.text[k]!, n)])) as Record<
        TextField,
        DictColumn
      >,
      emailDomain: dictOf(this.domain, n),
      isBot: this.isBot.done(),
      stageAt: Object.fromEntries(DATED_STAGES.map((s, k) => [s, this.stageAt[k]!.done()])) as Record<
        DatedLeadStage,
        Float64Array
      >,
      events: { start: this.evStart.done(), stage: this.evStage.done(), at: this.evAt.done() },
      custom: this.custom.build(n),
    };
    // The builders' buffers are released; only the finished columns stay.
    this.custom = new CustomStore();
    this.accountId = new GrowingDict();
    this.domain = new GrowingDict();
    this.domainOfBytes = new BytesTable();
    this.domainCodes = [];
    this.text = LEAD_TEXT_FIELDS.map(() => new GrowingDict());
    return this.frozen;
  }

  /** The leads as records again (for exports), in the order appended. */
  toRecords(): LeadRecord[] {
    const f = this.finish();
    const { start, stage, at } = f.events;
    const out: LeadRecord[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const history: StageEvent[] = [];
      for (let e = start[i]!; e < start[i + 1]!; e++) history.push({ stage: LEAD_STAGES[stage[e]!]!, at: at[e]! });
      const custom = Object.create(null) as Record<string, string>;
      for (const [name, { dict }] of f.custom) {
        const c = dict.codes[i]!;
        if (c >= 0) custom[name] = dict.values[c]!;
      }
      const lead: LeadRecord = {
        id: this.ids[i]!,
        createdAt: f.createdAt[i]!,
        isBot: f.isBot[i] === 1,
        stageHistory: history,
        custom,
      };
      const account = f.accountId.codes[i]!;
      if (account >= 0) lead.accountId = f.accountId.values[account]!;
      for (const k of LEAD_TEXT_FIELDS) {
        const c = f.text[k].codes[i]!;
        if (c >= 0) lead[k] = f.text[k].values[c]!;
      }
      out.push(lead);
    }
    return out;
  }

  /** The Dataset's lead columns; `accountIndex` maps account ids to account rows. */
  columns(accountIndex: ReadonlyMap<string, number>): LeadColumns {
    const f = this.finish();
    const n = this.ids.length;
    const toAccount = f.accountId.values.map((id) => accountIndex.get(id) ?? -1);
    const account = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = f.accountId.codes[i]!;
      account[i] = c < 0 ? -1 : toAccount[c]!;
    }
    return {
      count: n,
      id: this.ids,
      createdAt: f.createdAt,
      account,
      email: f.text.email,
      title: f.text.title,
      persona: f.text.persona,
      seniority: f.text.seniority,
      country: f.text.country,
      source: f.text.source,
      campaign: f.text.campaign,
      owner: f.text.owner,
      isBot: f.isBot,
      stageAt: f.stageAt,
      disqualifiedReason: f.text.disqualifiedReason,
      emailDomain: f.emailDomain,
      events: f.events,
      custom: (this.customColumns ??= customColumns(f.custom)),
    };
  }
}
