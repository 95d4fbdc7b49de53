/** The README of the dbt package. */
import type { Dialect } from './sql/ast';

const ADAPTER: Readonly<Record<Dialect, string>> = {
  duckdb: 'dbt-duckdb',
  postgres: 'dbt-postgres',
  bigquery: 'dbt-bigquery',
  snowflake: 'dbt-snowflake',
  spark: 'dbt-spark or dbt-databricks',
};

export function dbtReadme(d: Dialect, models: readonly string[]): string {
  return `# RevLens models for ${d}

These dbt models compute, in your warehouse, the figures RevLens computes in the browser, under the
rule set they were exported with: the same fit and intent scores, tiers, routes and model stages.

Models:
${models.map((m) => `- \`${m}\``).join('\n')}

## Run
1. Install dbt with the ${ADAPTER[d]} adapter and add a profile named \`revlens\` for your warehouse.
2. Make the canonical tables available (see \`models/sources.yml\`): \`leads\`, \`accounts\`,
   \`activities\`, \`opportunities\`, \`opportunity_stages\`, \`opportunity_history\` (may be empty), \`plan\`, with the columns listed there
   (instants as UTC timestamps). Set the variable \`revlens_schema\` to the schema that holds them,
   set \`identifier\` on a table whose name differs, or create views with these names over your own
   tables. Custom columns that fit rules read must exist on \`leads\` or \`accounts\`.
3. \`dbt run\` then \`dbt test\` (ids unique and not null, tiers and routes among the known
   values, scores within 0-100).

## As of
Unless the package was exported with a fixed date, every run scores as of the latest recorded event
in the tables (lead creation or stage entry, activity, opportunity creation or stage change, close
of a closed deal), as the app does by default. Intent decays from that instant.

## Write-back to the CRM
\`revlens_hubspot_scores\` has the columns of a HubSpot contact import (\`Record ID\` and one property
per score); \`revlens_salesforce_scores\` those of a Salesforce lead update (\`Id\` and the
\`RevLens_…__c\` custom fields, which must exist on the Lead object). Export either to CSV and import it.
`;
}
