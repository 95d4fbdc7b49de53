/**
 * Builds the kernel's feature columns from lead, account and activity columns (a `Dataset`, or the
 * columns of the streaming CSV loader). One pass over leads and one over activities; no per-lead
 * object. Activities after "as of" are ignored.
 */
import type { AccountColumns, ActivityColumns, DictColumn, LeadColumns } from '../model/columns';
import { DAY_MS } from '../time';
import { allocateFeatures, type ScoringFeatures } from './features';
import { FEATURE_COUNT, FIT_COUNT, INTENT_FEATURES, KERNEL_STAGES, NO_ACTIVITY_AGE } from './workload';

/** The lead columns the features read. */
export type FeatureLeadColumns = Pick<
  LeadColumns,
  'count' | 'account' | 'email' | 'persona' | 'seniority' | 'source' | 'isBot' | 'stageAt'
>;
export type FeatureAccountColumns = Pick<AccountColumns, 'industry' | 'employees' | 'annualRevenueCents' | 'region'>;

/** Activities as flat arrays: activity j belongs to lead row `lead[j]` (-1 = unknown lead). */
export interface FlatActivities {
  readonly count: number;
  readonly lead: Int32Array;
  readonly type: Uint8Array;
  readonly typeNames: readonly string[];
  readonly at: Float64Array;
}

export interface FeatureInput {
  readonly leads: FeatureLeadColumns;
  readonly accounts: FeatureAccountColumns;
  readonly activities: FlatActivities;
}

const ICP_INDUSTRIES = new Set(['software', 'fintech']);
const ICP_REGIONS = new Set(['na', 'emea']);
const BUYER_PERSONAS = new Set(['sales leader', 'revops', 'marketing leader']);
const SENIOR = new Set(['vp', 'c-level', 'director']);
const FREE_MAIL = new Set(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com']);
/** Employee band of the ideal customer profile, inclusive. */
const ICP_EMPLOYEES = { min: 200, max: 5000 };
/** Annual revenue of 50 M in integer cents. */
const REVENUE_50M_CENTS = 5_000_000_000;

/** Per dictionary code: 1 when the predicate holds for the value. */
function codeFlags(column: DictColumn, test: (value: string) => boolean): Uint8Array {
  return Uint8Array.from(column.values, (v) => (test(v) ? 1 : 0));
}

function flag(flags: Uint8Array, code: number): number {
  return code < 0 ? 0 : (flags[code] ?? 0);
}

const lower = (test: (v: string) => boolean) => (v: string) => test(v.trim().toLowerCase());
const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

/** Expands a dataset's activity CSR into flat per-activity lead rows. */
export function flattenActivities(activities: Pick<ActivityColumns, 'count' | 'start' | 'type' | 'typeNames' | 'at'>): FlatActivities {
  const lead = new Int32Array(activities.count);
  for (let i = 0; i + 1 < activities.start.length; i++) {
    lead.fill(i, activities.start[i]!, activities.start[i + 1]!);
  }
  return { count: activities.count, lead, type: activities.type, typeNames: activities.typeNames, at: activities.at };
}

function furthestStage(stageAt: FeatureLeadColumns['stageAt'], i: number): number {
  const dated = KERNEL_STAGES.slice(1) as readonly Exclude<(typeof KERNEL_STAGES)[number], 'lead'>[];
  for (let s = dated.length - 1; s >= 0; s--) {
    if (!Number.isNaN(stageAt[dated[s]!][i]!)) return s + 1;
  }
  return 0;
}

function fillFit(input: FeatureInput, f: ScoringFeatures): void {
  const { leads, accounts } = input;
  const industry = codeFlags(accounts.industry, lower((v) => ICP_INDUSTRIES.has(v)));
  const region = codeFlags(accounts.region, lower((v) => ICP_REGIONS.has(v)));
  const buyer = codeFlags(leads.persona, lower((v) => BUYER_PERSONAS.has(v)));
  const senior = codeFlags(leads.seniority, lower((v) => SENIOR.has(v)));
  const studentPersona = codeFlags(leads.persona, lower((v) => v === 'student'));
  const freeMail = codeFlags(leads.email, lower((v) => FREE_MAIL.has(domainOf(v))));
  const eduMail = codeFlags(leads.email, lower((v) => domainOf(v).endsWith('.edu')));
  const m = f.matrix;
  for (let i = 0; i < leads.count; i++) {
    const b = i * FEATURE_COUNT;
    const a = leads.account[i]!;
    if (a >= 0) {
      const emp = accounts.employees[a]!;
      m[b] = flag(industry, accounts.industry.codes[a]!);
      m[b + 1] = emp >= ICP_EMPLOYEES.min && emp <= ICP_EMPLOYEES.max ? 1 : 0;
      m[b + 2] = emp > ICP_EMPLOYEES.max ? 1 : 0;
      m[b + 3] = accounts.annualRevenueCents[a]! >= REVENUE_50M_CENTS ? 1 : 0;
      m[b + 4] = flag(region, accounts.region.codes[a]!);
    }
    m[b + 5] = flag(buyer, leads.persona.codes[i]!);
    m[b + 6] = flag(senior, leads.seniority.codes[i]!);
    const mail = leads.email.codes[i]!;
    const free = flag(freeMail, mail);
    const edu = flag(eduMail, mail);
    m[b + 7] = mail >= 0 && free === 0 && edu === 0 ? 1 : 0;
    m[b + 8] = flag(studentPersona, leads.persona.codes[i]!) | edu;
    m[b + 9] = free;
    f.stage[i] = furthestStage(leads.stageAt, i);
    const src = leads.source.codes[i]!;
    f.source[i] = src < 0 ? leads.source.values.length : src;
    f.include[i] = leads.isBot[i] === 1 ? 0 : 1;
  }
}

/** Fills the intent counts and ages; returns the largest age. */
function fillIntent(input: FeatureInput, f: ScoringFeatures, asOf: number): number {
  const acts = input.activities;
  const featureOfType = new Int8Array(acts.typeNames.length).fill(-1);
  INTENT_FEATURES.forEach((feat, k) => {
    for (const t of feat.types) {
      const code = acts.typeNames.indexOf(t);
      if (code >= 0) featureOfType[code] = FIT_COUNT + k;
    }
  });
  const latest = new Float64Array(input.leads.count).fill(Number.NEGATIVE_INFINITY);
  const m = f.matrix;
  for (let j = 0; j < acts.count; j++) {
    const lead = acts.lead[j]!;
    const at = acts.at[j]!;
    if (lead < 0 || !(at <= asOf)) continue;
    if (at > latest[lead]!) latest[lead] = at;
    const k = featureOfType[acts.type[j]!] ?? -1;
    if (k < 0) continue;
    const cell = lead * FEATURE_COUNT + k;
    if (m[cell]! < 255) m[cell]!++;
  }
  let maxAge = 0;
  for (let i = 0; i < latest.length; i++) {
    const l = latest[i]!;
    if (l === Number.NEGATIVE_INFINITY) {
      f.ageDays[i] = NO_ACTIVITY_AGE;
      continue;
    }
    const age = Math.min(NO_ACTIVITY_AGE - 1, Math.floor((asOf - l) / DAY_MS));
    f.ageDays[i] = age;
    if (age > maxAge) maxAge = age;
  }
  return maxAge;
}

/**
 * Feature columns of every lead as of `asOf` (epoch ms). Bots are excluded (`include` = 0); pass
 * `alloc` to place the columns in shared memory.
 */
export function buildScoringFeatures(
  input: FeatureInput,
  asOf: number,
  alloc?: (bytes: number) => ArrayBufferLike,
): ScoringFeatures {
  const sourceNames = [...input.leads.source.values, '(none)'];
  if (sourceNames.length > 256) throw new Error(`Too many lead sources for the kernel: ${sourceNames.length} (max 256)`);
  const f = allocateFeatures(input.leads.count, sourceNames, alloc);
  fillFit(input, f);
  const maxAgeDays = fillIntent(input, f, asOf);
  return { ...f, maxAgeDays };
}
