/**
 * HubSpot preset: the contacts export (Lifecycle Stage, the "Became a … Date" properties, Original
 * Source) and the deals export (Deal Stage, Amount, Close Date, Pipeline). A deal is won or lost
 * when its stage says "closed won"/"closed lost" (label or internal name), else open.
 */
import { ANY_VALUE } from '../mapping/apply';
import { pairs, pick, type ParsedFile, type PresetResult, type PresetTable } from './types';

export function looksLikeHubspot(file: ParsedFile): boolean {
  return pick(file.table.header, 'Lifecycle Stage', 'Deal Stage', 'Record ID', 'Contact ID', 'Deal ID') !== undefined;
}

const DEAL_STATUS: [string, string][] = [
  ['Closed Won', 'won'],
  ['closedwon', 'won'],
  ['Closed Lost', 'lost'],
  ['closedlost', 'lost'],
  [ANY_VALUE, 'open'],
];

export function hubspotPreset(files: readonly ParsedFile[]): PresetResult {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
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
      tables.push({ file, mapping: { file: file.name, target: 'opportunities', columns, values: [['status', DEAL_STATUS]], defaults: [] } });
    } else if (pick(h, 'Lifecycle Stage', 'Email', 'Contact ID') !== undefined) {
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
      ]);
      tables.push({ file, mapping: { file: file.name, target: 'leads', columns, values: [], defaults: [] } });
    } else {
      warnings.push([file.name, 'not a HubSpot contacts or deals export (no "Lifecycle Stage" or "Deal Stage" column): not read']);
    }
  }
  return { tables, warnings };
}
