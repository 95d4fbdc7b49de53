/**
 * What a dataset can measure (SPEC §10 "Not measurable"). Each capability is an input some figure
 * needs — a leads file, stage dates, a stage history, qualification criteria, touches, a quota —
 * and is decided once per dataset from the columns themselves. A figure whose inputs are missing
 * is reported as "not measurable — needs …" naming the file or column that would supply them,
 * never as 0, 100% or a default.
 */
import type { Dataset } from './model/columns';
import type { QualificationCriterion } from './model/stages';

export type Capability =
  | 'leads'
  | 'leadStageDates'
  | 'sqlDates'
  | 'opportunities'
  | 'leadLinks'
  | 'stageHistory'
  | 'qualification'
  | 'touches'
  | 'sourcedBy'
  | 'closeDates'
  | 'quota';

/** The file or column that supplies each capability, as the user would add it. */
export const NEEDS: Readonly<Record<Capability, string>> = {
  leads: 'a leads file (leads.csv)',
  leadStageDates: 'lead stage dates (mql_at, sql_at, sqo_at … in leads.csv)',
  sqlDates: 'SQL dates on the leads (sql_at in leads.csv)',
  opportunities: 'an opportunities file (opportunities.csv)',
  leadLinks: 'opportunities linked to their leads (lead_id in opportunities.csv)',
  stageHistory: 'an opportunity stage history (opportunity_stages.csv)',
  qualification:
    'qualification criteria on the opportunities (q_budget, q_authority, q_need, q_timeline … in opportunities.csv)',
  touches: 'marketing and sales touches (touches.csv)',
  sourcedBy: 'who sourced each opportunity (sourced_by in opportunities.csv)',
  closeDates: 'close dates (close_date in opportunities.csv)',
  quota: 'a quota per quarter (plan.csv)',
};

/** Which records the funnel and the headline figures count. */
export type FunnelBasis = 'leads' | 'opportunities';

export interface Capabilities {
  readonly has: Readonly<Record<Capability, boolean>>;
  /**
   * `opportunities` when the dataset has no leads, or has opportunities none of which is linked to
   * a lead (the lead funnel then says nothing about deals): the Overview counts opportunities.
   */
  readonly basis: FunnelBasis;
}

/** Why a figure is missing: the capabilities it lacks and the sentence to show. */
export interface NotMeasurable {
  readonly needs: readonly Capability[];
  /** "not measurable — needs …". */
  readonly reason: string;
}

function anyFinite(values: Float64Array, rows?: Uint8Array): boolean {
  for (let i = 0; i < values.length; i++) if ((!rows || rows[i]) && Number.isFinite(values[i]!)) return true;
  return false;
}

/** Decides the capabilities of a dataset. O(rows). */
export function datasetCapabilities(ds: Dataset): Capabilities {
  const L = ds.leads;
  const O = ds.opportunities;
  const humans = Uint8Array.from(L.isBot, (b) => (b ? 0 : 1));
  const leads = humans.some((h) => h === 1);
  const leadStageDates =
    leads &&
    (['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const).some((s) => anyFinite(L.stageAt[s], humans));
  let linked = false;
  for (let j = 0; j < O.count && !linked; j++) linked = O.lead[j]! >= 0;
  let moves = false;
  for (let j = 0; j < O.count && !moves; j++) moves = O.history.start[j + 1]! - O.history.start[j]! >= 2;
  let criteria = false;
  for (const col of Object.values(O.qualification)) {
    for (let j = 0; j < col.length && !criteria; j++) criteria = col[j]! >= 0;
  }
  let quota = false;
  for (const q of ds.quotas.values()) quota ||= q > 0;
  const has: Record<Capability, boolean> = {
    leads,
    leadStageDates,
    sqlDates: leads && anyFinite(L.stageAt.sql, humans),
    opportunities: O.count > 0,
    leadLinks: linked,
    stageHistory: moves,
    qualification: criteria,
    touches: ds.touches.count > 0,
    sourcedBy: O.sourcedBy.codes.some((c) => c >= 0),
    closeDates: anyFinite(O.closeDate),
    quota,
  };
  const basis: FunnelBasis = !leads || (O.count > 0 && !linked) ? 'opportunities' : 'leads';
  return { has, basis };
}

/** True when at least one opportunity records one of these criteria (true or false). */
export function criteriaRecorded(ds: Dataset, criteria: readonly QualificationCriterion[]): boolean {
  for (const c of criteria) {
    const col = ds.opportunities.qualification[c];
    if (col && col.some((v) => v >= 0)) return true;
  }
  return false;
}

/** What a set of missing capabilities needs, as the user would add it: "a leads file (leads.csv) and …". */
export function needsList(missing: readonly Capability[]): string {
  return missing.map((c) => NEEDS[c]).join(' and ');
}

/** The reason sentence for a set of missing capabilities. */
export function needsText(missing: readonly Capability[]): string {
  return `not measurable — needs ${needsList(missing)}`;
}

/** Null when every required capability is present, else what is missing and why. */
export function missingFor(caps: Capabilities, required: readonly Capability[]): NotMeasurable | null {
  const missing = required.filter((c) => !caps.has[c]);
  return missing.length === 0 ? null : { needs: missing, reason: needsText(missing) };
}
