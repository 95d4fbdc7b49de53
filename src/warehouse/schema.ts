/**
 * The canonical tables the compiled SQL reads (SPEC §3, snake_case, as the canonical CSV folder).
 * Instants are UTC timestamps without a zone; money is in the dataset's one currency (not cents).
 * Custom columns sit beside these on `leads` and `accounts`; fit rules name them.
 */
import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../engine/model/stages';
import type { SqlType } from './sql/ast';

export interface TableColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly description: string;
}

export interface CanonicalTable {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly TableColumn[];
}

const c = (name: string, type: SqlType, description: string): TableColumn => ({ name, type, description });

/** The lead stages with an entry-date column on `leads`, as `<stage>_at`. */
export const LEAD_STAGE_COLUMNS = ['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified', 'recycled'] as const;

/** `economicBuyer` → `q_economic_buyer`. */
export const criterionColumn = (q: QualificationCriterion): string =>
  `q_${q.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`;

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'leads',
    description: 'One row per lead.',
    columns: [
      c('id', 'text', 'Lead id (unique).'),
      c('created_at', 'timestamp', 'Creation instant, UTC.'),
      c('account_id', 'text', 'The account (accounts.id), when known.'),
      c('email', 'text', 'E-mail address; fit rules read its domain.'),
      c('title', 'text', 'Job title.'),
      c('persona', 'text', 'Persona.'),
      c('seniority', 'text', 'Seniority.'),
      c('country', 'text', 'Country.'),
      c('source', 'text', 'Lead source.'),
      c('campaign', 'text', 'Campaign.'),
      c('owner', 'text', 'SDR owner.'),
      c('is_bot', 'boolean', 'True for bots: out of every figure.'),
      ...LEAD_STAGE_COLUMNS.map((s) => c(`${s}_at`, 'timestamp', `First recorded entry into ${s}, UTC.`)),
      c('disqualified_reason', 'text', 'Why the lead was disqualified.'),
    ],
  },
  {
    name: 'accounts',
    description: 'One row per account.',
    columns: [
      c('id', 'text', 'Account id (unique).'),
      c('name', 'text', 'Account name.'),
      c('industry', 'text', 'Industry.'),
      c('employees', 'double', 'Employees.'),
      c('annual_revenue', 'double', 'Annual revenue in the dataset currency.'),
      c('region', 'text', 'Region.'),
      c('tech_stack', 'text', 'Technologies, joined with |.'),
    ],
  },
  {
    name: 'activities',
    description: 'One row per lead activity.',
    columns: [
      c('lead_id', 'text', 'The lead (leads.id).'),
      c('type', 'text', 'Activity type, e.g. pricing_view.'),
      c('at', 'timestamp', 'When, UTC.'),
      c('value', 'double', 'Optional value.'),
    ],
  },
  {
    name: 'opportunities',
    description: 'One row per opportunity.',
    columns: [
      c('id', 'text', 'Opportunity id (unique).'),
      c('account_id', 'text', 'The account.'),
      c('lead_id', 'text', 'The lead it came from (leads.id), when known.'),
      c('created_at', 'timestamp', 'Creation instant (the SQO record), UTC.'),
      c('owner', 'text', 'AE owner.'),
      c('amount', 'double', 'Amount in the dataset currency.'),
      c('close_date', 'timestamp', 'Close date (planned while open), UTC.'),
      c('status', 'text', 'open, won or lost.'),
      c('stage', 'text', 'Current stage.'),
      c('sourced_by', 'text', 'marketing, sdr, ae or partner.'),
      ...QUALIFICATION_CRITERIA.map((q) =>
        c(criterionColumn(q), 'boolean', `Qualification criterion ${q} (NULL when not recorded).`),
      ),
    ],
  },
  {
    name: 'opportunity_stages',
    description: 'Full stage history of opportunities (may move backwards).',
    columns: [
      c('opportunity_id', 'text', 'The opportunity.'),
      c('stage', 'text', 'Stage entered.'),
      c('entered_at', 'timestamp', 'When, UTC.'),
    ],
  },
  {
    name: 'opportunity_history',
    description:
      'Recorded changes of opportunities, one row per change (as Salesforce OpportunityHistory); may be empty. A field the change leaves alone is NULL.',
    columns: [
      c('opportunity_id', 'text', 'The opportunity.'),
      c('at', 'timestamp', 'When the change was recorded, UTC.'),
      c('stage', 'text', 'Stage after the change.'),
      c('amount', 'double', 'Amount after the change, in the dataset currency.'),
      c('close_date', 'timestamp', 'Planned close date after the change, UTC.'),
      c('probability', 'double', 'Probability after the change, 0–1.'),
      c('forecast_category', 'text', 'Forecast category after the change.'),
    ],
  },
  {
    name: 'plan',
    description: 'Quota per fiscal quarter.',
    columns: [
      c('quarter', 'text', 'Fiscal quarter label, e.g. 2026-Q1.'),
      c('quota', 'double', 'Quota in the dataset currency.'),
    ],
  },
];

export function canonicalTable(name: string): CanonicalTable {
  const t = CANONICAL_TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`No canonical table ${name}`);
  return t;
}

/** How a custom column reads in fit rules: as text (the default) or as a number. */
export type CustomKind = 'text' | 'number';

/** Custom columns the warehouse tables carry beside the canonical ones, by table. */
export interface CustomColumns {
  readonly leads: Readonly<Record<string, CustomKind>>;
  readonly accounts: Readonly<Record<string, CustomKind>>;
  /**
   * True when these are all the custom columns the tables have (the app knows its dataset): a rule
   * on another custom column then scores nothing, as in the app. False (a rule file alone): every
   * custom column a rule names is read, as text unless listed as a number.
   */
  readonly complete: boolean;
}

export const NO_CUSTOM_COLUMNS: CustomColumns = { leads: {}, accounts: {}, complete: false };
