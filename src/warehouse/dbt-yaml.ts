/** The package's `sources.yml` (the canonical tables) and `schema.yml` (models and their tests). */
import { ICP_TIERS, INTENT_TIERS, MATRIX_ROUTES } from '../engine/scoring/tiers';
import { CRM_COLUMNS } from './crm-models';
import { CANONICAL_TABLES, type CustomColumns } from './schema';
import { toYaml, type YamlValue } from './yaml';

export function sourcesYml(custom?: CustomColumns): string {
  const extra = (table: string): YamlValue[] => {
    const kinds = table === 'leads' ? custom?.leads : table === 'accounts' ? custom?.accounts : undefined;
    return Object.entries(kinds ?? {}).map(([name, kind]) => ({
      name,
      description: `Custom column read by fit rules (as ${kind}).`,
    }));
  };
  return toYaml({
    version: 2,
    sources: [
      {
        name: 'revlens',
        description:
          'The canonical RevLens tables (snake_case, as the canonical CSV folder). To run the models on your own tables, ' +
          'point `schema` (the dbt variable revlens_schema) at the schema that holds them, set `identifier` on a table whose ' +
          'name differs, or create views with these names and columns over your own tables. Instants are UTC timestamps.',
        schema: "{{ var('revlens_schema', target.schema) }}",
        tables: CANONICAL_TABLES.map((t) => ({
          name: t.name,
          description: t.description,
          columns: [
            ...t.columns.map((c) => ({ name: c.name, description: `${c.description} (${c.type})` })),
            ...extra(t.name),
          ],
        })),
      },
    ],
  });
}

const ROUTES = [...new Set(MATRIX_ROUTES.flat())];
const between = (min: number, max: number): YamlValue => ({ revlens_between: { min_value: min, max_value: max } });
const accepted = (values: readonly string[]): YamlValue => ({ accepted_values: { values: [...values] } });

/** Tests of each model's columns. */
function modelColumns(name: string): YamlValue[] {
  if (name === 'revlens_lead_scores') {
    return [
      { name: 'lead_id', description: 'The lead (leads.id).', tests: ['unique', 'not_null'] },
      {
        name: 'fit',
        description: 'Fit score, 0-100 points: matched fit rules summed, clamped.',
        tests: ['not_null', between(0, 100)],
      },
      {
        name: 'intent',
        description: 'Intent score, 0-100 points: decayed, capped activity points summed, clamped.',
        tests: ['not_null', between(0, 100)],
      },
      { name: 'icp_tier', description: 'ICP tier from the fit score.', tests: ['not_null', accepted(ICP_TIERS)] },
      {
        name: 'intent_tier',
        description: 'Intent tier from the intent score.',
        tests: ['not_null', accepted(INTENT_TIERS)],
      },
      { name: 'route', description: 'Route of the fit x intent matrix.', tests: ['not_null', accepted(ROUTES)] },
      { name: 'is_mql', description: 'Passes the MQL rule.', tests: ['not_null'] },
      { name: 'is_sql', description: 'MQL and the SQL activity happened.', tests: ['not_null'] },
      {
        name: 'is_sqo',
        description: 'SQL and every required criterion is true on the first opportunity.',
        tests: ['not_null'],
      },
    ];
  }
  if (name === 'revlens_funnel_reach') {
    const count = (c: string, what: string) => ({
      name: c,
      description: `Leads that reached ${what} (a count).`,
      tests: ['not_null', between(0, 1e15)],
    });
    return [
      {
        name: 'mode',
        description: 'inclusive (a later stage implies the earlier ones) or strict (recorded entries only).',
        tests: ['not_null', accepted(['inclusive', 'strict'])],
      },
      { name: 'source', description: 'Lead source (NULL when the lead has none).' },
      {
        name: 'created_quarter',
        description: 'Fiscal quarter of the lead creation, e.g. 2026-Q1.',
        tests: ['not_null'],
      },
      count('leads', 'the lead stage (in scope)'),
      ...['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'].map((s) => count(s, s)),
    ];
  }
  if (name === 'revlens_pipeline_by_quarter') {
    const money = (c: string, what: string) => ({
      name: c,
      description: `${what}, in the dataset currency.`,
      tests: ['not_null'],
    });
    return [
      { name: 'quarter', description: 'Fiscal quarter, e.g. 2026-Q1.', tests: ['unique', 'not_null'] },
      {
        name: 'open_due_count',
        description: 'Open deals whose close date falls in the quarter (a count).',
        tests: ['not_null'],
      },
      money('open_due_amount', 'Open amount due in the quarter'),
      money('weighted_due_amount', 'The same weighted by p(stage)'),
      money('won_amount', 'Won amount closed in the quarter'),
      { name: 'quota', description: 'Quota of the quarter (NULL when the plan has none).' },
    ];
  }
  const crm =
    name === 'revlens_hubspot_scores'
      ? CRM_COLUMNS.hubspot
      : name === 'revlens_salesforce_scores'
        ? CRM_COLUMNS.salesforce
        : null;
  if (crm) return crm.map((c, k) => ({ name: c, ...(k === 0 ? { tests: ['unique', 'not_null'] } : {}), quote: true }));
  return [];
}

export function schemaYml(models: readonly { readonly name: string; readonly description: string }[]): string {
  return toYaml({
    version: 2,
    models: models.map((m) => ({ name: m.name, description: m.description, columns: modelColumns(m.name) })),
  });
}
