/**
 * Firmographic vocabularies of the demo company's market. The ideal customer profile (ICP) is
 * Software or Fintech companies of 200–5,000 employees in North America or EMEA; the weights below
 * put roughly a quarter of accounts fully inside it so fit scores separate clearly.
 */
import { weightedTable } from './prng';

/** Industries the ICP targets. */
export const ICP_INDUSTRIES: ReadonlySet<string> = new Set(['Software', 'Fintech']);
/** Regions the ICP targets. */
export const ICP_REGIONS: ReadonlySet<string> = new Set(['NA', 'EMEA']);
/** Employee band of the ICP, inclusive. */
export const ICP_EMPLOYEES = { min: 200, max: 5000 } as const;

export const INDUSTRIES = weightedTable([
  ['Software', 24],
  ['Fintech', 10],
  ['Healthcare', 11],
  ['Manufacturing', 11],
  ['Retail', 9],
  ['Professional Services', 10],
  ['Media', 6],
  ['Logistics', 6],
  ['Education', 6],
  ['Telecommunications', 4],
  ['Nonprofit', 3],
] as const);

/** Median revenue per employee by industry, in US dollars; revenue is drawn around it. */
export const REVENUE_PER_EMPLOYEE_USD: Readonly<Record<string, number>> = {
  Software: 220_000,
  Fintech: 260_000,
  Healthcare: 150_000,
  Manufacturing: 180_000,
  Retail: 120_000,
  'Professional Services': 140_000,
  Media: 160_000,
  Logistics: 130_000,
  Education: 70_000,
  Telecommunications: 300_000,
  Nonprofit: 60_000,
};

export const REGIONS = weightedTable([
  ['NA', 45],
  ['EMEA', 32],
  ['APAC', 15],
  ['LATAM', 8],
] as const);

/** ISO 3166 alpha-2 country codes per region, weighted. */
export const COUNTRIES_BY_REGION = {
  NA: weightedTable([
    ['US', 85],
    ['CA', 15],
  ]),
  EMEA: weightedTable([
    ['GB', 30],
    ['DE', 22],
    ['FR', 14],
    ['NL', 10],
    ['SE', 7],
    ['ES', 7],
    ['IE', 5],
    ['AE', 5],
  ]),
  APAC: weightedTable([
    ['AU', 30],
    ['SG', 20],
    ['IN', 25],
    ['JP', 25],
  ]),
  LATAM: weightedTable([
    ['BR', 55],
    ['MX', 45],
  ]),
} as const;

export type Region = keyof typeof COUNTRIES_BY_REGION;

export const TECH_STACK = weightedTable([
  ['Salesforce', 30],
  ['HubSpot', 24],
  ['Snowflake', 12],
  ['BigQuery', 8],
  ['Marketo', 9],
  ['Outreach', 9],
  ['Salesloft', 7],
  ['Gong', 8],
  ['Slack', 25],
  ['Zendesk', 10],
  ['Segment', 6],
  ['dbt', 6],
  ['Looker', 7],
  ['Tableau', 8],
] as const);

export const NAME_PREFIXES = [
  'Blue',
  'North',
  'Bright',
  'Silver',
  'Red',
  'Summit',
  'Clear',
  'Iron',
  'Green',
  'Swift',
  'Golden',
  'Harbor',
  'Cedar',
  'Quantum',
  'Polar',
  'Atlas',
  'Nova',
  'Vertex',
  'Evergreen',
  'Granite',
  'Lumen',
  'Orbit',
  'Pioneer',
  'Rapid',
  'Stone',
  'True',
  'Urban',
  'Vivid',
  'West',
  'Zenith',
] as const;

export const NAME_CORES = [
  'Ridge',
  'Wave',
  'Path',
  'Field',
  'Point',
  'Bridge',
  'Stack',
  'Leaf',
  'Peak',
  'River',
  'Forge',
  'Beacon',
  'Signal',
  'Harvest',
  'Canyon',
  'Spark',
  'Quarry',
  'Metric',
  'Loop',
  'Grid',
  'Crest',
  'Vale',
  'Shore',
  'Falcon',
  'Maple',
  'Prism',
  'Tide',
  'Compass',
  'Anchor',
  'Pulse',
] as const;

export const NAME_SUFFIXES = [
  'Labs',
  'Systems',
  'Group',
  'Technologies',
  'Partners',
  'Health',
  'Logistics',
  'Capital',
  'Software',
  'Industries',
  'Media',
  'Networks',
] as const;

export const DOMAIN_TLDS = ['com', 'com', 'com', 'io', 'co', 'net'] as const;
