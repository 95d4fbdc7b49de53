/**
 * Funnel figures computed in the tests straight from the records, independently of the demo
 * generator's own manifest code. Inclusive mode: a lead that reached a later stage counts as having
 * passed every earlier one (SPEC §2); `lost` ranks with `won`.
 */
import type { LeadRecord, OpportunityRecord, RecordSet } from '../../src/engine/model/records';

export const DAY = 86_400_000;

const RANK: Record<string, number> = { lead: 0, mql: 1, sal: 2, sql: 3, sqo: 4, won: 5, lost: 5 };

/** Highest funnel rank the lead's history reached (0 lead … 4 sqo, 5 won or lost). */
export function topRank(lead: LeadRecord): number {
  let top = 0;
  for (const e of lead.stageHistory) top = Math.max(top, RANK[e.stage] ?? 0);
  return top;
}

/** Of the leads that reached rank `from` (inclusive), the share that reached rank `to`. */
export function stepRate(leads: readonly LeadRecord[], from: number, to: number): number {
  let base = 0;
  let hit = 0;
  for (const l of leads) {
    const top = topRank(l);
    if (top >= from) base++;
    if (top >= to) hit++;
  }
  return base === 0 ? NaN : hit / base;
}

/** Won ÷ (won + lost); NaN when nothing closed. */
export function winRate(opps: readonly OpportunityRecord[]): number {
  let won = 0;
  let lost = 0;
  for (const o of opps) {
    if (o.status === 'won') won++;
    else if (o.status === 'lost') lost++;
  }
  return won + lost === 0 ? NaN : won / (won + lost);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function firstAt(lead: LeadRecord, stage: string): number | undefined {
  return lead.stageHistory.find((e) => e.stage === stage)?.at;
}

/** Fast-track per SPEC §10 with BANT required, written out again for the tests. */
export function fastTrackedIds(rs: RecordSet): Set<string> {
  const leads = new Map(rs.leads.map((l) => [l.id, l]));
  const out = new Set<string>();
  for (const o of rs.opportunities) {
    const lead = o.leadId ? leads.get(o.leadId) : undefined;
    const sql = lead ? firstAt(lead, 'sql') : undefined;
    const sqo = (lead ? firstAt(lead, 'sqo') : undefined) ?? o.createdAt;
    const q = o.qualification;
    const bant = q.budget === true && q.authority === true && q.need === true && q.timeline === true;
    if (sql === undefined || sqo - sql < DAY || !bant) out.add(o.id);
  }
  return out;
}

/** Re-stage per SPEC §10: `sqo` entered again after any later stage. */
export function restagedIds(rs: RecordSet): Set<string> {
  const out = new Set<string>();
  for (const o of rs.opportunities) {
    let beyond = false;
    for (const e of [...o.stageHistory].sort((a, b) => a.at - b.at)) {
      if (e.stage === 'sqo' && beyond) out.add(o.id);
      if (e.stage !== 'sqo') beyond = true;
    }
  }
  return out;
}

/** Pass-through per SPEC §10: AE-sourced while the first touch (lead or deal) was not outbound. */
export function passThroughIds(rs: RecordSet): Set<string> {
  const touches = [...rs.touches].sort((a, b) => a.at - b.at);
  const out = new Set<string>();
  for (const o of rs.opportunities) {
    if (o.sourcedBy !== 'ae') continue;
    const first = touches.find((t) => t.opportunityId === o.id || (o.leadId && t.leadId === o.leadId));
    if (first && first.channel !== 'outbound') out.add(o.id);
  }
  return out;
}
