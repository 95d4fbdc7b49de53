/**
 * The canonical JSON document of a record set, as plain data ready for `JSON.stringify`.
 * Key order is fixed so the text is deterministic.
 */
import type { CustomAttributes, Qualification, RecordSet } from '../../engine/model/records';
import { REFUSED_HEADERS } from './columns';
import { centsToUnits, formatInstant } from './format';
import { QUALIFICATION_CRITERIA } from '../../engine/model/stages';
import { ACCOUNT_KEYS, LEAD_KEYS, OPPORTUNITY_KEYS } from './json-keys';

type JsonObject = Record<string, unknown>;

/** Drops undefined values so optional fields are absent rather than `null`. */
function compact(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Appends custom attributes after the known keys, sorted. A name that is also a known key (or
 * `custom`) goes into a nested `custom` object instead, so that it cannot shadow a field.
 */
function withCustom(o: JsonObject, custom: CustomAttributes, known: ReadonlySet<string>): JsonObject {
  const out = compact(o);
  const nested: JsonObject = {};
  for (const k of Object.keys(custom).sort()) {
    if (REFUSED_HEADERS.has(k)) continue;
    if (known.has(k) || k === 'custom') nested[k] = custom[k];
    else out[k] = custom[k];
  }
  if (Object.keys(nested).length > 0) out.custom = nested;
  return out;
}

/** Recorded criteria only, in the fixed criterion order. */
function qualificationJson(q: Qualification): JsonObject {
  const out: JsonObject = {};
  for (const c of QUALIFICATION_CRITERIA) if (q[c] !== undefined) out[c] = q[c];
  return out;
}

const optDate = (ms: number | undefined) => (ms === undefined ? undefined : formatInstant(ms));

/** Canonical JSON value of a record set; see `writeCanonicalJson`. */
export function toCanonicalJson(rs: RecordSet): JsonObject {
  return {
    name: rs.name,
    currency: rs.plan.currency,
    fiscalYearStartMonth: rs.plan.fiscalYearStartMonth,
    quotas: rs.plan.quotas.map((q) => ({
      quarter: q.quarter,
      quota: centsToUnits(q.quotaCents),
      ...(q.slice ? { [q.slice.dimension]: q.slice.value } : {}),
    })),
    ...(rs.plan.currencyRates?.length
      ? { currencyRates: rs.plan.currencyRates.map((r) => ({ currency: r.currency, rate: r.rate })) }
      : {}),
    accounts: rs.accounts.map((a) =>
      withCustom(
        {
          id: a.id,
          name: a.name,
          industry: a.industry,
          employees: a.employees,
          annualRevenue: a.annualRevenueCents === undefined ? undefined : centsToUnits(a.annualRevenueCents),
          region: a.region,
          techStack: a.techStack,
        },
        a.custom,
        ACCOUNT_KEYS,
      ),
    ),
    leads: rs.leads.map((l) =>
      withCustom(
        {
          id: l.id,
          createdAt: formatInstant(l.createdAt),
          accountId: l.accountId,
          email: l.email,
          title: l.title,
          persona: l.persona,
          seniority: l.seniority,
          country: l.country,
          source: l.source,
          campaign: l.campaign,
          owner: l.owner,
          isBot: l.isBot,
          stageHistory: l.stageHistory.map((e) => ({ stage: e.stage, enteredAt: formatInstant(e.at) })),
          disqualifiedReason: l.disqualifiedReason,
        },
        l.custom,
        LEAD_KEYS,
      ),
    ),
    activities: rs.activities.map((a) =>
      compact({ leadId: a.leadId, type: a.type, at: formatInstant(a.at), value: a.value }),
    ),
    opportunities: rs.opportunities.map((o) =>
      withCustom(
        {
          id: o.id,
          leadId: o.leadId,
          accountId: o.accountId,
          createdAt: formatInstant(o.createdAt),
          owner: o.owner,
          amount: o.amountCents === undefined ? undefined : centsToUnits(o.amountCents),
          currency: o.currency,
          closeDate: optDate(o.closeDate),
          status: o.status,
          stage: o.stage,
          probability: o.probability,
          forecastCategory: o.forecastCategory,
          stageHistory: o.stageHistory.map((e) => ({ stage: e.stage, enteredAt: formatInstant(e.at) })),
          history: o.changes?.map((c) =>
            compact({
              at: formatInstant(c.at),
              stage: c.stage,
              amount: c.amountCents === undefined ? undefined : centsToUnits(c.amountCents),
              closeDate: optDate(c.closeDate),
              probability: c.probability,
              forecastCategory: c.forecastCategory,
            }),
          ),
          qualification: qualificationJson(o.qualification),
          sourcedBy: o.sourcedBy,
        },
        o.custom,
        OPPORTUNITY_KEYS,
      ),
    ),
    touches: rs.touches.map((t) =>
      compact({ opportunityId: t.opportunityId, leadId: t.leadId, channel: t.channel, at: formatInstant(t.at) }),
    ),
  };
}
