/**
 * Salesforce preset: data loader / report exports named after their objects (Lead.csv,
 * Opportunity.csv, OpportunityHistory.csv or OpportunityFieldHistory.csv, Account.csv,
 * CampaignMember.csv) with API field names. The deal history also gives each deal's stage history.
 * Status comes from IsWon/IsClosed (booleans as `1`/empty or true/false), else from StageName
 * ("Closed Won"/"Closed Lost"). Campaign members become touches; the channel is the campaign's
 * Type when Campaign.csv is loaded too. Other objects are reported as not used.
 */
import type { CsvTable } from '../csv';
import { ANY_VALUE } from '../mapping/apply';
import type { TableMapping } from '../mapping/schema';
import { fieldHistoryTable, isFieldHistory, opportunityHistoryTable } from './salesforce-history';
import { pairs, pick, stem, withColumn, type ParsedFile, type PresetResult, type PresetTable } from './types';

const TRUE = new Set(['1', 'true', 'yes']);
const STATUS_COLUMN = 'status (from IsClosed/IsWon)';
const PROBABILITY_COLUMN = 'probability (Probability %)';

function mapping(file: ParsedFile, target: string, columns: [string, string][], extra: Partial<TableMapping> = {}): PresetTable {
  return { file, mapping: { file: file.name, target, columns, values: [], defaults: [], ...extra } };
}

function opportunityTable(file: ParsedFile): PresetTable {
  const h = file.table.header;
  const columns = pairs(h, [
    ['id', 'Id'],
    ['account_id', 'AccountId'],
    ['created_at', 'CreatedDate'],
    ['owner', 'OwnerId', 'Owner'],
    ['amount', 'Amount'],
    ['close_date', 'CloseDate'],
    ['stage', 'StageName'],
    ['sourced_by', 'Sourced_By__c'],
    ['currency', 'CurrencyIsoCode'],
    ['forecast_category', 'ForecastCategoryName', 'ForecastCategory'],
  ]);
  let table = file.table;
  const probability = pick(h, 'Probability');
  if (probability !== undefined) {
    // Salesforce's Probability is a percentage without its sign; the canonical field is 0–1.
    table = withColumn(table, PROBABILITY_COLUMN, (c) => {
      const v = c(probability);
      return v === '' ? '' : `${v}%`;
    });
    columns.push(['probability', PROBABILITY_COLUMN]);
  }
  const hasFlags = pick(h, 'IsClosed') !== undefined && pick(h, 'IsWon') !== undefined;
  if (hasFlags) {
    table = withColumn(table, STATUS_COLUMN, (c) =>
      TRUE.has(c('IsWon').toLowerCase()) ? 'won' : TRUE.has(c('IsClosed').toLowerCase()) ? 'lost' : 'open',
    );
    return mapping({ name: file.name, table }, 'opportunities', [...columns, ['status', STATUS_COLUMN]]);
  }
  const stage = pick(h, 'StageName');
  const values: [string, [string, string][]][] = [['status', [['Closed Won', 'won'], ['Closed Lost', 'lost'], [ANY_VALUE, 'open']]]];
  return mapping({ name: file.name, table }, 'opportunities', stage ? [...columns, ['status', stage]] : columns, { values });
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
        ? { column: 'ContactId', value: c('ContactId'), reason: 'campaign member is a contact, not a lead: contacts are not imported' }
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

/** Does the header look like a Salesforce export? */
export function looksLikeSalesforce(file: ParsedFile): boolean {
  const h = new Set(file.table.header.map((x) => x.trim()));
  return h.has('StageName') || (h.has('Id') && (h.has('IsDeleted') || h.has('SystemModstamp'))) || (h.has('IsConverted') && h.has('LeadSource'));
}

function allSame(table: CsvTable, column: string | undefined): string | undefined {
  if (column === undefined || table.rows.length < 2) return undefined;
  const i = table.header.findIndex((h) => h.trim() === column);
  const first = table.rows[0]?.[i];
  return first && table.rows.every((r) => r[i] === first) ? first : undefined;
}

export function salesforcePreset(files: readonly ParsedFile[]): PresetResult {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  const types = campaignTypes(files);
  for (const file of files) {
    const h = file.table.header;
    const s = stem(file.name);
    if (s === 'lead' || (pick(h, 'IsConverted') && pick(h, 'Status'))) {
      tables.push(
        mapping(file, 'leads', pairs(h, [
          ['id', 'Id'],
          ['created_at', 'CreatedDate'],
          ['email', 'Email'],
          ['title', 'Title'],
          ['country', 'Country'],
          ['source', 'LeadSource'],
          ['owner', 'OwnerId', 'Owner'],
          ['sqo_at', 'ConvertedDate'],
          ['account_id', 'ConvertedAccountId'],
        ])),
      );
    } else if (s === 'opportunity' || pick(h, 'StageName', 'IsWon') !== undefined && pick(h, 'OpportunityId') === undefined) {
      tables.push(opportunityTable(file));
    } else if (s === 'opportunityfieldhistory' || isFieldHistory(h)) {
      tables.push(fieldHistoryTable(file));
    } else if (s === 'opportunityhistory' || (pick(h, 'OpportunityId') && pick(h, 'StageName'))) {
      tables.push(opportunityHistoryTable(file));
    } else if (s === 'account') {
      tables.push(
        mapping(file, 'accounts', pairs(h, [
          ['id', 'Id'],
          ['name', 'Name'],
          ['industry', 'Industry'],
          ['employees', 'NumberOfEmployees'],
          ['annual_revenue', 'AnnualRevenue'],
          ['region', 'BillingCountry', 'BillingState'],
        ])),
      );
    } else if (s === 'campaignmember') {
      tables.push(touchTable(file, types));
    } else {
      warnings.push([file.name, s === 'campaign' ? 'read for the campaign types of touches only' : 'not used by the Salesforce preset (Lead, Opportunity, OpportunityHistory, OpportunityFieldHistory, Account, CampaignMember are)']);
      continue;
    }
    const created = pick(h, 'CreatedDate');
    const same = allSame(file.table, created);
    if (same !== undefined) {
      warnings.push([file.name, `every CreatedDate is ${same}: probably the date the records were loaded into Salesforce, not when they were created; ages and cycle times computed from it are not meaningful`]);
    }
  }
  return { tables, warnings };
}
