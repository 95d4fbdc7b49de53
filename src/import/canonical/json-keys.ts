/**
 * Known keys of each record in the canonical JSON. Any other key of a record is a custom attribute
 * (or, on records that carry none, reported as not kept).
 */

export const ACCOUNT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'industry',
  'employees',
  'annualRevenue',
  'region',
  'techStack',
]);

export const LEAD_KEYS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'accountId',
  'email',
  'title',
  'persona',
  'seniority',
  'country',
  'source',
  'campaign',
  'owner',
  'isBot',
  'stageHistory',
  'disqualifiedReason',
]);

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
