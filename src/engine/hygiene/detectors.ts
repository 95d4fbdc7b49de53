/**
 * The four detectors over the columnar dataset. Each returns one flag per opportunity (1 flagged)
 * and the detail that explains the flag; the cohort figures are computed in cohorts.ts.
 */
import type { Dataset } from '../model/columns';
import { OPPORTUNITY_STAGES } from '../model/stages';
import type { FastTrackRule, MarketingRule, PassThroughRule, RestageRule } from './rules';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Instant of the SQO: the lead's first `sqo` entry, else the opportunity's creation. */
export function sqoInstant(ds: Dataset, j: number): number {
  const lead = ds.opportunities.lead[j]!;
  const at = lead >= 0 ? ds.leads.stageAt.sqo[lead]! : NaN;
  return Number.isFinite(at) ? at : ds.opportunities.createdAt[j]!;
}

/** Why an SQO is a fast-track: bit flags. */
export const FT_NO_SQL = 1;
export const FT_FAST = 2;
export const FT_CRITERIA = 4;

export interface FastTrackDetail {
  /** 0 when clean, else a combination of FT_NO_SQL, FT_FAST, FT_CRITERIA. */
  readonly reason: Uint8Array;
  /** Hours from the lead's SQL entry to the SQO; NaN without SQL entry. */
  readonly hoursSqlToSqo: Float64Array;
  /** Per opportunity, the required criteria that are false or unrecorded (empty when none). */
  readonly missing: readonly (readonly string[])[];
}

/**
 * Which parts of the fast-track rule the data can check: the SQL→SQO time needs SQL dates on leads
 * linked to the deals, the criteria need recorded criteria. A part the data cannot check flags no
 * deal (a deal is never flagged for lacking data the dataset never had).
 */
export interface FastTrackChecks {
  readonly sqlTiming: boolean;
  readonly criteria: boolean;
}

export function detectFastTrack(
  ds: Dataset,
  rule: FastTrackRule,
  checks: FastTrackChecks = { sqlTiming: true, criteria: true },
): FastTrackDetail {
  const O = ds.opportunities;
  const reason = new Uint8Array(O.count);
  const hours = new Float64Array(O.count).fill(NaN);
  const missing: string[][] = [];
  const columns = checks.criteria ? rule.requiredCriteria.map((c) => [c, O.qualification[c]] as const) : [];
  for (let j = 0; j < O.count; j++) {
    const lead = O.lead[j]!;
    const sqlAt = lead >= 0 ? ds.leads.stageAt.sql[lead]! : NaN;
    let r = 0;
    if (!checks.sqlTiming) {
      // Not checked: the hours stay NaN and no deal is flagged for it.
    } else if (Number.isNaN(sqlAt)) {
      if (rule.flagMissingSql) r |= FT_NO_SQL;
    } else {
      const h = (sqoInstant(ds, j) - sqlAt) / HOUR_MS;
      hours[j] = h;
      if (h < rule.maxHoursSqlToSqo) r |= FT_FAST;
    }
    const miss: string[] = [];
    for (const [name, col] of columns) if (!col || col[j] !== 1) miss.push(name);
    if (miss.length) r |= FT_CRITERIA;
    reason[j] = r;
    missing.push(miss);
  }
  return { reason, hoursSqlToSqo: hours, missing };
}

/** The earliest touch of an opportunity or its lead (the lead's wins a tie): touch index, or -1. */
export function firstTouch(ds: Dataset, j: number): number {
  const T = ds.touches;
  let best = -1;
  const lead = ds.opportunities.lead[j]!;
  if (lead >= 0) {
    for (let k = T.byLead.start[lead]!; k < T.byLead.start[lead + 1]!; k++) {
      const t = T.byLead.index[k]!;
      if (best < 0 || T.at[t]! < T.at[best]!) best = t;
    }
  }
  for (let k = T.byOpportunity.start[j]!; k < T.byOpportunity.start[j + 1]!; k++) {
    const t = T.byOpportunity.index[k]!;
    if (best < 0 || T.at[t]! < T.at[best]!) best = t;
  }
  return best;
}

const channelOf = (ds: Dataset, t: number): string | undefined => {
  const c = ds.touches.channel.codes[t]!;
  return c < 0 ? undefined : ds.touches.channel.values[c];
};

export interface PassThroughDetail {
  readonly flags: Uint8Array;
  /** First-touch channel per opportunity ('' when it has no touch). */
  readonly firstChannel: readonly string[];
}

export function detectPassThrough(ds: Dataset, rule: PassThroughRule): PassThroughDetail {
  const O = ds.opportunities;
  const flags = new Uint8Array(O.count);
  const firstChannel: string[] = [];
  const own = new Set(rule.ownChannels);
  for (let j = 0; j < O.count; j++) {
    const t = firstTouch(ds, j);
    const channel = t < 0 ? undefined : channelOf(ds, t);
    firstChannel.push(channel ?? '');
    const code = O.sourcedBy.codes[j]!;
    const claimed = code >= 0 && O.sourcedBy.values[code] === rule.claimedBy;
    if (claimed && channel !== undefined && !own.has(channel)) flags[j] = 1;
  }
  return { flags, firstChannel };
}

export interface RestageDetail {
  readonly flags: Uint8Array;
  /** Epoch ms of the first backward move; NaN when none. */
  readonly restagedAt: Float64Array;
}

export function detectRestage(ds: Dataset, rule: RestageRule): RestageDetail {
  const O = ds.opportunities;
  const flags = new Uint8Array(O.count);
  const restagedAt = new Float64Array(O.count).fill(NaN);
  const order = OPPORTUNITY_STAGES as readonly string[];
  const backRank = order.indexOf(rule.backTo);
  const target = O.stageNames.indexOf(rule.backTo);
  // Codes of canonical stages ranked after the target.
  const later = Uint8Array.from(O.stageNames, (name) => (order.indexOf(name) > backRank ? 1 : 0));
  const { start, stage, at } = O.history;
  for (let j = 0; j < O.count; j++) {
    let beenLater = false;
    for (let e = start[j]!; e < start[j + 1]!; e++) {
      const s = stage[e]!;
      if (s === target && beenLater) {
        flags[j] = 1;
        restagedAt[j] = at[e]!;
        break;
      }
      if (later[s]) beenLater = true;
    }
  }
  return { flags, restagedAt };
}

export interface MarketingDetail {
  /** 1 when any touch of the deal or its lead, at any time, came through a marketing channel. */
  readonly anyTouch: Uint8Array;
  /** 1 when the first touch is a marketing channel within `windowDays` before the SQO. */
  readonly firstTouchWindow: Uint8Array;
}

export function detectMarketingCredit(ds: Dataset, rule: MarketingRule): MarketingDetail {
  const O = ds.opportunities;
  const T = ds.touches;
  const notMarketing = Uint8Array.from(T.channel.values, (v) => (rule.nonMarketingChannels.includes(v) ? 1 : 0));
  const isMarketing = (t: number) => {
    const c = T.channel.codes[t]!;
    return c >= 0 && !notMarketing[c];
  };
  const anyTouch = new Uint8Array(O.count);
  const firstTouchWindow = new Uint8Array(O.count);
  const window = rule.windowDays * DAY_MS;
  for (let j = 0; j < O.count; j++) {
    let any = false;
    const lead = O.lead[j]!;
    if (lead >= 0)
      for (let k = T.byLead.start[lead]!; k < T.byLead.start[lead + 1]! && !any; k++)
        any = isMarketing(T.byLead.index[k]!);
    for (let k = T.byOpportunity.start[j]!; k < T.byOpportunity.start[j + 1]! && !any; k++)
      any = isMarketing(T.byOpportunity.index[k]!);
    anyTouch[j] = any ? 1 : 0;
    const first = firstTouch(ds, j);
    if (first >= 0 && isMarketing(first)) {
      const age = sqoInstant(ds, j) - T.at[first]!;
      if (age >= 0 && age <= window) firstTouchWindow[j] = 1;
    }
  }
  return { anyTouch, firstTouchWindow };
}
