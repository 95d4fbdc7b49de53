import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../src/cli/commands/sql';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import { dbtPackage } from '../../src/warehouse/dbt';
import { customColumnsOfAttributes, dbtPackageZip, ZIP_ROOT } from '../../src/warehouse/package-zip';
import { strFromU8, unzipSync } from 'fflate';
import { quotingDataset, QUOTING_RULES } from './support/cases';
import { duckDbWith, type DuckDb } from './support/duckdb';
import { engineLeadScores, scoreDifferences } from './support/engine';
import { customColumnsOf, datasetTables, writeTables } from './support/tables';

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(root, p) : [relative(root, p)];
  });
}

/** The three Jinja forms the models use, rendered as dbt would for tables named as the sources. */
function renderJinja(sql: string): string {
  return sql
    .replace(/\{\{ config\([^)]*\) \}\}/g, '')
    .replace(/\{\{ source\('revlens', '([a-z_]+)'\) \}\}/g, '"$1"')
    .replace(/\{\{ ref\('([a-z_]+)'\) \}\}/g, '"$1"');
}

describe('revlens sql writes a dbt project', () => {
  const root = mkdtempSync(join(tmpdir(), 'revlens-dbt-'));
  const out = join(root, 'pkg');
  beforeAll(() => {
    const rules = join(root, 'rules.json');
    writeFileSync(rules, JSON.stringify(QUOTING_RULES));
    const said = runSql({ json: false, flags: { rules, dialect: 'duckdb', out, numeric: 'lead.custom.Deal Size' } });
    expect(said).toContain('Wrote a dbt project for duckdb');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('holds the models, sources, schema tests and a README', () => {
    expect(filesUnder(out).sort()).toEqual(
      [
        'README.md',
        'dbt_project.yml',
        'models/revlens_funnel_reach.sql',
        'models/revlens_hubspot_scores.sql',
        'models/revlens_lead_scores.sql',
        'models/revlens_pipeline_by_quarter.sql',
        'models/revlens_salesforce_scores.sql',
        'models/schema.yml',
        'models/sources.yml',
        'tests/generic/revlens_between.sql',
      ].sort(),
    );
  });

  it('has a schema.yml that parses as YAML, names every model and tests ids, tiers and score ranges', () => {
    const schema = parse(readFileSync(join(out, 'models/schema.yml'), 'utf8')) as {
      models: { name: string; columns: { name: string; tests?: unknown[] }[] }[];
    };
    const models = filesUnder(join(out, 'models'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''));
    expect(schema.models.map((m) => m.name).sort()).toEqual(models.sort());
    const scores = schema.models.find((m) => m.name === 'revlens_lead_scores')!;
    const tests = Object.fromEntries(scores.columns.map((c) => [c.name, c.tests]));
    expect(tests.lead_id).toEqual(['unique', 'not_null']);
    expect(tests.fit).toContainEqual({ revlens_between: { min_value: 0, max_value: 100 } });
    expect(tests.icp_tier).toContainEqual({ accepted_values: { values: ['Tier 1', 'Tier 2', 'Tier 3'] } });
    const sources = parse(readFileSync(join(out, 'models/sources.yml'), 'utf8')) as {
      sources: { tables: { name: string }[] }[];
    };
    expect(sources.sources[0]!.tables.map((t) => t.name)).toEqual([
      'leads',
      'accounts',
      'activities',
      'opportunities',
      'opportunity_stages',
      'opportunity_history',
      'plan',
    ]);
    parse(readFileSync(join(out, 'dbt_project.yml'), 'utf8'));
  });

  describe('its models, run on DuckDB', () => {
    const ds = quotingDataset();
    const dir = join(root, 'tables');
    let db: DuckDb;
    beforeAll(async () => {
      const tables = datasetTables(ds);
      writeTables(dir, tables);
      db = await duckDbWith(tables, dir);
    });
    afterAll(() => db?.close());

    it('give the engine scores and their CRM import shapes', async () => {
      for (const m of ['revlens_lead_scores', 'revlens_hubspot_scores', 'revlens_salesforce_scores']) {
        await db.query(
          `CREATE TABLE "${m}" AS ${renderJinja(readFileSync(join(out, 'models', `${m}.sql`), 'utf8')).replace(/^--.*\n/, '')}`,
        );
      }
      const rows = await db.query('SELECT * FROM "revlens_lead_scores"');
      expect(scoreDifferences(rows, engineLeadScores(ds, QUOTING_RULES, ds.meta.latestAt, 'as-of'))).toEqual([]);
      const hub = await db.query('SELECT * FROM "revlens_hubspot_scores" ORDER BY 1');
      expect(Object.keys(hub[0]!)).toEqual([
        'Record ID',
        'RevLens Fit Score',
        'RevLens Intent Score',
        'RevLens ICP Tier',
        'RevLens Intent Tier',
        'RevLens Route',
        'RevLens Model Stage',
      ]);
      const sf = await db.query('SELECT "Id", "RevLens_Model_Stage__c" FROM "revlens_salesforce_scores" ORDER BY 1');
      const engine = engineLeadScores(ds, QUOTING_RULES, ds.meta.latestAt, 'as-of');
      const stage = (r: (typeof engine)[number]) => (r.is_sqo ? 'sqo' : r.is_sql ? 'sql' : r.is_mql ? 'mql' : 'lead');
      expect(sf.map((r) => [r.Id, r.RevLens_Model_Stage__c])).toEqual(
        engine.map((r) => [r.lead_id, stage(r)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
      expect(customColumnsOf(ds).leads['Deal Size']).toBe('number');
    });
  });

  it('keeps Jinja out of rule values: a value holding {{ is split, never read as a tag', () => {
    const rules = {
      ...DEFAULT_RULE_SET,
      fitRules: [
        {
          id: 'j',
          label: 'j',
          attribute: 'lead.title',
          op: 'equals' as const,
          value: "{{ run_query('drop') }}{% x %}",
          points: 5,
        },
      ],
    };
    const sql = dbtPackage({ dialect: 'snowflake', rules }).find(
      (f) => f.path === 'models/revlens_lead_scores.sql',
    )!.content;
    expect(sql.replace(/\{\{ (config|source|ref)\([^)]*\) \}\}/g, '')).not.toMatch(/\{[{%#]/);
    expect(sql).toContain("('{' || '{ run_query(''drop'') }}{' || '% x %}')");
  });
});

describe('the Rules view zip', () => {
  it('holds the same files as the CLI output', () => {
    const root = mkdtempSync(join(tmpdir(), 'revlens-zip-'));
    try {
      const rulesFile = join(root, 'rules.json');
      writeFileSync(rulesFile, JSON.stringify(QUOTING_RULES));
      runSql({
        json: true,
        flags: { rules: rulesFile, dialect: 'bigquery', out: join(root, 'cli'), numeric: 'lead.custom.Deal Size' },
      });
      // The app knows its dataset's columns; the CLI is told which custom columns are numbers.
      const custom = { ...customColumnsOfAttributes([{ ref: 'lead.custom.Deal Size', kind: 'num' }]), complete: false };
      const unzipped = unzipSync(dbtPackageZip({ dialect: 'bigquery', rules: QUOTING_RULES, custom }));
      const fromZip = Object.fromEntries(
        Object.entries(unzipped).map(([k, v]) => [k.replace(`${ZIP_ROOT}/`, ''), strFromU8(v)]),
      );
      const fromCli = Object.fromEntries(
        filesUnder(join(root, 'cli')).map((f) => [f, readFileSync(join(root, 'cli', f), 'utf8')]),
      );
      expect(Object.keys(fromZip).length).toBe(10);
      expect(fromZip).toEqual(fromCli);
      expect(fromZip['models/revlens_lead_scores.sql']).toContain('`l`.`Deal Size` >= 100');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
