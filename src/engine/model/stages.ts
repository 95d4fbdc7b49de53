/**
 * The lead lifecycle (SPEC §2). Funnel stages are ordered; `lost`, `disqualified` and `recycled`
 * are side states that a lead may enter from the stages noted in the spec.
 */
export const FUNNEL_STAGES = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const SIDE_STAGES = ['lost', 'disqualified', 'recycled'] as const;
export type SideStage = (typeof SIDE_STAGES)[number];

/** Every stage a lead's history may record. The order is the code used in columnar storage. */
export const LEAD_STAGES = [...FUNNEL_STAGES, ...SIDE_STAGES] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Stage code (index into LEAD_STAGES) of each lead stage. */
export const LEAD_STAGE_CODE: Readonly<Record<LeadStage, number>> = Object.fromEntries(
  LEAD_STAGES.map((s, i) => [s, i]),
) as Record<LeadStage, number>;

export function isLeadStage(value: string): value is LeadStage {
  return (LEAD_STAGES as readonly string[]).includes(value);
}

/**
 * Opportunity stages of the canonical model, in pipeline order. Imports may bring other stage names;
 * they are kept in the dataset's stage dictionary after these, and mapped by the import's presets.
 */
export const OPPORTUNITY_STAGES = ['sqo', 'discovery', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/** Status code used in columnar storage: index into OPPORTUNITY_STATUSES. */
export const STATUS_OPEN = 0;
export const STATUS_WON = 1;
export const STATUS_LOST = 2;

/**
 * Forecast categories of a deal, as Salesforce defines them (ForecastCategoryName labels "Pipeline",
 * "Best Case", "Commit", "Closed", "Omitted"; API values Pipeline, BestCase, Forecast, Closed,
 * Omitted). Stored as these ids.
 */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const ACTIVITY_TYPES = [
  'page_view',
  'pricing_view',
  'integration_view',
  'case_study_download',
  'whitepaper_download',
  'comparison_download',
  'roi_calculator',
  'webinar_attended',
  'email_open',
  'email_click',
  'email_reply',
  'form_fill',
  'chat',
  'demo_request',
  'trial_signup',
  'trial_invite',
  'meeting_booked',
  'unsubscribe',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
}

/** Qualification criteria across BANT, MEDDPICC, CHAMP and the six-row SQO checklist (SPEC §4). */
export const QUALIFICATION_CRITERIA = [
  'budget',
  'authority',
  'need',
  'timeline',
  'nextStep',
  'metrics',
  'economicBuyer',
  'decisionCriteria',
  'decisionProcess',
  'paperProcess',
  'pain',
  'champion',
  'competition',
] as const;
export type QualificationCriterion = (typeof QUALIFICATION_CRITERIA)[number];

export const SOURCED_BY = ['marketing', 'sdr', 'ae', 'partner'] as const;
export type SourcedBy = (typeof SOURCED_BY)[number];
