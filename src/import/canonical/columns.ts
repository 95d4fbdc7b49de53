/**
 * Column names of the canonical CSV folder (SPEC §3), in the order the writer emits them. Readers
 * match these names case-insensitively after trimming; any other column of a file is a custom
 * attribute (or, for files whose records carry no custom attributes, reported as not kept).
 */
import type { DatedLeadStage } from '../../engine/model/columns';
import type { QualificationCriterion } from '../../engine/model/stages';

/** The canonical file names, in the order they are read (referenced files first). */
export const CANONICAL_FILES = [
  'accounts.csv',
  'leads.csv',
  'opportunities.csv',
  'opportunity_stages.csv',
  'opportunity_history.csv',
  'activities.csv',
  'touches.csv',
  'plan.csv',
  'currency_rates.csv',
] as const;
export type CanonicalFile = (typeof CANONICAL_FILES)[number];

/** Stage-date columns of leads.csv, one per stage after `lead` (whose date is `created_at`). */
export const LEAD_STAGE_COLUMNS: readonly (readonly [column: string, stage: DatedLeadStage])[] = [
  ['mql_at', 'mql'],
  ['sal_at', 'sal'],
  ['sql_at', 'sql'],
  ['sqo_at', 'sqo'],
  ['won_at', 'won'],
  ['lost_at', 'lost'],
  ['disqualified_at', 'disqualified'],
  ['recycled_at', 'recycled'],
];

/** Qualification columns of opportunities.csv and the criterion each records. */
export const QUALIFICATION_COLUMNS: readonly (readonly [column: string, criterion: QualificationCriterion])[] = [
  ['q_budget', 'budget'],
  ['q_authority', 'authority'],
  ['q_need', 'need'],
  ['q_timeline', 'timeline'],
  ['q_next_step', 'nextStep'],
  ['q_metrics', 'metrics'],
  ['q_economic_buyer', 'economicBuyer'],
  ['q_decision_criteria', 'decisionCriteria'],
  ['q_decision_process', 'decisionProcess'],
  ['q_paper_process', 'paperProcess'],
  ['q_pain', 'pain'],
  ['q_champion', 'champion'],
  ['q_competition', 'competition'],
];

/**
 * `tech_stack` is not in the SPEC's table but the account model has a `techStack` list; it is read
 * and written as one cell with items separated by `|`.
 */
export const ACCOUNT_COLUMNS = [
  'id',
  'name',
  'industry',
  'employees',
  'annual_revenue',
  'region',
  'tech_stack',
] as const;

export const LEAD_COLUMNS = [
  'id',
  'created_at',
  'account_id',
  'email',
  'title',
  'persona',
  'seniority',
  'country',
  'source',
  'campaign',
  'owner',
  'is_bot',
  ...LEAD_STAGE_COLUMNS.map(([c]) => c),
  'disqualified_reason',
] as const;

/**
 * Columns leads.csv may carry beyond those written: `status`, the CRM's lead status (Salesforce
 * "Closed - Not Converted", HubSpot "UNQUALIFIED"…). Values in `DISQUALIFIED_STATUSES`, or mapped
 * to `disqualified` on the mapping screen, mark the lead disqualified; the status itself is not kept.
 */
export const LEAD_INPUT_COLUMNS = [...LEAD_COLUMNS, 'status'] as const;

/** Lead status values that mean the lead was disqualified, lower-cased. */
export const DISQUALIFIED_STATUSES: ReadonlySet<string> = new Set([
  'disqualified',
  'closed - not converted',
  'unqualified',
]);

export const ACTIVITY_COLUMNS = ['lead_id', 'type', 'at', 'value'] as const;

export const OPPORTUNITY_COLUMNS = [
  'id',
  'account_id',
  'lead_id',
  'created_at',
  'owner',
  'amount',
  'currency',
  'close_date',
  'status',
  'stage',
  'probability',
  'forecast_category',
  'sourced_by',
  ...QUALIFICATION_COLUMNS.map(([c]) => c),
] as const;

export const OPPORTUNITY_STAGE_COLUMNS = ['opportunity_id', 'stage', 'entered_at'] as const;

/**
 * `prev_amount` and `prev_close_date` (as Salesforce's PrevAmount and PrevCloseDate) are optional
 * extras beyond SPEC §3's list: the value before the change, used only for the deal's first
 * recorded change of that field, to know what it was from creation until then.
 */
export const OPPORTUNITY_HISTORY_COLUMNS = [
  'opportunity_id',
  'at',
  'stage',
  'amount',
  'close_date',
  'probability',
  'forecast_category',
  'prev_amount',
  'prev_close_date',
] as const;

export const TOUCH_COLUMNS = ['opportunity_id', 'lead_id', 'channel', 'at'] as const;

/**
 * `currency` and `fiscal_year_start_month` are plan settings carried on plan.csv rows (the first
 * non-empty value wins). A row with both `quarter` and `quota` empty carries settings only.
 */
export const PLAN_COLUMNS = [
  'quarter',
  'quota',
  'currency',
  'fiscal_year_start_month',
  'segment',
  'owner',
  'team',
] as const;

/**
 * currency_rates.csv: the user's conversion rates, `rate` units of the plan currency per 1 unit of
 * `currency` (ISO 4217), one row per currency. Amounts in a currency without a rate are never added
 * to plan-currency money.
 */
export const CURRENCY_RATE_COLUMNS = ['currency', 'rate'] as const;

/** Header names that would alter an object's prototype chain if used as keys: always refused. */
export const REFUSED_HEADERS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Columns of each canonical file, in writing order. */
export const FILE_COLUMNS: Readonly<Record<CanonicalFile, readonly string[]>> = {
  'accounts.csv': ACCOUNT_COLUMNS,
  'leads.csv': LEAD_INPUT_COLUMNS,
  'opportunities.csv': OPPORTUNITY_COLUMNS,
  'opportunity_stages.csv': OPPORTUNITY_STAGE_COLUMNS,
  'opportunity_history.csv': OPPORTUNITY_HISTORY_COLUMNS,
  'activities.csv': ACTIVITY_COLUMNS,
  'touches.csv': TOUCH_COLUMNS,
  'plan.csv': PLAN_COLUMNS,
  'currency_rates.csv': CURRENCY_RATE_COLUMNS,
};
