/**
 * The hand-off to a warehouse: a dbt project that computes RevLens's figures where the data lives.
 * Files (paths relative to the project folder):
 *   dbt_project.yml, README.md,
 *   models/revlens_lead_scores.sql, models/revlens_funnel_reach.sql,
 *   models/revlens_pipeline_by_quarter.sql, models/revlens_hubspot_scores.sql,
 *   models/revlens_salesforce_scores.sql, models/sources.yml, models/schema.yml,
 *   tests/generic/revlens_between.sql.
 * The same files come from `revlens sql` and from the Rules view's "Export to warehouse".
 */
import type { RuleSet } from '../engine/scoring/rules';
import { crmScoresQuery } from './crm-models';
import { dbtReadme } from './dbt-readme';
import { schemaYml, sourcesYml } from './dbt-yaml';
import { funnelReachQuery } from './funnel-reach';
import { pipelineByQuarterQuery } from './pipeline-by-quarter';
import { leadScoresQuery, type ScoringInstant } from './lead-scores';
import type { AsOf } from './as-of';
import { CANONICAL_TABLES, type CustomColumns } from './schema';
import type { Dialect, Query } from './sql/ast';
import { printQuery } from './sql/print';
import { toYaml } from './yaml';

export interface PackageFile {
  readonly path: string;
  readonly content: string;
}

export interface DbtOptions {
  readonly dialect: Dialect;
  readonly rules: RuleSet;
  /** Default `latest`: the latest recorded event at each run, as the app's default as-of. */
  readonly asOf?: AsOf;
  readonly scoringInstant?: ScoringInstant;
  readonly custom?: CustomColumns;
  /** First month of the fiscal year, 1-12 (default 1): quarters are fiscal quarters. */
  readonly fiscalYearStartMonth?: number;
}

const CANONICAL = new Set(CANONICAL_TABLES.map((t) => t.name));

/** Canonical tables through dbt's `source()`, the package's own models through `ref()`. */
const dbtSource = (name: string): string => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a table name of the package: ${name}`);
  return CANONICAL.has(name) ? `{{ source('revlens', '${name}') }}` : `{{ ref('${name}') }}`;
};

function model(d: Dialect, q: Query, about: string): string {
  return `-- ${about}\n{{ config(materialized='table') }}\n\n${printQuery(d, q, { source: dbtSource, jinja: true })}\n`;
}

/** The models of the package: name → query and a one-line description. */
export function packageModels(
  o: DbtOptions,
): { readonly name: string; readonly description: string; readonly query: Query }[] {
  const asOf = o.asOf ?? 'latest';
  return [
    {
      name: 'revlens_lead_scores',
      description:
        'One row per lead: fit and intent scores (0-100), tiers, route and the model stage flags under the RevLens rule set.',
      query: leadScoresQuery(o.rules, {
        asOf,
        scoringInstant: o.scoringInstant ?? 'as-of',
        ...(o.custom ? { custom: o.custom } : {}),
      }),
    },
    {
      name: 'revlens_funnel_reach',
      description:
        'Leads that reached each funnel stage, per lead source and creation quarter, inclusive and strict counting, bots out.',
      query: funnelReachQuery({ asOf, fiscalYearStartMonth: o.fiscalYearStartMonth ?? 1 }),
    },
    {
      name: 'revlens_pipeline_by_quarter',
      description:
        'Per fiscal close quarter: open pipeline due, the same weighted by p(stage) from history, won amount and quota.',
      query: pipelineByQuarterQuery({ asOf, fiscalYearStartMonth: o.fiscalYearStartMonth ?? 1 }),
    },
    {
      name: 'revlens_hubspot_scores',
      description: 'The lead scores in the columns of a HubSpot contact import (Record ID + score properties).',
      query: crmScoresQuery('hubspot'),
    },
    {
      name: 'revlens_salesforce_scores',
      description: 'The lead scores in the columns of a Salesforce lead update (Id + RevLens custom fields).',
      query: crmScoresQuery('salesforce'),
    },
  ];
}

export function dbtPackage(o: DbtOptions): PackageFile[] {
  const models = packageModels(o);
  return [
    {
      path: 'dbt_project.yml',
      content: toYaml({
        name: 'revlens',
        version: '1.0.0',
        'config-version': 2,
        profile: 'revlens',
        'model-paths': ['models'],
        'test-paths': ['tests'],
      }),
    },
    ...models.map((m) => ({ path: `models/${m.name}.sql`, content: model(o.dialect, m.query, m.description) })),
    { path: 'models/sources.yml', content: sourcesYml(o.custom) },
    { path: 'models/schema.yml', content: schemaYml(models) },
    {
      path: 'tests/generic/revlens_between.sql',
      content: [
        '{% test revlens_between(model, column_name, min_value, max_value) %}',
        'select * from {{ model }}',
        'where {{ column_name }} is null or {{ column_name }} < {{ min_value }} or {{ column_name }} > {{ max_value }}',
        '{% endtest %}',
        '',
      ].join('\n'),
    },
    {
      path: 'README.md',
      content: dbtReadme(
        o.dialect,
        models.map((m) => m.name),
      ),
    },
  ];
}
