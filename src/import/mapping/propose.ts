/**
 * A first guess at a mapping for a file nobody described: the target table whose columns the
 * header names best, each field matched by common synonyms, and status values by their words.
 * The user reviews every guess on the mapping screen; nothing here is applied without a look.
 */
import { OPPORTUNITY_STATUSES } from '../../engine/model/stages';
import { proposeHistoryShape } from './history-propose';
import { REQUIRED_FIELDS, targetFields } from './fields';
import { ANY_VALUE } from './apply';
import { TARGETS, type TableMapping, type Target } from './schema';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Synonyms (normalised) per target and field, beyond the field's own name. */
const SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  opportunities: {
    id: ['opportunityid', 'dealid', 'oppid', 'recordid'],
    account_id: ['account', 'accountid', 'company', 'companyid', 'accountname'],
    lead_id: ['leadid', 'contactid'],
    created_at: ['createddate', 'createdate', 'engagedate', 'opendate', 'created'],
    owner: ['salesagent', 'agent', 'rep', 'salesrep', 'dealowner', 'ownerid', 'ae'],
    amount: ['amount', 'closevalue', 'dealvalue', 'value', 'dealamount'],
    close_date: ['closedate', 'closeddate'],
    status: ['dealstage', 'stagename', 'stage', 'status', 'outcome'],
    stage: ['dealstage', 'stagename', 'stage'],
  },
  leads: {
    id: ['leadid', 'contactid', 'recordid'],
    created_at: ['createddate', 'createdate', 'created'],
    account_id: ['accountid', 'companyid', 'company'],
    source: ['leadsource', 'originalsource', 'source', 'channel'],
    owner: ['ownerid', 'leadowner', 'contactowner', 'sdr'],
    title: ['jobtitle'],
  },
  accounts: {
    id: ['accountid', 'account', 'companyid', 'company'],
    name: ['accountname', 'account', 'companyname', 'company'],
    industry: ['sector', 'vertical'],
    employees: ['employees', 'numberofemployees', 'headcount'],
    annual_revenue: ['revenue', 'annualrevenue'],
    region: ['officelocation', 'region', 'country', 'location'],
  },
  activities: {
    lead_id: ['leadid', 'contactid'],
    type: ['activitytype', 'type', 'event'],
    at: ['date', 'timestamp', 'occurredat'],
  },
  opportunity_stages: {
    opportunity_id: ['opportunityid', 'dealid'],
    stage: ['stagename', 'stage'],
    entered_at: ['createddate', 'date', 'enteredat'],
  },
  opportunity_history: {
    opportunity_id: ['opportunityid', 'dealid'],
    at: ['changedat', 'changedate', 'timestamp'],
    stage: ['stagename', 'dealstage'],
    close_date: ['closedate'],
    forecast_category: ['forecastcategoryname'],
    prev_amount: ['prevamount'],
    prev_close_date: ['prevclosedate'],
  },
  touches: { channel: ['channel', 'campaign', 'source'], at: ['date', 'timestamp'] },
  plan: { quarter: ['quarter', 'period'], quota: ['quota', 'target'] },
};

function columnsFor(target: Target, header: readonly string[]): [string, string][] {
  const byNorm = new Map<string, string>();
  for (const h of header) if (!byNorm.has(norm(h))) byNorm.set(norm(h), h.trim());
  const out: [string, string][] = [];
  for (const field of targetFields(target)) {
    const names = [norm(field), ...(SYNONYMS[target]?.[field] ?? [])];
    const hit = names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
    if (hit !== undefined) out.push([field, hit]);
  }
  return out;
}

/** Proposes status values from the words of the status column's distinct values. */
export function proposeStatusValues(values: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const v of values) {
    const w = v.toLowerCase();
    const status = (OPPORTUNITY_STATUSES as readonly string[]).includes(w)
      ? w
      : /\bwon\b|\bwin\b|closed ?won|closedwon/.test(w)
        ? 'won'
        : /\blost\b|\bloss\b|closed ?lost|closedlost/.test(w)
          ? 'lost'
          : 'open';
    out.push([v, status]);
  }
  return out;
}

/** Distinct non-empty values of a column, most frequent first (at most `max`). */
export function distinctValues(rows: readonly (readonly string[])[], column: number, max = 50): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = (r[column] ?? '').trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([v]) => v);
}

/** The proposal for one file: see the module comment. */
export function proposeTableMapping(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): TableMapping {
  const history = proposeHistoryShape(file, header, rows);
  if (history !== undefined) return history;
  let best: { target: Target; columns: [string, string][]; score: number } = { target: 'skip', columns: [], score: 0 };
  for (const target of TARGETS) {
    const columns = columnsFor(target, header);
    const have = new Set(columns.map(([f]) => f));
    const required = REQUIRED_FIELDS[target] ?? [];
    const missing = required.filter((f) => !have.has(f)).length;
    const score = columns.length - 3 * missing;
    // On a tie, the table more of whose columns the header names (a deals file without a stage
    // column is still deals, not leads).
    const better = score > best.score || (score === best.score && columns.length > best.columns.length);
    if (missing <= 1 && better) best = { target, columns, score };
  }
  const values: [string, [string, string][]][] = [];
  const statusSource = best.columns.find(([f]) => f === 'status')?.[1];
  if (best.target === 'opportunities' && statusSource !== undefined) {
    const i = header.findIndex((h) => h.trim() === statusSource);
    values.push(['status', proposeStatusValues(distinctValues(rows, i))]);
  }
  return { file, target: best.target, columns: best.columns, values, defaults: [] };
}

export { ANY_VALUE };
