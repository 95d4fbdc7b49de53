/**
 * Each array of the canonical JSON → row records, one JsonFile (tally) per array. Field names are
 * SPEC §3's in camelCase; money in currency units becomes integer cents, ISO dates epoch ms (UTC).
 */
import type {
  AccountRecord,
  ActivityRecord,
  LeadRecord,
  OpportunityRecord,
  QuotaRecord,
  TouchRecord,
} from '../../engine/model/records';
import { OPPORTUNITY_STATUSES, isLeadStage, type OpportunityStatus } from '../../engine/model/stages';
import { z } from 'zod';
import { bool, finite, idText, instant, isSubCent, money, nonNegative, quarter, stringList, text } from './json-fields';
import { readChanges } from './json-changes';
import { readHistory, readNestedTouches, readQualification } from './json-history';
import { ACCOUNT_KEYS, ACTIVITY_KEYS, LEAD_KEYS, OPPORTUNITY_KEYS, QUOTA_KEYS, TOUCH_KEYS } from './json-keys';
import { isObject, own, type JsonFile } from './json-record';
import { parseCurrencyCode, parseForecastCategory, parseProbability, type ValueResult } from '../values/deal-fields';
import { type IdRefs, checkDuplicate, optionalRef, requiredRef } from './json-refs';

const req = <T extends z.ZodType>(schema: T) => ({ schema, required: true });
const opt = <T extends z.ZodType>(schema: T) => ({ schema });
const strict = <T extends z.ZodType>(schema: T) => ({ schema, strict: true });

/** A value-level parser (src/import/values) as a schema of a JSON text field. */
function parsedText<T>(parse: (t: string) => ValueResult<T>) {
  return z.string({ error: 'expected text' }).transform((s, ctx) => {
    const r = parse(s);
    if (r.ok) return r.value;
    ctx.addIssue(r.reason);
    return z.NEVER;
  });
}

/** A probability: a JSON number 0–1, or text such as "25%". */
const probability = z.union(
  [
    z.number().refine((n) => n >= 0 && n <= 1, 'not a probability: expected a number from 0 to 1'),
    parsedText(parseProbability),
  ],
  { error: 'not a probability: expected a number from 0 to 1' },
);

/** Copies the defined entries of `from` onto `to` (optional fields stay absent, not undefined). */
function assignDefined<T extends object>(to: T, from: Partial<T>): T {
  for (const [k, v] of Object.entries(from)) if (v !== undefined) (to as Record<string, unknown>)[k] = v;
  return to;
}

function noteRounding(f: JsonFile, raw: unknown, key: string): void {
  const v = isObject(raw) ? raw[key] : undefined;
  if (isSubCent(v)) f.tally.repair(key, String(v), 'rounded to whole cents');
}

const accountShape = {
  id: req(idText),
  name: opt(text),
  industry: opt(text),
  employees: opt(nonNegative),
  annualRevenue: opt(money),
  region: opt(text),
  techStack: opt(stringList),
};

/** One account; `annualRevenue` in currency units → cents. */
export function readAccount(
  f: JsonFile,
  raw: unknown,
  seen: Map<string, number>,
  row: number,
): AccountRecord | undefined {
  const v = f.fields(raw, accountShape);
  if (!v || !isObject(raw)) return undefined;
  noteRounding(f, raw, 'annualRevenue');
  const custom = f.custom(raw, ACCOUNT_KEYS);
  checkDuplicate(f, v.id, seen, row);
  if (f.tally.isRejected || v.id === undefined) return undefined;
  const a: AccountRecord = {
    id: v.id,
    techStack: (v.techStack ?? []).map((s) => s.trim()).filter((s) => s !== ''),
    custom,
  };
  return assignDefined(a, {
    name: v.name,
    industry: v.industry,
    employees: v.employees,
    annualRevenueCents: v.annualRevenue,
    region: v.region,
  });
}

const leadShape = {
  id: req(idText),
  createdAt: req(instant),
  email: opt(text),
  title: opt(text),
  persona: opt(text),
  seniority: opt(text),
  country: opt(text),
  source: opt(text),
  campaign: opt(text),
  owner: opt(text),
  isBot: opt(bool),
  disqualifiedReason: opt(text),
};

/** One lead; its history is kept whole (repeats and backwards moves), `lead` implied at creation. */
export function readLead(
  f: JsonFile,
  raw: unknown,
  refs: IdRefs,
  seen: Map<string, number>,
  row: number,
): LeadRecord | undefined {
  const v = f.fields(raw, leadShape);
  if (!v || !isObject(raw)) return undefined;
  const accountId = optionalRef(f, raw, 'accountId', refs.accounts, 'accounts');
  const history = readHistory(
    f,
    raw.stageHistory,
    isLeadStage,
    'expected lead, mql, sal, sql, sqo, won, lost, disqualified or recycled',
  );
  const custom = f.custom(raw, LEAD_KEYS);
  checkDuplicate(f, v.id, seen, row);
  if (f.tally.isRejected || v.id === undefined || v.createdAt === undefined) return undefined;
  // The lead stage is entered at creation; a history that omits it implies it.
  const stageHistory = history.some((e) => e.stage === 'lead')
    ? history
    : [{ stage: 'lead' as const, at: v.createdAt }, ...history].sort((a, b) => a.at - b.at);
  const { id, createdAt, isBot, ...rest } = v;
  return assignDefined<LeadRecord>(
    { id, createdAt, isBot: isBot ?? false, stageHistory, custom },
    { ...rest, accountId },
  );
}

const activityShape = { leadId: req(idText), type: req(text), at: req(instant), value: opt(finite) };

/** One activity; it must name a lead that was read. */
export function readActivity(f: JsonFile, raw: unknown, refs: IdRefs): ActivityRecord | undefined {
  const v = f.fields(raw, activityShape);
  if (!v || !isObject(raw)) return undefined;
  requiredRef(f, 'leadId', v.leadId, refs.leads, 'leads');
  f.noteUnknown(raw, ACTIVITY_KEYS);
  if (f.tally.isRejected || v.leadId === undefined || v.type === undefined || v.at === undefined) return undefined;
  const a: ActivityRecord = { leadId: v.leadId, type: v.type, at: v.at };
  return v.value === undefined ? a : { ...a, value: v.value };
}

const anyStage = (_s: string): _s is string => true;

const statusSchema = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(OPPORTUNITY_STATUSES, { error: 'bad status: expected open, won or lost' }));

const opportunityShape = {
  id: req(idText),
  createdAt: req(instant),
  owner: opt(text),
  amount: strict(money),
  currency: opt(parsedText(parseCurrencyCode)),
  probability: opt(probability),
  forecastCategory: opt(parsedText(parseForecastCategory)),
  closeDate: opt(instant),
  status: req(statusSchema),
  stage: opt(text),
  sourcedBy: opt(text),
};

export interface OpportunityRead {
  readonly record: OpportunityRecord;
  readonly touches: TouchRecord[];
}

/** One opportunity with its history, checklist and nested touches; `amount` in units → cents. */
export function readOpportunity(
  f: JsonFile,
  raw: unknown,
  refs: IdRefs,
  seen: Map<string, number>,
  row: number,
): OpportunityRead | undefined {
  const v = f.fields(raw, opportunityShape);
  if (!v || !isObject(raw)) return undefined;
  noteRounding(f, raw, 'amount');
  const leadId = optionalRef(f, raw, 'leadId', refs.leads, 'leads');
  const accountId = optionalRef(f, raw, 'accountId', refs.accounts, 'accounts');
  const stageHistory = readHistory(f, raw.stageHistory, anyStage, 'any name');
  const changes = readChanges(f, raw.history);
  const qualification = readQualification(f, raw.qualification);
  const nested = readNestedTouches(f, raw.touches);
  const custom = f.custom(raw, OPPORTUNITY_KEYS);
  checkDuplicate(f, v.id, seen, row);
  const { id, createdAt, status, amount: amountRead, ...rest } = v;
  let amount = amountRead;
  if (amount !== undefined && rest.currency === undefined && own(raw, 'currency') != null) {
    f.tally.repair(
      'amount',
      String(own(raw, 'amount')),
      'its currency is unreadable: the amount is read as unknown rather than counted in another currency',
    );
    amount = undefined;
  }
  if (f.tally.isRejected || id === undefined || createdAt === undefined || !status) return undefined;
  if (amount === undefined) f.unknownAmounts++;
  const record = assignDefined<OpportunityRecord>(
    { id, createdAt, status: status as OpportunityStatus, stageHistory, qualification, custom },
    { ...rest, amountCents: amount, leadId, accountId, ...(changes.length > 0 && { changes }) },
  );
  return { record, touches: nested.map((t) => ({ opportunityId: id, channel: t.channel, at: t.at })) };
}

const touchShape = { opportunityId: opt(idText), leadId: opt(idText), channel: req(text), at: req(instant) };

/** A top-level touch: the same reference rules as touches.csv. */
export function readTouch(f: JsonFile, raw: unknown, refs: IdRefs): TouchRecord | undefined {
  const v = f.fields(raw, touchShape);
  if (!v || !isObject(raw)) return undefined;
  f.noteUnknown(raw, TOUCH_KEYS);
  let { opportunityId, leadId } = v;
  const oppOk = opportunityId !== undefined && refs.opportunities?.has(opportunityId) === true;
  const leadOk = leadId !== undefined && refs.leads?.has(leadId) === true;
  if (opportunityId === undefined && leadId === undefined) {
    f.tally.reject('opportunityId', undefined, 'missing required field: opportunityId or leadId');
  } else if (!oppOk && !leadOk) {
    f.tally.reject(
      opportunityId !== undefined ? 'opportunityId' : 'leadId',
      opportunityId ?? leadId,
      'orphan reference: not found in opportunities or leads',
    );
  } else if (opportunityId !== undefined && !oppOk) {
    f.tally.repair(
      'opportunityId',
      opportunityId,
      `opportunityId "${opportunityId}" not found in opportunities: reference dropped`,
    );
    opportunityId = undefined;
  } else if (leadId !== undefined && !leadOk) {
    f.tally.repair('leadId', leadId, `leadId "${leadId}" not found in leads: reference dropped`);
    leadId = undefined;
  }
  if (f.tally.isRejected || v.channel === undefined || v.at === undefined) return undefined;
  return assignDefined<TouchRecord>({ channel: v.channel, at: v.at }, { opportunityId, leadId });
}

const quotaShape = { quarter: req(quarter), quota: req(money), segment: opt(text), owner: opt(text), team: opt(text) };

/**
 * One quota of the plan; `quota` in currency units → cents; optionally for one `segment`, `owner` or
 * `team`. A repeated quarter (for the same slice) is rejected, and so is a quota naming two slices.
 */
export function readQuota(f: JsonFile, raw: unknown, seen: Map<string, number>, row: number): QuotaRecord | undefined {
  const v = f.fields(raw, quotaShape);
  if (!v || !isObject(raw)) return undefined;
  noteRounding(f, raw, 'quota');
  f.noteUnknown(raw, QUOTA_KEYS);
  const slices = (['segment', 'owner', 'team'] as const).filter((d) => v[d] !== undefined && v[d].trim() !== '');
  if (slices.length > 1)
    f.tally.reject(
      slices[1]!,
      v[slices[1]!],
      `a quota is for one slice: segment, owner or team, not ${slices.join(' and ')}`,
    );
  const d = slices[0];
  const key = v.quarter === undefined ? undefined : d ? `${v.quarter} ${d} ${v[d]!.trim()}` : v.quarter;
  checkDuplicate(f, key, seen, row, 'quarter');
  if (f.tally.isRejected || v.quarter === undefined || v.quota === undefined) return undefined;
  return d
    ? { quarter: v.quarter, quotaCents: v.quota, slice: { dimension: d, value: v[d]!.trim() } }
    : { quarter: v.quarter, quotaCents: v.quota };
}
