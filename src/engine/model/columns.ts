/**
 * The in-memory dataset is columnar: numbers live in typed arrays, strings are dictionary-encoded,
 * and one-to-many relations (a lead's activities, an opportunity's stage history) are stored as
 * compressed sparse rows (CSR): `start[i] .. start[i + 1]` indexes the child arrays of parent i.
 *
 * Conventions:
 * - Instants are epoch milliseconds in a Float64Array; `NaN` means "missing".
 * - Money is integer cents of the plan currency in a Float64Array (exact up to 2^53).
 * - Dictionary codes are Int32; `-1` means "missing".
 * - References to another table are row indexes (Int32; `-1` means "none").
 */
import type { CurrencyUse } from './currency';
import type { LeadStage } from './stages';

/** A dictionary-encoded string column. `values[codes[i]]` is row i's value. */
export interface DictColumn {
  readonly kind: 'dict';
  readonly codes: Int32Array;
  readonly values: readonly string[];
}

/** A numeric column; NaN means missing. */
export interface NumColumn {
  readonly kind: 'num';
  readonly values: Float64Array;
}

export type Column = DictColumn | NumColumn;

/** CSR index: children of parent i are `start[i] .. start[i + 1] - 1`. Length is parents + 1. */
export type CsrIndex = Int32Array;

export interface AccountColumns {
  readonly count: number;
  readonly id: readonly string[];
  readonly name: DictColumn;
  readonly industry: DictColumn;
  readonly employees: Float64Array;
  /** Integer cents, NaN missing. */
  readonly annualRevenueCents: Float64Array;
  readonly region: DictColumn;
  /** Comma-free list per account, joined with `|`; rarely read, so kept as a dictionary column. */
  readonly techStack: DictColumn;
  readonly custom: Readonly<Record<string, Column>>;
}

/** Lead stages with a per-stage entry column (the `lead` stage is `createdAt`). */
export type DatedLeadStage = Exclude<LeadStage, 'lead'>;

export interface LeadColumns {
  readonly count: number;
  readonly id: readonly string[];
  readonly createdAt: Float64Array;
  /** Row index into accounts, -1 for none. */
  readonly account: Int32Array;
  readonly email: DictColumn;
  readonly title: DictColumn;
  readonly persona: DictColumn;
  readonly seniority: DictColumn;
  readonly country: DictColumn;
  readonly source: DictColumn;
  readonly campaign: DictColumn;
  /** SDR owner. */
  readonly owner: DictColumn;
  /** 1 when flagged as a bot in the data. */
  readonly isBot: Uint8Array;
  /** First recorded entry into each stage (epoch ms, NaN when never recorded). */
  readonly stageAt: Readonly<Record<DatedLeadStage, Float64Array>>;
  readonly disqualifiedReason: DictColumn;
  /**
   * The e-mail's domain: the text after its last `@`, trimmed and lower-cased (-1: no e-mail or no
   * `@`), codes in order of first appearance. Made when the leads are read; a dataset built another
   * way may lack it (the scoring engine then derives it from `email`).
   */
  readonly emailDomain?: DictColumn;
  /** Full recorded stage history (may move backwards), CSR by lead. Stage is a LEAD_STAGES code. */
  readonly events: { readonly start: CsrIndex; readonly stage: Uint8Array; readonly at: Float64Array };
  readonly custom: Readonly<Record<string, Column>>;
}

export interface ActivityColumns {
  readonly count: number;
  /** CSR by lead: activities of lead i are `start[i] .. start[i+1]-1`, sorted by time. */
  readonly start: CsrIndex;
  /** Code into `typeNames` (the first codes are ACTIVITY_TYPES, then any unknown types found). */
  readonly type: Uint8Array;
  readonly typeNames: readonly string[];
  readonly at: Float64Array;
  /**
   * NaN missing. 32-bit floats when every value is one exactly (whole numbers below 2^24, as
   * counts and durations are), else 64-bit: the values read back the same either way.
   */
  readonly value: Float32Array | Float64Array;
}

export interface OpportunityColumns {
  readonly count: number;
  readonly id: readonly string[];
  /** Row index into leads, -1 for none. */
  readonly lead: Int32Array;
  /** Row index into accounts, -1 for none. */
  readonly account: Int32Array;
  readonly createdAt: Float64Array;
  /** AE owner. */
  readonly owner: DictColumn;
  /**
   * Integer cents of the plan currency (`meta.currency`): an amount in another currency is
   * converted with the user's rate (see `meta.currencyUse`). NaN = amount unknown — left empty, or
   * in a currency without a rate — counted as a deal, never summed: every sum of money skips it,
   * see `isKnownAmount`.
   */
  readonly amountCents: Float64Array;
  /** ISO 4217 code the amount was recorded in; missing (-1) means `meta.currency`. */
  readonly currency: DictColumn;
  /** The CRM's own win probability of the deal, 0–1; NaN when not recorded. */
  readonly probability: Float64Array;
  /** Forecast category (a FORECAST_CATEGORIES id); missing when not recorded. */
  readonly forecastCategory: DictColumn;
  readonly closeDate: Float64Array;
  /** STATUS_OPEN / STATUS_WON / STATUS_LOST. */
  readonly status: Uint8Array;
  /** Current stage name. */
  readonly stage: DictColumn;
  readonly sourcedBy: DictColumn;
  /** Per criterion: 1 true, 0 false, -1 not recorded. */
  readonly qualification: Readonly<Record<string, Int8Array>>;
  /** Stage history CSR by opportunity; `stage` codes index `stageNames`. */
  readonly history: { readonly start: CsrIndex; readonly stage: Int32Array; readonly at: Float64Array };
  /** Stage dictionary: the canonical OPPORTUNITY_STAGES first, then others in order of appearance. */
  readonly stageNames: readonly string[];
  /** Recorded changes (deal history), CSR by opportunity, in time order; see `ChangeColumns`. */
  readonly changes: ChangeColumns;
  readonly custom: Readonly<Record<string, Column>>;
}

/**
 * The deal history: change k of opportunity i is `start[i] <= k < start[i + 1]`. A field a change
 * leaves unchanged is missing there (NaN, or -1 for codes).
 */
export interface ChangeColumns {
  readonly start: CsrIndex;
  readonly at: Float64Array;
  /** Code into the opportunities' `stageNames`; -1 when the change leaves the stage. */
  readonly stage: Int32Array;
  /** Integer cents. */
  readonly amountCents: Float64Array;
  readonly closeDate: Float64Array;
  /** 0–1. */
  readonly probability: Float64Array;
  /** Index into FORECAST_CATEGORIES; -1 when the change leaves the category. */
  readonly forecastCategory: Int8Array;
}

/** Marketing and sales touches, CSR by opportunity and by lead (a touch may belong to either). */
export interface TouchColumns {
  readonly count: number;
  readonly channel: DictColumn;
  readonly at: Float64Array;
  /** Touch indexes of opportunity i: `byOpportunity.index[byOpportunity.start[i] ..]`. */
  readonly byOpportunity: { readonly start: CsrIndex; readonly index: Int32Array };
  readonly byLead: { readonly start: CsrIndex; readonly index: Int32Array };
}

export interface DatasetMeta {
  readonly name: string;
  /** The currency of the plan and of every amount that names none. */
  readonly currency: string;
  /**
   * Every currency the opportunities' amounts are in, `currency` first when used, then in order of
   * appearance. Amounts are never added across currencies: see `currencyUse`.
   */
  readonly currencies: readonly string[];
  /**
   * How each of `currencies` enters the money figures: the plan's own, converted at the user's
   * rate, or left out for want of a rate (those deals' amounts are unknown in `amountCents`).
   */
  readonly currencyUse: readonly CurrencyUse[];
  /** 1–12. */
  readonly fiscalYearStartMonth: number;
  /**
   * The default "as of" (epoch ms, SPEC §10): the latest recorded event that is not a planned date —
   * creation, activity, stage entry, deal change, or a closed deal's close up to 31 days after the
   * other events. Open deals' close dates never move it.
   */
  readonly latestAt: number;
  readonly earliestAt: number;
}

export interface Dataset {
  readonly meta: DatasetMeta;
  readonly accounts: AccountColumns;
  readonly leads: LeadColumns;
  readonly activities: ActivityColumns;
  readonly opportunities: OpportunityColumns;
  readonly touches: TouchColumns;
  /**
   * Company quota per fiscal quarter label, integer cents: the plan's row without a slice, else the
   * sum of the quarter's slices of one dimension (segment, then owner, then team).
   */
  readonly quotas: ReadonlyMap<string, number>;
  /** The plan's quotas per segment, owner or team (plan.csv `segment`, `owner`, `team`). */
  readonly quotaSlices: readonly QuotaSlice[];
}

export interface QuotaSlice {
  readonly quarter: string;
  readonly dimension: 'segment' | 'owner' | 'team';
  readonly value: string;
  /** Integer cents. */
  readonly cents: number;
}

/** The value of row i of a dictionary column, or undefined when missing. */
export function dictValue(column: DictColumn, row: number): string | undefined {
  const code = column.codes[row] ?? -1;
  return code < 0 ? undefined : column.values[code];
}

/** Whether an amount in cents is known (NaN marks "amount unknown"). Sums of money skip the rest. */
export function isKnownAmount(cents: number): boolean {
  return cents === cents;
}

/** An amount's share of a sum of money: the amount, or 0 when unknown (the deal still counts). */
export function summableCents(cents: number): number {
  return cents === cents ? cents : 0;
}
