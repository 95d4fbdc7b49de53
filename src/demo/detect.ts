/**
 * The SPEC §10 definitions the demo manifest counts, applied to row records. They read only the
 * records (never the generator's intentions), so the manifest says what a detector will find.
 *
 * - Fast-track: lead's first `sqo` minus its first `sql` under one day, no `sql` entry at all (or no
 *   lead), or a required criterion (BANT by default) false or unrecorded.
 * - Re-stage: the opportunity's history enters `sqo` after having been in a later stage.
 * - Pass-through: `sourcedBy = ae` while the earliest touch of the opportunity or its lead came
 *   through any channel other than `outbound`.
 * - Skipped stage: a lead has no entry of a funnel stage but has an entry of a later one (`lost`
 *   ranks with `won`, after `sqo`).
 */
import type { LeadRecord, RecordSet } from '../engine/model/records';
import { OPPORTUNITY_STAGES, type QualificationCriterion } from '../engine/model/stages';
import { DAY_MS } from '../engine/time';

/** Stages whose skipping is counted, in funnel order. */
export const SKIPPABLE_STAGES = ['mql', 'sal', 'sql', 'sqo'] as const;
export type SkippableStage = (typeof SKIPPABLE_STAGES)[number];

/** Funnel rank of each lead stage that implies having passed earlier ones. */
const RANK: Readonly<Record<string, number>> = { lead: 0, mql: 1, sal: 2, sql: 3, sqo: 4, won: 5, lost: 5 };

function firstAt(lead: LeadRecord, stage: string): number | undefined {
  for (const e of lead.stageHistory) if (e.stage === stage) return e.at;
  return undefined;
}

/** Per stage, the number of leads that reached a later stage without a recorded entry of it. */
export function countSkippedStages(leads: readonly LeadRecord[]): Record<SkippableStage, number> {
  const out: Record<SkippableStage, number> = { mql: 0, sal: 0, sql: 0, sqo: 0 };
  for (const l of leads) {
    let top = 0;
    let seen = 0; // bit r set when a stage of rank r was recorded
    for (const e of l.stageHistory) {
      const r = RANK[e.stage] ?? 0;
      seen |= 1 << r;
      if (r > top) top = r;
    }
    for (const s of SKIPPABLE_STAGES) {
      const r = RANK[s]!;
      if (top > r && (seen & (1 << r)) === 0) out[s]++;
    }
  }
  return out;
}

/** Leads referred to by at least one opportunity, by id. */
function leadsOfOpportunities(rs: RecordSet): Map<string, LeadRecord> {
  const wanted = new Set<string>();
  for (const o of rs.opportunities) if (o.leadId !== undefined) wanted.add(o.leadId);
  const out = new Map<string, LeadRecord>();
  for (const l of rs.leads) if (wanted.has(l.id) && !out.has(l.id)) out.set(l.id, l);
  return out;
}

/** Ids of fast-tracked opportunities, in record order. */
export function findFastTracked(rs: RecordSet, required: readonly QualificationCriterion[]): string[] {
  const leads = leadsOfOpportunities(rs);
  const out: string[] = [];
  for (const o of rs.opportunities) {
    const lead = o.leadId === undefined ? undefined : leads.get(o.leadId);
    const sqlAt = lead && firstAt(lead, 'sql');
    const sqoAt = (lead && firstAt(lead, 'sqo')) ?? o.createdAt;
    const missing = required.some((c) => o.qualification[c] !== true);
    if (sqlAt === undefined || sqoAt - sqlAt < DAY_MS || missing) out.push(o.id);
  }
  return out;
}

/** Ids of re-staged opportunities (history in time order, ties kept in recorded order). */
export function findRestaged(rs: RecordSet): string[] {
  const out: string[] = [];
  for (const o of rs.opportunities) {
    const history = [...o.stageHistory].sort((a, b) => a.at - b.at);
    let later = false;
    for (const e of history) {
      if (e.stage === 'sqo' && later) {
        out.push(o.id);
        break;
      }
      if (OPPORTUNITY_STAGES.indexOf(e.stage as (typeof OPPORTUNITY_STAGES)[number]) > 0) later = true;
    }
  }
  return out;
}

/** Ids of pass-through opportunities. */
export function findPassThrough(rs: RecordSet): string[] {
  const claimed = rs.opportunities.filter((o) => o.sourcedBy === 'ae');
  type First = { at: number; channel: string };
  const firstByOpp = new Map<string, First | null>(claimed.map((o) => [o.id, null]));
  const firstByLead = new Map<string, First | null>();
  for (const o of claimed) if (o.leadId !== undefined) firstByLead.set(o.leadId, null);
  const keep = (m: Map<string, First | null>, key: string | undefined, at: number, channel: string) => {
    if (key === undefined || !m.has(key)) return;
    const cur = m.get(key);
    if (!cur || at < cur.at) m.set(key, { at, channel });
  };
  for (const t of rs.touches) {
    keep(firstByOpp, t.opportunityId, t.at, t.channel);
    keep(firstByLead, t.leadId, t.at, t.channel);
  }
  const out: string[] = [];
  for (const o of claimed) {
    const a = firstByOpp.get(o.id);
    const b = o.leadId === undefined ? undefined : firstByLead.get(o.leadId);
    // On a tie the lead's touch counts as first: it is where the buyer came from.
    const first = a && b ? (b.at <= a.at ? b : a) : (a ?? b);
    if (first && first.channel !== 'outbound') out.push(o.id);
  }
  return out;
}
