/**
 * Activities and touches (and leads, in lead-store.ts) held as growing columns while they are read,
 * one row at a time: a reader appends each accepted row and forgets it, so a file of a million leads
 * never lives as a million row objects. `buildDataset` turns a store into the Dataset's columns; a
 * RecordSet built from rows goes through the same stores, so both routes give the same Dataset by
 * construction.
 */
import type { ActivityColumns, DictColumn, TouchColumns } from './columns';
import { sortedOrder } from './sorted-order';
import { DictBuilder, csrFromParents } from './dict-builder';
import { BytesCodes, GrowingArray, GrowingDict, dictOf, type IdLookup } from './grow';
import type { LeadStore } from './lead-store';
import type { ActivityRecord, StreamedTable, TouchRecord } from './records';
import { poolColumn } from './shared-memory';
import { ACTIVITY_TYPES } from './stages';

/** Whether every value (NaN included) is a 32-bit float exactly. */
function exactInFloat32(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Math.fround(v) !== v && v === v) return false;
  }
  return true;
}

/**
 * `csrFromParents` of activities appended lead by lead, in the leads' order and each lead's in time
 * order (as a file written lead by lead is read): the start of each lead's activities, counted in
 * the pass that checks the order; the order is the identity (no per-lead sort to do). Null when
 * the activities are not so (one without a lead, a lead after a later one, or a lead's activities
 * out of time order: `at` not ascending, NaN included, as the per-lead check reads it).
 */
function csrInOrder(parent: Int32Array, at: Float64Array, leads: number): Int32Array | null {
  const n = parent.length;
  const start = poolColumn(Int32Array, leads + 1);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < prev || p >= leads) return null;
    if (i > 0 && p === prev && !(at[i]! >= at[i - 1]!)) return null;
    start[p + 1]!++;
    prev = p;
  }
  for (let p = 0; p < leads; p++) start[p + 1]! += start[p]!;
  return start;
}

/** Activities as growing columns, each with the row index of its lead (-1: none). */
export class ActivityStore implements StreamedTable {
  readonly table = 'activities' as const;
  private parent: GrowingArray<Int32Array>;
  private type: GrowingDict;
  private atOf: GrowingArray<Float64Array>;
  private valueOf: GrowingArray<Float64Array>;
  private frozen: { parent: Int32Array; type: DictColumn; at: Float64Array; value: Float64Array } | undefined;
  /**
   * Once the Dataset's columns are built, the store keeps them (every dataset built from it shares
   * them) and, per column position, the activity's row in the order appended, instead of its own
   * copy of every column: the records are made from them again (see `toRecords`).
   */
  private built: { leads: number; columns: ActivityColumns; order: BuiltOrder } | undefined;

  /** `rows`: the activities expected, for sizing the columns (see `GrowingArray`). */
  constructor(rows?: number) {
    this.parent = new GrowingArray(Int32Array, 0, rows);
    this.type = new GrowingDict(rows);
    this.atOf = new GrowingArray(Float64Array, 0, rows);
    this.valueOf = new GrowingArray(Float64Array, 0, rows);
  }

  /** `leadIndex` gives the lead row of each activity's lead id. */
  static from(activities: readonly ActivityRecord[], leadIndex: IdLookup): ActivityStore {
    const s = new ActivityStore(activities.length);
    for (const a of activities) s.append(leadIndex.get(a.leadId) ?? -1, a.type, a.at, a.value);
    return s;
  }

  get count(): number {
    return this.built ? this.built.columns.count : this.frozen ? this.frozen.at.length : this.atOf.length;
  }

  append(lead: number, type: string, at: number, value: number | undefined): void {
    if (this.frozen || this.built) throw new Error('ActivityStore: append after the store was finished');
    this.parent.push(lead);
    this.type.push(type);
    this.atOf.push(at);
    this.valueOf.push(value ?? NaN);
  }

  /** Codes types from their bytes, for `appendCoded` (the same codes `append` gives their text). */
  typeCodes(): BytesCodes {
    return new BytesCodes(this.type);
  }

  /** `append` with the type as its code (from `typeCodes`) and the value NaN when missing. */
  appendCoded(lead: number, type: number, at: number, value: number): void {
    if (this.frozen || this.built) throw new Error('ActivityStore: append after the store was finished');
    this.parent.push(lead);
    this.type.pushCode(type);
    this.atOf.push(at);
    this.valueOf.push(value);
  }

  private finish() {
    if (this.frozen) return this.frozen;
    if (this.built) return (this.frozen = unbuilt(this.built));
    const n = this.atOf.length;
    this.frozen = {
      parent: this.parent.done(),
      type: dictOf(this.type, n),
      at: this.atOf.done(),
      value: this.valueOf.done(),
    };
    this.type = new GrowingDict();
    return this.frozen;
  }

  /** The activities as records again, in the order appended; `leadIds` names the lead rows. */
  toRecords(leadIds: readonly string[]): ActivityRecord[] {
    if (this.built && !this.frozen) return builtRecords(this.built, leadIds);
    const f = this.finish();
    const out: ActivityRecord[] = [];
    for (let i = 0; i < f.at.length; i++) {
      const c = f.type.codes[i]!;
      const a: ActivityRecord = {
        leadId: leadIds[f.parent[i]!] ?? '',
        type: c < 0 ? '' : f.type.values[c]!,
        at: f.at[i]!,
      };
      if (!Number.isNaN(f.value[i]!)) a.value = f.value[i]!;
      out.push(a);
    }
    return out;
  }

  /**
   * The Dataset's activity columns: CSR by lead, each lead's activities sorted by time. The columns
   * the scoring pool reads (start, type, at) are allocated by `poolColumn`: in shared memory where
   * it exists, so the pool reads them in place.
   */
  columns(leads: number): ActivityColumns {
    if (this.built?.leads === leads) return this.built.columns;
    const f = this.finish();
    const atOf = f.at;
    const inOrder = csrInOrder(f.parent, atOf, leads);
    const { start, order } = inOrder
      ? { start: inOrder, order: null }
      : csrFromParents(f.parent, leads, (length) => poolColumn(Int32Array, length));
    const count = order ? order.length : f.at.length;
    for (let p = 0; p < leads && order; p++) {
      const s = start[p]!;
      const e = start[p + 1]!;
      let sorted = true;
      for (let k = s + 1; k < e && sorted; k++) sorted = atOf[order[k]!]! >= atOf[order[k - 1]!]!;
      if (!sorted) {
        const slice = Array.from(order.subarray(s, e)).sort((x, y) => atOf[x]! - atOf[y]!);
        order.set(slice, s);
      }
    }
    // Type codes in CSR order, the known types first, as the engine expects.
    const types = new DictBuilder(0, ACTIVITY_TYPES);
    const recoded = new Int32Array(f.type.values.length).fill(-1);
    const type = poolColumn(Uint8Array, count);
    const at = poolColumn(Float64Array, count);
    const value = exactInFloat32(f.value) ? new Float32Array(count) : new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const src = order ? order[k]! : k;
      const c = f.type.codes[src]!;
      let code: number;
      if (c < 0) code = types.code('');
      else {
        if (recoded[c]! < 0) recoded[c] = types.code(f.type.values[c]!);
        code = recoded[c]!;
      }
      type[k] = Math.min(255, code);
      at[k] = atOf[src]!;
      value[k] = f.value[src]!;
    }
    const columns = { count, start, type, typeNames: types.build().values, at, value };
    // The columns hold every activity (each has a lead) and every type code (no more than 256
    // types): the store keeps them and the order instead of its own copy.
    if (count === f.at.length && columns.typeNames.length <= 256) {
      this.built = { leads, columns, order };
      this.frozen = undefined;
    }
    return columns;
  }
}

/**
 * Per column position of built activity columns, the activity's row in the order appended; null
 * when they are the same (activities appended lead by lead in time order: no array is kept).
 */
type BuiltOrder = Int32Array | null;

/** The records of built activity columns, in the order appended (as `toRecords` makes them). */
function builtRecords(
  built: { columns: ActivityColumns; order: BuiltOrder },
  leadIds: readonly string[],
): ActivityRecord[] {
  const { columns: c, order } = built;
  const out = new Array<ActivityRecord>(c.count);
  for (let p = 0; p + 1 < c.start.length; p++) {
    const leadId = leadIds[p] ?? '';
    for (let k = c.start[p]!; k < c.start[p + 1]!; k++) {
      const a: ActivityRecord = { leadId, type: c.typeNames[c.type[k]!]!, at: c.at[k]! };
      if (!Number.isNaN(c.value[k]!)) a.value = c.value[k]!;
      out[order ? order[k]! : k] = a;
    }
  }
  return out;
}

/** The columns appended again, from built ones (a dataset with another lead count asked for). */
function unbuilt(built: { columns: ActivityColumns; order: BuiltOrder }) {
  const { columns: c, order } = built;
  const parent = new Int32Array(c.count);
  const codes = new Int32Array(c.count);
  const at = new Float64Array(c.count);
  const value = new Float64Array(c.count);
  for (let p = 0; p + 1 < c.start.length; p++) {
    for (let k = c.start[p]!; k < c.start[p + 1]!; k++) {
      const row = order ? order[k]! : k;
      parent[row] = p;
      codes[row] = c.type[k]!;
      at[row] = c.at[k]!;
      value[row] = c.value[k]!;
    }
  }
  const type: DictColumn = { kind: 'dict', codes, values: c.typeNames };
  return { parent, type, at, value };
}

/**
 * The order that sorts instants ascending, equal ones kept in their order (a stable sort by
 * `at[x] - at[y]`). Finite instants, none of them −0 (the usual case), are put in order by a radix
 * sort, linear in their count (a comparison sort of a million and a half touches with a comparator
 * took a quarter of a second); it orders them exactly as that stable sort does. Any other is sorted
 * by the comparator itself.
 */
function timeOrder(at: Float64Array): ArrayLike<number> {
  for (let i = 0; i < at.length; i++) {
    const v = at[i]!;
    if (!Number.isFinite(v) || Object.is(v, -0))
      return Array.from({ length: at.length }, (_, k) => k).sort((x, y) => at[x]! - at[y]!);
  }
  return sortedOrder(at);
}

/** Touches as growing columns, each with the row index of its opportunity and of its lead (-1: none). */
export class TouchStore implements StreamedTable {
  readonly table = 'touches' as const;
  private opp: GrowingArray<Int32Array>;
  private lead: GrowingArray<Int32Array>;
  private channel: GrowingDict;
  private atOf: GrowingArray<Float64Array>;
  private frozen: { opp: Int32Array; lead: Int32Array; channel: DictColumn; at: Float64Array } | undefined;

  /** `rows`: the touches expected, for sizing the columns (see `GrowingArray`). */
  constructor(rows?: number) {
    this.opp = new GrowingArray(Int32Array, 0, rows);
    this.lead = new GrowingArray(Int32Array, 0, rows);
    this.channel = new GrowingDict(rows);
    this.atOf = new GrowingArray(Float64Array, 0, rows);
  }

  static from(touches: readonly TouchRecord[], leadIndex: IdLookup, oppIndex: IdLookup): TouchStore {
    const s = new TouchStore(touches.length);
    const row = (index: IdLookup, id: string | undefined) => (id === undefined ? -1 : (index.get(id) ?? -1));
    for (const t of touches) s.append(row(oppIndex, t.opportunityId), row(leadIndex, t.leadId), t.channel, t.at);
    return s;
  }

  get count(): number {
    return this.frozen ? this.frozen.at.length : this.atOf.length;
  }

  append(opportunity: number, lead: number, channel: string, at: number): void {
    if (this.frozen) throw new Error('TouchStore: append after the store was finished');
    this.opp.push(opportunity);
    this.lead.push(lead);
    this.channel.push(channel);
    this.atOf.push(at);
  }

  /** Codes channels from their bytes, for `appendCoded` (the same codes `append` gives their text). */
  channelCodes(): BytesCodes {
    return new BytesCodes(this.channel);
  }

  /** `append` with the channel as its code (from `channelCodes`). */
  appendCoded(opportunity: number, lead: number, channel: number, at: number): void {
    if (this.frozen) throw new Error('TouchStore: append after the store was finished');
    this.opp.push(opportunity);
    this.lead.push(lead);
    this.channel.pushCode(channel);
    this.atOf.push(at);
  }

  private finish() {
    if (this.frozen) return this.frozen;
    const n = this.atOf.length;
    this.frozen = {
      opp: this.opp.done(),
      lead: this.lead.done(),
      channel: dictOf(this.channel, n),
      at: this.atOf.done(),
    };
    this.channel = new GrowingDict();
    return this.frozen;
  }

  /** The touches as records again, in the order appended; the ids name the lead and opportunity rows. */
  toRecords(leadIds: readonly string[], opportunityIds: readonly string[]): TouchRecord[] {
    const f = this.finish();
    const out: TouchRecord[] = [];
    for (let i = 0; i < f.at.length; i++) {
      const c = f.channel.codes[i]!;
      const t: TouchRecord = { channel: c < 0 ? '' : f.channel.values[c]!, at: f.at[i]! };
      if (f.opp[i]! >= 0) t.opportunityId = opportunityIds[f.opp[i]!]!;
      if (f.lead[i]! >= 0) t.leadId = leadIds[f.lead[i]!]!;
      out.push(t);
    }
    return out;
  }

  /** The Dataset's touch columns: in time order (stable), CSR by opportunity and by lead. */
  columns(leads: number, opportunities: number): TouchColumns {
    const f = this.finish();
    const n = f.at.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = f.at[i]! >= f.at[i - 1]!;
    const order = sorted ? undefined : timeOrder(f.at);
    // Already in time order (the usual case): the store's own columns are the Dataset's (neither
    // changes them), not copies.
    const opp = order ? new Int32Array(n) : f.opp;
    const lead = order ? new Int32Array(n) : f.lead;
    const at = order ? new Float64Array(n) : f.at;
    const channels = new DictBuilder(n);
    const recoded = new Int32Array(f.channel.values.length).fill(-1);
    for (let k = 0; k < n; k++) {
      const src = order ? order[k]! : k;
      if (order) {
        opp[k] = f.opp[src]!;
        lead[k] = f.lead[src]!;
        at[k] = f.at[src]!;
      }
      const c = f.channel.codes[src]!;
      if (c >= 0) {
        if (recoded[c]! < 0) recoded[c] = channels.code(f.channel.values[c]!);
        channels.codes[k] = recoded[c]!;
      }
    }
    const byOpp = csrFromParents(opp, opportunities);
    const byLead = csrFromParents(lead, leads);
    return {
      count: n,
      channel: channels.build(),
      at,
      byOpportunity: { start: byOpp.start, index: byOpp.order },
      byLead: { start: byLead.start, index: byLead.order },
    };
  }
}

/** Whether a streamed table is a LeadStore (by its `table` field; see `StreamedTable`). */
export const isLeadStore = (t: StreamedTable | undefined): t is LeadStore => t?.table === 'leads';
/** Whether a streamed table is an ActivityStore. */
export const isActivityStore = (t: StreamedTable | undefined): t is ActivityStore => t?.table === 'activities';
/** Whether a streamed table is a TouchStore. */
export const isTouchStore = (t: StreamedTable | undefined): t is TouchStore => t?.table === 'touches';
