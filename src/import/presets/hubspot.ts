/**
 * HubSpot preset: the contacts export (Lifecycle Stage, the "Became a … Date" properties, Original
 * Source) and the deals export (Deal Stage, Amount, Close Date, Pipeline). A deal is won or lost
 * when its stage says "closed won"/"closed lost" (label or internal name), else open. A file it
 * cannot read (a deals export without "Deal Stage") goes to the mapping screen.
 */
import { ANY_VALUE } from '../mapping/apply';
import type { ImportPreset } from './preset';
import { pairs, pick, type ParsedFile, type PresetResult, type PresetTable } from './types';

/** Column names of HubSpot's contact and deal exports; other tools use a few of them too. */
const MARKERS = [
  'Record ID',
  'Lifecycle Stage',
  'Deal Stage',
  'Deal Name',
  'Pipeline',
  'Create Date',
  'Contact owner',
  'Deal owner',
  'Original Source',
  'Original Source Type',
  'Original Source Drill-Down 1',
  'Associated Company ID',
  'Associated Contact ID',
  'Deal ID',
  'Contact ID',
  'Last Activity Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Customer Date',
  'Lead Status',
  'Deal probability',
];

/** How many HubSpot column names a header has. */
export function hubspotScore(file: ParsedFile): number {
  return MARKERS.filter((m) => pick(file.table.header, m) !== undefined).length;
}

/**
 * A HubSpot export has "Lifecycle Stage" or "Deal Stage" with another HubSpot column, or three of
 * them: never one column alone ("Contact ID" is in Salesforce reports too).
 */
export function looksLikeHubspot(file: ParsedFile): boolean {
  const score = hubspotScore(file);
  return score >= 3 || (score >= 2 && pick(file.table.header, 'Lifecycle Stage', 'Deal Stage') !== undefined);
}

const DEAL_STATUS: [string, string][] = [
  ['Closed Won', 'won'],
  ['closedwon', 'won'],
  ['Closed Lost', 'lost'],
  ['closedlost', 'lost'],
  [ANY_VALUE, 'open'],
];

export function readHubspotFiles(files: readonly ParsedFile[]): PresetResult {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  const unread: ParsedFile[] = [];
  for (const file of files) {
    const h = file.table.header;
    if (pick(h, 'Deal Stage') !== undefined) {
      const stage = pick(h, 'Deal Stage')!;
      const columns = pairs(h, [
        ['id', 'Record ID', 'Deal ID'],
        ['created_at', 'Create Date', 'Created Date'],
        ['owner', 'Deal owner', 'Deal Owner'],
        ['amount', 'Amount'],
        ['close_date', 'Close Date'],
        ['account_id', 'Associated Company ID', 'Company ID'],
        ['lead_id', 'Associated Contact ID'],
        ['currency', 'Currency', 'Deal currency code'],
        // HubSpot's deal-stage probability is already 0–1.
        ['probability', 'Deal probability', 'Deal Stage Probability', 'hs_deal_stage_probability'],
        ['forecast_category', 'Forecast category'],
      ]);
      columns.push(['stage', stage], ['status', stage]);
      tables.push({
        file,
        mapping: { file: file.name, target: 'opportunities', columns, values: [['status', DEAL_STATUS]], defaults: [] },
      });
    } else if (
      pick(h, 'Lifecycle Stage', 'Email', 'Contact ID') !== undefined &&
      pick(h, 'Deal Name', 'Deal ID', 'Amount') === undefined
    ) {
      const columns = pairs(h, [
        ['id', 'Record ID', 'Contact ID'],
        ['created_at', 'Create Date', 'Created Date'],
        ['email', 'Email'],
        ['title', 'Job Title'],
        ['country', 'Country/Region', 'Country'],
        ['source', 'Original Source', 'Original Source Type'],
        ['campaign', 'Original Source Drill-Down 1'],
        ['owner', 'Contact owner', 'Contact Owner'],
        ['account_id', 'Associated Company ID', 'Company ID'],
        ['mql_at', 'Became a Marketing Qualified Lead Date'],
        ['sal_at', 'Became a Sales Accepted Lead Date'],
        ['sql_at', 'Became a Sales Qualified Lead Date'],
        ['sqo_at', 'Became an Opportunity Date'],
        ['won_at', 'Became a Customer Date'],
        ['status', 'Lead Status'],
      ]);
      tables.push({ file, mapping: { file: file.name, target: 'leads', columns, values: [], defaults: [] } });
    } else {
      warnings.push([
        file.name,
        'not read by the HubSpot preset (no "Deal Stage", "Lifecycle Stage" or "Email" column): map its columns on the mapping screen',
      ]);
      unread.push(file);
    }
  }
  return { tables, warnings, unread };
}

export const hubspotPreset = {
  id: 'hubspot',
  name: 'HubSpot',
  reads:
    'the contacts export (Lifecycle Stage, the "Became a … Date" properties, Original Source) and the deals export (Deal Stage, Amount, Close Date)',
  detects: looksLikeHubspot,
  detectOrder: 'first',
  streams: false,
  read: readHubspotFiles,
} as const satisfies ImportPreset;
