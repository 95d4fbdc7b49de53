/**
 * The canonical data model (SPEC §3) as row records. Row records exist only at the edges: import,
 * export and drill-down tables. The engine computes over the columnar `Dataset` (see columns.ts).
 *
 * Units: instants are epoch milliseconds (UTC); money is integer cents of the dataset's currency.
 */
import type { ActivityType, ForecastCategory, LeadStage, OpportunityStatus, QualificationCriterion } from './stages';

/** Unknown columns of an imported file, kept verbatim as custom attributes. */
export type CustomAttributes = Record<string, string>;

export interface StageEvent<S extends string = LeadStage> {
  readonly stage: S;
  /** Epoch ms (UTC). */
  readonly at: number;
}

export interface AccountRecord {
  id: string;
  name?: string;
  industry?: string;
  employees?: number;
  /** Integer cents. */
  annualRevenueCents?: number;
  region?: string;
  techStack: string[];
  custom: CustomAttributes;
}

export interface LeadRecord {
  id: string;
  /** Epoch ms; the lead stage is entered at creation. */
  createdAt: number;
  accountId?: string;
  email?: string;
  title?: string;
  persona?: string;
  seniority?: string;
  country?: string;
  source?: string;
  campaign?: string;
  /** SDR who owns the lead. */
  owner?: string;
  isBot: boolean;
  /** Recorded stage entries, in time order; may move backwards (re-staging is preserved). */
  stageHistory: StageEvent[];
  disqualifiedReason?: string;
  custom: CustomAttributes;
}

export interface ActivityRecord {
  leadId: string;
  /** A known activity type, or any other string the source used (kept, scored 0 by default). */
  type: ActivityType | (string & {});
  at: number;
  value?: number;
}

/** Tri-state: true, false, or not recorded. */
export type Qualification = Partial<Record<QualificationCriterion, boolean>>;

export interface TouchRecord {
  opportunityId?: string;
  leadId?: string;
  channel: string;
  at: number;
}

/**
 * One recorded change of a deal (a row of `opportunity_history.csv`, as Salesforce's
 * OpportunityHistory): the fields it sets hold from `at` until a later change sets them again.
 * Fields it leaves out are unchanged by it.
 */
export interface OpportunityChange {
  /** Epoch ms (UTC) of the change. */
  at: number;
  stage?: string;
  /** Integer cents. */
  amountCents?: number;
  /** Epoch ms. */
  closeDate?: number;
  /** The rep's win probability, 0–1. */
  probability?: number;
  forecastCategory?: ForecastCategory;
}

export interface OpportunityRecord {
  id: string;
  leadId?: string;
  accountId?: string;
  createdAt: number;
  /** AE who owns the opportunity. */
  owner?: string;
  /**
   * Integer cents in `currency`; absent when the export left the amount empty ("amount unknown":
   * the deal counts in deal counts and is left out of every sum of money).
   */
  amountCents?: number;
  /** ISO 4217 code of the amount; absent means the dataset's currency (`plan.currency`). */
  currency?: string;
  /** The deal's own win probability, 0–1, as the CRM recorded it (Salesforce `Probability` / 100). */
  probability?: number;
  forecastCategory?: ForecastCategory;
  closeDate?: number;
  status: OpportunityStatus;
  /** Current stage name as recorded. */
  stage?: string;
  /** Full stage history, may move backwards. */
  stageHistory: StageEvent<string>[];
  /** Recorded changes of stage, amount, close date, probability and category, in time order. */
  changes?: OpportunityChange[];
  qualification: Qualification;
  sourcedBy?: string;
  custom: CustomAttributes;
}

export interface QuotaRecord {
  /** Fiscal quarter label, e.g. `2026-Q1`. */
  quarter: string;
  /** Integer cents. */
  quotaCents: number;
  /** The slice the quota is for (plan.csv `segment`, `owner` or `team`); none: the whole company. */
  slice?: QuotaSliceKey;
}

/** What a sliced quota is for: one segment, owner or team. */
export interface QuotaSliceKey {
  dimension: 'segment' | 'owner' | 'team';
  value: string;
}

export interface PlanRecord {
  currency: string;
  /** 1–12; the month the fiscal year starts. */
  fiscalYearStartMonth: number;
  quotas: QuotaRecord[];
  /** The user's conversion rates (currency_rates.csv), one per currency; none: nothing converts. */
  currencyRates?: CurrencyRate[];
}

/** A conversion rate the user gave: `rate` units of the plan currency per 1 unit of `currency`. */
export interface CurrencyRate {
  /** ISO 4217 code, upper case; never the plan currency. */
  currency: string;
  /** Plan-currency units per 1 unit of `currency`; positive and finite. */
  rate: number;
}

/**
 * Tables a streaming import kept as columns instead of rows (see row-stores.ts). When a table is
 * here, the RecordSet's array of that table is materialised from it only when something asks for
 * it (an export); the dataset is built from the columns.
 */
export interface StreamedTables {
  readonly leads?: StreamedTable;
  readonly activities?: StreamedTable;
  readonly touches?: StreamedTable;
}

/**
 * A table kept as columns: one of row-stores.ts's stores. `table` names the table it holds, which
 * tells the stores apart (`isLeadStore`…): the type is structural, so a class check would not.
 */
export interface StreamedTable {
  readonly table: keyof StreamedTables;
  readonly count: number;
}

/** A whole dataset as rows: what readers return and writers take. */
export interface RecordSet {
  name: string;
  plan: PlanRecord;
  accounts: AccountRecord[];
  leads: LeadRecord[];
  activities: ActivityRecord[];
  opportunities: OpportunityRecord[];
  touches: TouchRecord[];
  /** Set by a streaming import: these tables' columns (see `StreamedTables`). */
  streamed?: StreamedTables;
}

/**
 * A copy of a record set with some fields replaced. Unlike `{ ...rs }` it keeps a streamed set's
 * columns as they are (its row arrays are not made, and the columns stay with the copy).
 */
export function changedRecordSet(rs: RecordSet, changes: Partial<RecordSet>): RecordSet {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(rs)) as RecordSet;
  return Object.assign(copy, changes);
}

/** Leads in a record set, without making row records of streamed columns. */
export function leadCount(rs: RecordSet): number {
  return rs.streamed?.leads?.count ?? rs.leads.length;
}

/** Activities in a record set, without making row records of streamed columns. */
export function activityCount(rs: RecordSet): number {
  return rs.streamed?.activities?.count ?? rs.activities.length;
}

/** A record set with no rows: a USD plan starting in January, without quotas. */
export function emptyRecordSet(name = ''): RecordSet {
  return {
    name,
    plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
    accounts: [],
    leads: [],
    activities: [],
    opportunities: [],
    touches: [],
  };
}
