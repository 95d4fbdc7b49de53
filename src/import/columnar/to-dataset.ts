/**
 * A `Dataset` (leads, accounts, activities) from the streamed scoring columns, for files too large
 * for the record readers. Lead text columns the loader skipped (title, country, campaign, owner…)
 * are empty; there are no opportunities, touches or stage events. Activities are put in CSR order
 * by a stable counting sort on the lead, then ordered by time within each lead.
 */
import type { ActivityColumns, Dataset, DictColumn } from '../../engine/model/columns';
import { emptyChanges } from '../../engine/model/build-changes';
import type { ScoringColumns } from './load-scoring-columns';

const emptyDict = (n: number): DictColumn => ({ kind: 'dict', codes: new Int32Array(n).fill(-1), values: [] });

/** CSR activities of `leads` leads; activities of unknown leads are dropped. */
export function activitiesToCsr(leads: number, a: ScoringColumns['activities']): ActivityColumns {
  const start = new Int32Array(leads + 1);
  for (let j = 0; j < a.count; j++) {
    const l = a.lead[j]!;
    if (l >= 0) start[l + 1]!++;
  }
  for (let i = 0; i < leads; i++) start[i + 1]! += start[i]!;
  const count = start[leads]!;
  const next = start.slice(0, leads);
  const order = new Int32Array(count);
  for (let j = 0; j < a.count; j++) {
    const l = a.lead[j]!;
    if (l >= 0) order[next[l]!++] = j;
  }
  for (let i = 0; i < leads; i++) {
    const seg = order.subarray(start[i]!, start[i + 1]!);
    for (let k = 1; k < seg.length; k++) {
      if (a.at[seg[k - 1]!]! > a.at[seg[k]!]!) {
        seg.sort((x, y) => a.at[x]! - a.at[y]! || x - y);
        break;
      }
    }
  }
  const type = new Uint8Array(count);
  const at = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const j = order[k]!;
    type[k] = a.type[j]!;
    at[k] = a.at[j]!;
  }
  return { count, start, type, typeNames: a.typeNames, at, value: new Float64Array(count).fill(Number.NaN) };
}

function extent(values: readonly Float64Array[]): { earliest: number; latest: number } {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const column of values) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v < earliest) earliest = v;
      if (v > latest) latest = v;
    }
  }
  return { earliest, latest };
}

export function scoringColumnsToDataset(c: ScoringColumns, name: string): Dataset {
  const n = c.leads.count;
  const activities = activitiesToCsr(n, c.activities);
  const { earliest, latest } = extent([c.createdAt, activities.at, ...Object.values(c.leads.stageAt)]);
  const accountCount = c.accounts.employees.length;
  return {
    meta: { name, currency: 'USD', currencies: [], currencyUse: [], fiscalYearStartMonth: 1, latestAt: latest, earliestAt: earliest },
    accounts: {
      count: accountCount,
      id: c.accountIds,
      name: emptyDict(accountCount),
      industry: c.accounts.industry,
      employees: c.accounts.employees,
      annualRevenueCents: c.accounts.annualRevenueCents,
      region: c.accounts.region,
      techStack: emptyDict(accountCount),
      custom: {},
    },
    leads: {
      count: n,
      id: c.leadIds,
      createdAt: c.createdAt,
      account: c.leads.account,
      email: c.leads.email,
      title: emptyDict(n),
      persona: c.leads.persona,
      seniority: c.leads.seniority,
      country: emptyDict(n),
      source: c.leads.source,
      campaign: emptyDict(n),
      owner: emptyDict(n),
      isBot: c.leads.isBot,
      stageAt: c.leads.stageAt,
      disqualifiedReason: emptyDict(n),
      events: { start: new Int32Array(n + 1), stage: new Uint8Array(0), at: new Float64Array(0) },
      custom: {},
    },
    activities,
    opportunities: {
      count: 0,
      id: [],
      lead: new Int32Array(0),
      account: new Int32Array(0),
      createdAt: new Float64Array(0),
      owner: emptyDict(0),
      amountCents: new Float64Array(0),
      currency: emptyDict(0),
      probability: new Float64Array(0),
      forecastCategory: emptyDict(0),
      closeDate: new Float64Array(0),
      status: new Uint8Array(0),
      stage: emptyDict(0),
      sourcedBy: emptyDict(0),
      qualification: {},
      history: { start: new Int32Array(1), stage: new Int32Array(0), at: new Float64Array(0) },
      stageNames: [],
      changes: emptyChanges(0),
      custom: {},
    },
    touches: {
      count: 0,
      channel: emptyDict(0),
      at: new Float64Array(0),
      byOpportunity: { start: new Int32Array(1), index: new Int32Array(0) },
      byLead: { start: new Int32Array(n + 1), index: new Int32Array(0) },
    },
    quotas: new Map(),
    quotaSlices: [],
  };
}
