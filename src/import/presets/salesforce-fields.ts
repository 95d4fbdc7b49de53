/**
 * Salesforce fields by API name (data loader and data export files) and by the labels report
 * exports use as headers ("Opportunity ID", "Stage", "Close Date"…). Each list is
 * [canonical field, API name, labels…]; the first the header has is used.
 */
import { isFieldHistory } from './salesforce-history';
import { pick, type ParsedFile } from './types';

type FieldNames = readonly (readonly [string, ...string[]])[];

export const OPPORTUNITY_FIELDS: FieldNames = [
  ['id', 'Id', 'Opportunity ID', 'Opportunity Id'],
  ['account_id', 'AccountId', 'Account ID'],
  ['created_at', 'CreatedDate', 'Created Date', 'Create Date'],
  ['owner', 'OwnerId', 'Owner', 'Opportunity Owner', 'Owner ID', 'Owner Name'],
  ['amount', 'Amount'],
  ['close_date', 'CloseDate', 'Close Date'],
  ['stage', 'StageName', 'Stage'],
  ['sourced_by', 'Sourced_By__c'],
  ['currency', 'CurrencyIsoCode', 'Opportunity Currency', 'Currency', 'Amount Currency'],
  ['forecast_category', 'ForecastCategoryName', 'ForecastCategory', 'Forecast Category'],
];
export const PROBABILITY_NAMES = ['Probability', 'Probability (%)'] as const;
export const IS_CLOSED_NAMES = ['IsClosed', 'Closed'] as const;
export const IS_WON_NAMES = ['IsWon', 'Won'] as const;

export const LEAD_FIELDS: FieldNames = [
  ['id', 'Id', 'Lead ID', 'Lead Id'],
  ['created_at', 'CreatedDate', 'Created Date', 'Create Date'],
  ['email', 'Email'],
  ['title', 'Title'],
  ['country', 'Country'],
  ['source', 'LeadSource', 'Lead Source'],
  ['owner', 'OwnerId', 'Owner', 'Lead Owner', 'Owner ID'],
  ['sqo_at', 'ConvertedDate', 'Converted Date'],
  ['account_id', 'ConvertedAccountId', 'Converted Account ID'],
  ['status', 'Status', 'Lead Status'],
];

export const ACCOUNT_FIELDS: FieldNames = [
  ['id', 'Id', 'Account ID', 'Account Id'],
  ['name', 'Name', 'Account Name'],
  ['industry', 'Industry'],
  ['employees', 'NumberOfEmployees', 'Employees'],
  ['annual_revenue', 'AnnualRevenue', 'Annual Revenue'],
  ['region', 'BillingCountry', 'BillingState', 'Billing Country', 'Billing State/Province'],
];

/** Labels only Salesforce report exports use: one of them, with another marker, names the source. */
const REPORT_LABELS = [
  'Opportunity ID',
  'Opportunity Name',
  'Opportunity Owner',
  'Lead ID',
  'Lead Status',
  'Lead Owner',
  'Probability (%)',
  'Fiscal Period',
  'Forecast Category',
  'Converted Date',
  'Account Owner',
];
/** Labels Salesforce report exports share with other tools. */
const COMMON_LABELS = [
  'Account ID',
  'Account Name',
  'Contact ID',
  'Stage',
  'Close Date',
  'Created Date',
  'Lead Source',
  'Amount',
  'Type',
  'Age',
  'Next Step',
];

export type SalesforceKind =
  | 'leads'
  | 'opportunities'
  | 'opportunity_history'
  | 'opportunity_field_history'
  | 'accounts'
  | 'touches'
  | 'campaign'
  | undefined;

const has = (h: readonly string[], ...names: string[]) => pick(h, ...names) !== undefined;

/** Whether a header is a Salesforce report export's (labels, not API names). */
export function hasReportLabels(header: readonly string[]): boolean {
  const unique = REPORT_LABELS.filter((l) => has(header, l)).length;
  const common = COMMON_LABELS.filter((l) => has(header, l)).length;
  return unique >= 1 && unique + common >= 2;
}

/** Whether a header carries Salesforce API field names. */
export function hasApiNames(header: readonly string[]): boolean {
  const h = new Set(header.map((x) => x.trim()));
  return (
    h.has('StageName') ||
    (h.has('Id') && (h.has('IsDeleted') || h.has('SystemModstamp'))) ||
    (h.has('IsConverted') && h.has('LeadSource'))
  );
}

/** What a Salesforce file holds, from its name (the object) or its header. */
export function salesforceKind(file: ParsedFile, stem: string): SalesforceKind {
  const h = file.table.header;
  if (stem === 'opportunityfieldhistory' || isFieldHistory(h)) return 'opportunity_field_history';
  if (stem === 'opportunityhistory' || (has(h, 'OpportunityId') && has(h, 'StageName'))) return 'opportunity_history';
  if (stem === 'lead' || (has(h, 'IsConverted') && has(h, 'Status')) || has(h, 'Lead ID', 'Lead Status'))
    return 'leads';
  if (stem === 'opportunity' || has(h, 'StageName', 'IsWon', 'Opportunity ID', 'Opportunity Name'))
    return 'opportunities';
  if (stem === 'account' || (has(h, 'Account ID') && has(h, 'Account Name'))) return 'accounts';
  if (stem === 'campaignmember') return 'touches';
  if (stem === 'campaign') return 'campaign';
  return undefined;
}
