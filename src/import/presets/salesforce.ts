/**
 * Salesforce preset: data loader / data export files named after their objects (Lead.csv,
 * Opportunity.csv, OpportunityHistory.csv or OpportunityFieldHistory.csv, Account.csv,
 * CampaignMember.csv) with API field names, and report exports with label headers
 * ("Opportunity ID", "Stage", "Close Date"…) under any name. The deal history also gives each
 * deal's stage history. A file it cannot place goes to the mapping screen.
 * Status comes from IsWon/IsClosed (booleans as `1`/empty or true/false), else from StageName
 * ("Closed Won"/"Closed Lost"). Campaign members become touches; the channel is the campaign's
 * Type when Campaign.csv is loaded too. Other objects are reported as not used.
 */
import type { CsvTable } from '../csv';
import { ANY_VALUE } from '../mapping/apply';
import type { TableMapping } from '../mapping/schema';
import {
  ACCOUNT_FIELDS,
  IS_CLOSED_NAMES,
  IS_WON_NAMES,
  LEAD_FIELDS,
  OPPORTUNITY_FIELDS,
  PROBABILITY_NAMES,
  hasApiNames,
  hasReportLabels,
  salesforceKind,
} from './salesforce-fields';
import { fieldHistoryTable, opportunityHistoryTable } from './salesforce-history';
import type { ImportPreset } from './preset';
import { pairs, pick, stem, withColumn, type ParsedFile, type PresetResult, type PresetTable } from './types';

const TRUE = new Set(['1', 'true', 'yes']);
const STATUS_COLUMN = 'status (from IsClosed/IsWon)';
const PROBABILITY_COLUMN = 'probability (Probability %)';
/** The Salesforce objects the preset reads. */
const READ_OBJECTS = 'Lead, Opportunity, OpportunityHistory, OpportunityFieldHistory, Account, CampaignMember';
/** Salesforce objects the preset knows and does not read (contacts are not leads). */
const KNOWN_UNUSED = new Set([
  'contact',
  'task',
  'event',
  'case',
  'user',
  'branch__c',
  'opportunitylineitem',
  'product2',
  'pricebookentry',
]);

function mapping(
  file: ParsedFile,
  target: string,
  columns: [string, string][],
  extra: Partial<TableMapping> = {},
): PresetTable {
  return { file, mapping: { file: file.name, target, columns, values: [], defaults: [], ...extra } };
}

function opportunityTable(file: ParsedFile): PresetTable {
  const h = file.table.header;
  const columns = pairs(h, OPPORTUNITY_FIELDS);
  let table = file.table;
  const probability = pick(h, ...PROBABILITY_NAMES);
  if (probability !== undefined) {
    // Salesforce's Probability is a percentage without its sign; the canonical field is 0–1.
    table = withColumn(table, PROBABILITY_COLUMN, (c) => {
      const v = c(probability);
      return v === '' || v.endsWith('%') ? v : `${v}%`;
    });
    columns.push(['probability', PROBABILITY_COLUMN]);
  }
  const isClosed = pick(h, ...IS_CLOSED_NAMES);
  const isWon = pick(h, ...IS_WON_NAMES);
  if (isClosed !== undefined && isWon !== undefined) {
    table = withColumn(table, STATUS_COLUMN, (c) =>
      TRUE.has(c(isWon).toLowerCase()) ? 'won' : TRUE.has(c(isClosed).toLowerCase()) ? 'lost' : 'open',
    );
    return mapping({ name: file.name, table }, 'opportunities', [...columns, ['status', STATUS_COLUMN]]);
  }
  const stage = pick(h, 'StageName', 'Stage');
  const values: [string, [string, string][]][] = [
    [
      'status',
      [
        ['Closed Won', 'won'],
        ['Closed Lost', 'lost'],
        [ANY_VALUE, 'open'],
      ],
    ],
  ];
  return mapping({ name: file.name, table }, 'opportunities', stage ? [...columns, ['status', stage]] : columns, {
    values,
  });
}

function touchTable(file: ParsedFile, campaignTypes: Map<string, string>): PresetTable {
  const table = withColumn(
    withColumn(file.table, 'channel (campaign type)', (c) => campaignTypes.get(c('CampaignId')) || c('CampaignId')),
    'at (first responded, added or created)',
    (c) => c('FirstRespondedDate') || c('Added_Date__c') || c('CreatedDate'),
  );
  const t = mapping({ name: file.name, table }, 'touches', [
    ['lead_id', 'LeadId'],
    ['channel', 'channel (campaign type)'],
    ['at', 'at (first responded, added or created)'],
  ]);
  return {
    ...t,
    rejectRow: (c) =>
      c('LeadId') === '' && c('ContactId') !== ''
        ? {
            column: 'ContactId',
            value: c('ContactId'),
            reason: 'campaign member is a contact, not a lead: contacts are not imported',
          }
        : undefined,
  };
}

function campaignTypes(files: readonly ParsedFile[]): Map<string, string> {
  const out = new Map<string, string>();
  const f = files.find((x) => stem(x.name) === 'campaign');
  if (!f) return out;
  const id = f.table.header.findIndex((h) => h.trim() === 'Id');
  const type = f.table.header.findIndex((h) => h.trim() === 'Type');
  const name = f.table.header.findIndex((h) => h.trim() === 'Name');
  for (const r of f.table.rows) {
    const t = (r[type] ?? '').trim() || (r[name] ?? '').trim();
    if (id >= 0 && t) out.set((r[id] ?? '').trim(), t);
  }
  return out;
}

/** Does the header look like a Salesforce export: API field names, or a report's labels? */
export function looksLikeSalesforce(file: ParsedFile): boolean {
  return hasApiNames(file.table.header) || hasReportLabels(file.table.header);
}

function allSame(table: CsvTable, column: string | undefined): string | undefined {
  if (column === undefined || table.rows.length < 2) return undefined;
  const i = table.header.findIndex((h) => h.trim() === column);
  const first = table.rows[0]?.[i];
  return first && table.rows.every((r) => r[i] === first) ? first : undefined;
}

export function readSalesforceFiles(files: readonly ParsedFile[]): PresetResult {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  const unread: ParsedFile[] = [];
  const types = campaignTypes(files);
  for (const file of files) {
    const h = file.table.header;
    const s = stem(file.name);
    const kind = salesforceKind(file, s);
    if (kind === 'leads') tables.push(mapping(file, 'leads', pairs(h, LEAD_FIELDS)));
    else if (kind === 'opportunities') tables.push(opportunityTable(file));
    else if (kind === 'opportunity_field_history') tables.push(fieldHistoryTable(file));
    else if (kind === 'opportunity_history') tables.push(opportunityHistoryTable(file));
    else if (kind === 'accounts') tables.push(mapping(file, 'accounts', pairs(h, ACCOUNT_FIELDS)));
    else if (kind === 'touches') tables.push(touchTable(file, types));
    else if (kind === 'campaign') {
      warnings.push([file.name, 'read for the campaign types of touches only']);
      continue;
    } else if (KNOWN_UNUSED.has(s)) {
      warnings.push([file.name, `not used by the Salesforce preset (${READ_OBJECTS} are)`]);
      continue;
    } else {
      unread.push(file);
      continue;
    }
    const created = pick(h, 'CreatedDate', 'Created Date');
    const same = allSame(file.table, created);
    if (same !== undefined) {
      warnings.push([
        file.name,
        `every CreatedDate is ${same}: probably the date the records were loaded into Salesforce, not when they were created; ages and cycle times computed from it are not meaningful`,
      ]);
    }
  }
  return { tables, warnings, unread };
}

export const salesforcePreset = {
  id: 'salesforce',
  name: 'Salesforce',
  reads: `${READ_OBJECTS} (and Campaign for the channel of touches), data loader or report exports: API field names or report labels`,
  detects: looksLikeSalesforce,
  detectOrder: 'first',
  streams: false,
  read: readSalesforceFiles,
} as const satisfies ImportPreset;
