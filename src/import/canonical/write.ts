/**
 * Writers of the canonical interchange formats (SPEC §3). Output is deterministic: fixed column and
 * key order, custom attributes appended sorted by name, LF line endings, money in currency units.
 */
import type {
  AccountRecord,
  CustomAttributes,
  LeadRecord,
  OpportunityRecord,
  QuotaRecord,
  RecordSet,
} from '../../engine/model/records';
import { encodeCsv } from '../csv-write';
import {
  ACCOUNT_COLUMNS,
  ACTIVITY_COLUMNS,
  CURRENCY_RATE_COLUMNS,
  LEAD_COLUMNS,
  LEAD_STAGE_COLUMNS,
  OPPORTUNITY_COLUMNS,
  OPPORTUNITY_HISTORY_COLUMNS,
  OPPORTUNITY_STAGE_COLUMNS,
  PLAN_COLUMNS,
  QUALIFICATION_COLUMNS,
  REFUSED_HEADERS,
  TOUCH_COLUMNS,
} from './columns';
import { formatCents, formatInstant, formatNumber } from './format';
import { toCanonicalJson } from './write-json';

const opt = (v: string | undefined): string => v ?? '';
const optDate = (ms: number | undefined): string => (ms === undefined ? '' : formatInstant(ms));
const optBool = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'true' : 'false');

/**
 * Custom attribute names that can be written as their own column and read back as custom: not a
 * canonical column of the file (matched case-insensitively, as the reader does), not refused, and
 * without surrounding whitespace (the reader trims headers).
 */
function customColumns(rows: readonly { custom: CustomAttributes }[], known: readonly string[]): string[] {
  const knownSet = new Set(known);
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.custom)) names.add(k);
  return [...names]
    .filter(
      (k) => k !== '' && k.trim() === k && !knownSet.has(k.toLowerCase()) && !REFUSED_HEADERS.has(k.toLowerCase()),
    )
    .sort();
}

function table<T extends { custom: CustomAttributes }>(
  rows: readonly T[],
  known: readonly string[],
  cells: (r: T) => string[],
): string {
  const custom = customColumns(rows, known);
  return encodeCsv(
    [...known, ...custom],
    rows.map((r) => [...cells(r), ...custom.map((k) => r.custom[k] ?? '')]),
  );
}

function accountCells(a: AccountRecord): string[] {
  return [
    a.id,
    opt(a.name),
    opt(a.industry),
    a.employees === undefined ? '' : formatNumber(a.employees),
    a.annualRevenueCents === undefined ? '' : formatCents(a.annualRevenueCents),
    opt(a.region),
    a.techStack.join('|'),
  ];
}

function leadCells(l: LeadRecord): string[] {
  // One date per stage: the first entry of that stage (as CRM "became a … date" fields hold).
  const firstAt = (stage: string) => l.stageHistory.find((e) => e.stage === stage)?.at;
  return [
    l.id,
    formatInstant(l.createdAt),
    opt(l.accountId),
    opt(l.email),
    opt(l.title),
    opt(l.persona),
    opt(l.seniority),
    opt(l.country),
    opt(l.source),
    opt(l.campaign),
    opt(l.owner),
    l.isBot ? 'true' : 'false',
    ...LEAD_STAGE_COLUMNS.map(([, stage]) => optDate(firstAt(stage))),
    opt(l.disqualifiedReason),
  ];
}

function opportunityCells(o: OpportunityRecord): string[] {
  return [
    o.id,
    opt(o.accountId),
    opt(o.leadId),
    formatInstant(o.createdAt),
    opt(o.owner),
    o.amountCents === undefined ? '' : formatCents(o.amountCents),
    opt(o.currency),
    optDate(o.closeDate),
    o.status,
    opt(o.stage),
    o.probability === undefined ? '' : formatNumber(o.probability),
    opt(o.forecastCategory),
    opt(o.sourcedBy),
    ...QUALIFICATION_COLUMNS.map(([, c]) => optBool(o.qualification[c])),
  ];
}

/** One row per recorded change; the prev_ columns stay empty (the first change carries the start). */
function historyRows(rs: RecordSet): string[][] {
  return rs.opportunities.flatMap((o) =>
    (o.changes ?? []).map((c) => [
      o.id,
      formatInstant(c.at),
      opt(c.stage),
      c.amountCents === undefined ? '' : formatCents(c.amountCents),
      optDate(c.closeDate),
      c.probability === undefined ? '' : formatNumber(c.probability),
      opt(c.forecastCategory),
      '',
      '',
    ]),
  );
}

function planRows(rs: RecordSet): string[][] {
  const settings = [rs.plan.currency, String(rs.plan.fiscalYearStartMonth)];
  // With no quotas, one settings-only row keeps the currency and fiscal year start.
  if (rs.plan.quotas.length === 0) return [['', '', ...settings]];
  const sliced = hasSlices(rs);
  const slice = (q: QuotaRecord, d: 'segment' | 'owner' | 'team') => (q.slice?.dimension === d ? q.slice.value : '');
  return rs.plan.quotas.map((q) => [
    q.quarter,
    formatCents(q.quotaCents),
    ...settings,
    ...(sliced ? [slice(q, 'segment'), slice(q, 'owner'), slice(q, 'team')] : []),
  ]);
}

/** Whether any quota is for a slice: only then does plan.csv carry the slice columns. */
function hasSlices(rs: RecordSet): boolean {
  return rs.plan.quotas.some((q) => q.slice !== undefined);
}

/**
 * Writes a record set as the canonical CSV folder: file name → CSV text, always the eight data files
 * (header only when empty), and currency_rates.csv when the user gave conversion rates. Money is written in currency units (cents / 100, up to 2 decimals);
 * instants as ISO-8601 UTC, date-only at midnight; probabilities as fractions 0–1. Lossy by design of the format, and documented:
 * a lead's stage history keeps only the first entry per stage (leads.csv has one date column per
 * stage, the `lead` stage being `created_at`), and custom attribute names that collide with a
 * canonical column or are refused headers are not written. Everything else reads back equal.
 */
export function writeCanonicalCsv(rs: RecordSet): Record<string, string> {
  return {
    'accounts.csv': table(rs.accounts, ACCOUNT_COLUMNS, accountCells),
    'leads.csv': table(rs.leads, LEAD_COLUMNS, leadCells),
    'opportunities.csv': table(rs.opportunities, OPPORTUNITY_COLUMNS, opportunityCells),
    'opportunity_stages.csv': encodeCsv(
      OPPORTUNITY_STAGE_COLUMNS,
      rs.opportunities.flatMap((o) => o.stageHistory.map((e) => [o.id, e.stage, formatInstant(e.at)])),
    ),
    'opportunity_history.csv': encodeCsv(OPPORTUNITY_HISTORY_COLUMNS, historyRows(rs)),
    'activities.csv': encodeCsv(
      ACTIVITY_COLUMNS,
      rs.activities.map((a) => [
        a.leadId,
        a.type,
        formatInstant(a.at),
        a.value === undefined ? '' : formatNumber(a.value),
      ]),
    ),
    'touches.csv': encodeCsv(
      TOUCH_COLUMNS,
      rs.touches.map((t) => [opt(t.opportunityId), opt(t.leadId), t.channel, formatInstant(t.at)]),
    ),
    'plan.csv': encodeCsv(hasSlices(rs) ? PLAN_COLUMNS : PLAN_COLUMNS.slice(0, 4), planRows(rs)),
    ...(rs.plan.currencyRates?.length
      ? {
          'currency_rates.csv': encodeCsv(
            CURRENCY_RATE_COLUMNS,
            rs.plan.currencyRates.map((r) => [r.currency, formatNumber(r.rate)]),
          ),
        }
      : {}),
  };
}

/**
 * Writes a record set as canonical JSON (camelCase keys, ISO dates, money in currency units, custom
 * attributes inline after the known keys, sorted), two-space indented, ending with a newline.
 */
export function writeCanonicalJson(rs: RecordSet): string {
  return JSON.stringify(toCanonicalJson(rs), null, 2) + '\n';
}
