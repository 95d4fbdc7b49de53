/**
 * Turns row records (what readers produce) into the columnar Dataset the engine computes over.
 * References that point nowhere (an activity of an unknown lead) are the reader's to report; here
 * they become -1 and the child row is left out of the CSR index.
 */
import type { AccountColumns, Column, Dataset, OpportunityColumns } from './columns';
import { buildChanges } from './build-changes';
import { buildQuotas } from './build-quotas';
import { currencyUses, planConverter } from './currency';
import { extent } from './extent';
import { DictBuilder, dictColumn } from './dict-builder';
import { ownString, type IdLookup } from './grow';
import { LeadStore, byTime } from './lead-store';
import { ActivityStore, TouchStore, isActivityStore, isLeadStore, isTouchStore } from './row-stores';
import type { CustomAttributes, RecordSet } from './records';
import { OPPORTUNITY_STAGES, QUALIFICATION_CRITERIA, STATUS_LOST, STATUS_OPEN, STATUS_WON } from './stages';

/** Custom attribute columns: numeric when every present value parses as a number, else dictionary. */
function customColumns(rows: readonly { custom: CustomAttributes }[]): Record<string, Column> {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.custom)) names.add(k);
  const out: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const name of names) {
    const raw = rows.map((r) => {
      const v = r.custom[name];
      return v === undefined || v.trim() === '' ? undefined : v;
    });
    const numeric = raw.every((v) => v === undefined || Number.isFinite(Number(v)));
    out[name] = numeric
      ? { kind: 'num', values: mapTyped(Float64Array, raw, (v) => (v === undefined ? NaN : Number(v))) }
      : dictColumn(raw);
  }
  return out;
}

type TypedCtor<A> = new (length: number) => A;

/** `Ctor.from(rows, fn)` without its per-element overhead (an order of magnitude slower in V8). */
function mapTyped<T, A extends { [i: number]: number }>(
  Ctor: TypedCtor<A>,
  rows: readonly T[],
  fn: (row: T) => number,
): A {
  const out = new Ctor(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = fn(rows[i]!);
  return out;
}

function indexById(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!m.has(id)) m.set(id, i);
  });
  return m;
}

function lookup(index: IdLookup, id: string | undefined): number {
  return id === undefined ? -1 : (index.get(id) ?? -1);
}

function buildAccounts(rs: RecordSet): AccountColumns {
  const a = rs.accounts;
  return {
    count: a.length,
    id: a.map((r) => ownString(r.id)),
    name: dictColumn(a.map((r) => r.name)),
    industry: dictColumn(a.map((r) => r.industry)),
    employees: mapTyped(Float64Array, a, (r) => r.employees ?? NaN),
    annualRevenueCents: mapTyped(Float64Array, a, (r) => r.annualRevenueCents ?? NaN),
    region: dictColumn(a.map((r) => r.region)),
    techStack: dictColumn(a.map((r) => (r.techStack.length ? r.techStack.join('|') : undefined))),
    custom: customColumns(a),
  };
}

function buildOpportunities(rs: RecordSet, leadIndex: IdLookup, accountIndex: Map<string, number>): OpportunityColumns {
  const o = rs.opportunities;
  const n = o.length;
  const stageNames = new DictBuilder(0, OPPORTUNITY_STAGES);
  let events = 0;
  for (const r of o) events += r.stageHistory.length;
  const hStart = new Int32Array(n + 1);
  const hStage = new Int32Array(events);
  const hAt = new Float64Array(events);
  let e = 0;
  o.forEach((r, i) => {
    hStart[i] = e;
    // Stable sort by time keeps same-instant entries in recorded order; backwards moves survive.
    for (const ev of byTime(r.stageHistory)) {
      hStage[e] = stageNames.code(ev.stage);
      hAt[e++] = ev.at;
    }
  });
  hStart[n] = e;
  // Money is held in plan-currency cents; an amount without a rate to convert it is unknown (NaN).
  const toPlan = planConverter(rs);
  const changes = buildChanges(o, stageNames, toPlan);
  const stage = new DictBuilder(n);
  o.forEach((r, i) => stage.set(i, r.stage));
  const qualification = Object.fromEntries(
    QUALIFICATION_CRITERIA.map((c) => [
      c,
      mapTyped(Int8Array, o, (r) => {
        const v = r.qualification[c];
        return v === undefined ? -1 : v ? 1 : 0;
      }),
    ]),
  );
  const statusCode = { open: STATUS_OPEN, won: STATUS_WON, lost: STATUS_LOST } as const;
  return {
    count: n,
    id: o.map((r) => ownString(r.id)),
    lead: mapTyped(Int32Array, o, (r) => lookup(leadIndex, r.leadId)),
    account: mapTyped(Int32Array, o, (r) => lookup(accountIndex, r.accountId)),
    createdAt: mapTyped(Float64Array, o, (r) => r.createdAt),
    owner: dictColumn(o.map((r) => r.owner)),
    amountCents: mapTyped(Float64Array, o, (r) => toPlan(r.amountCents, r.currency)),
    currency: dictColumn(o.map((r) => r.currency)),
    probability: mapTyped(Float64Array, o, (r) => r.probability ?? NaN),
    forecastCategory: dictColumn(o.map((r) => r.forecastCategory)),
    closeDate: mapTyped(Float64Array, o, (r) => r.closeDate ?? NaN),
    status: mapTyped(Uint8Array, o, (r) => statusCode[r.status]),
    stage: stage.build(),
    sourcedBy: dictColumn(o.map((r) => r.sourcedBy)),
    qualification,
    history: { start: hStart, stage: hStage, at: hAt },
    stageNames: stageNames.build().values,
    changes,
    custom: customColumns(o),
  };
}

/**
 * The currencies amounts are in: the plan's first when any amount is in it (an amount naming no
 * currency is in the plan's), then others in order of appearance. Amounts unknown name none.
 */
export function datasetCurrencies(rs: RecordSet): string[] {
  const seen = new Set<string>();
  for (const o of rs.opportunities) {
    if (o.amountCents === undefined) continue;
    seen.add(o.currency ?? rs.plan.currency);
  }
  const rest = [...seen].filter((c) => c !== rs.plan.currency);
  return seen.has(rs.plan.currency) ? [rs.plan.currency, ...rest] : rest;
}

/** Builds the columnar dataset from row records. Pure; O(rows). */
export function buildDataset(rs: RecordSet): Dataset {
  const accountIndex = indexById(rs.accounts.map((a) => a.id));
  // Leads, activities and touches go through the column stores a streaming import fills as it reads.
  const streamedLeads = rs.streamed?.leads;
  const leadStore = isLeadStore(streamedLeads) ? streamedLeads : LeadStore.from(rs.leads);
  const leadIndex = leadStore.index;
  const oppIndex = indexById(rs.opportunities.map((o) => o.id));
  const accounts = buildAccounts(rs);
  const leads = leadStore.columns(accountIndex);
  const streamedActivities = rs.streamed?.activities;
  const activities = (
    isActivityStore(streamedActivities) ? streamedActivities : ActivityStore.from(rs.activities, leadIndex)
  ).columns(leads.count);
  const opportunities = buildOpportunities(rs, leadIndex, accountIndex);
  const streamedTouches = rs.streamed?.touches;
  const touches = (
    isTouchStore(streamedTouches) ? streamedTouches : TouchStore.from(rs.touches, leadIndex, oppIndex)
  ).columns(leads.count, opportunities.count);
  const { quotas, quotaSlices } = buildQuotas(rs);
  const body = { accounts, leads, activities, opportunities, touches, quotas, quotaSlices };
  const { earliest, latest } = extent(body);
  return {
    meta: {
      name: rs.name,
      currency: rs.plan.currency,
      currencies: datasetCurrencies(rs),
      currencyUse: currencyUses(rs),
      fiscalYearStartMonth: rs.plan.fiscalYearStartMonth,
      latestAt: latest,
      earliestAt: earliest,
    },
    ...body,
  };
}
