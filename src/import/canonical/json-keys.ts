/**
 * Known keys of each record in the canonical JSON. Any other key of a record is a custom attribute
 * (or, on records that carry none, reported as not kept).
 */
import type { LeadRecord } from '../../engine/model/records';

export const ACCOUNT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'industry',
  'employees',
  'annualRevenue',
  'region',
  'techStack',
]);

/** Every field of a lead record but its custom attributes: a field added to LeadRecord must be listed here. */
const LEAD_FIELDS = {
  id: true,
  createdAt: true,
  accountId: true,
  email: true,
  title: true,
  persona: true,
  seniority: true,
  country: true,
  source: true,
  campaign: true,
  owner: true,
  isBot: true,
  stageHistory: true,
  disqualifiedReason: true,
} as const satisfies Record<Exclude<keyof LeadRecord, 'custom'>, true>;

export const LEAD_KEYS: ReadonlySet<string> = new Set(Object.keys(LEAD_FIELDS));

export const ACTIVITY_KEYS: ReadonlySet<string> = new Set(['leadId', 'type', 'at', 'value']);

export const OPPORTUNITY_KEYS: ReadonlySet<string> = new Set([
  'id',
  'leadId',
  'accountId',
  'createdAt',
  'owner',
  'amount',
  'currency',
  'probability',
  'forecastCategory',
  'closeDate',
  'status',
  'stage',
  'stageHistory',
  'history',
  'qualification',
  'sourcedBy',
  'touches',
]);

export const TOUCH_KEYS: ReadonlySet<string> = new Set(['opportunityId', 'leadId', 'channel', 'at']);

export const QUOTA_KEYS: ReadonlySet<string> = new Set(['quarter', 'quota', 'segment', 'owner', 'team']);
