import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nsp from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { funnelReachQuery } from '../../src/warehouse/funnel-reach';
import { leadScoresQuery } from '../../src/warehouse/lead-scores';
import { pipelineByQuarterQuery } from '../../src/warehouse/pipeline-by-quarter';
import { DIALECTS, type Dialect } from '../../src/warehouse/sql/ast';
import { printQuery } from '../../src/warehouse/sql/print';
import { GOLDEN_CUSTOM, GOLDEN_RULES } from './support/golden';

// Golden SQL per dialect: a change to the generated SQL shows in review. Regenerate with
// UPDATE_GOLDEN=1 npx vitest run test/warehouse/golden.test.ts, then read the diff.
const DIR = join(process.cwd(), 'test/warehouse/golden');

/** node-sql-parser's grammar for each dialect; Spark SQL is checked with its HiveQL parent. */
const PARSER_DB: Readonly<Record<Dialect, string>> = {
  duckdb: 'Postgresql',
  postgres: 'Postgresql',
  bigquery: 'BigQuery',
  snowflake: 'Snowflake',
  spark: 'Hive',
};

const models = (d: Dialect): Record<string, string> => ({
  lead_scores: printQuery(
    d,
    leadScoresQuery(GOLDEN_RULES, { asOf: 'latest', scoringInstant: 'history', custom: GOLDEN_CUSTOM }),
  ),
  pipeline_by_quarter: printQuery(d, pipelineByQuarterQuery({ asOf: 'latest', fiscalYearStartMonth: 2 })),
  funnel_reach: printQuery(
    d,
    funnelReachQuery({ asOf: Date.UTC(2026, 10, 15, 23, 59, 59, 999), fiscalYearStartMonth: 2 }),
  ),
});

describe('generated SQL per dialect', () => {
  const parser = new nsp.Parser();
  for (const d of DIALECTS) {
    for (const [model, sql] of Object.entries(models(d))) {
      it(`${d} ${model} matches its golden file`, () => {
        const file = join(DIR, d, `${model}.sql`);
        if (process.env.UPDATE_GOLDEN) {
          mkdirSync(join(DIR, d), { recursive: true });
          writeFileSync(file, `${sql}\n`);
        }
        expect(existsSync(file), `missing golden file ${file}`).toBe(true);
        expect(`${sql}\n`).toBe(readFileSync(file, 'utf8'));
      });
      if (d !== 'duckdb') {
        it(`${d} ${model} parses with the ${PARSER_DB[d]} grammar`, () => {
          expect(() => parser.astify(sql, { database: PARSER_DB[d] })).not.toThrow();
        });
      }
    }
  }

  it('quotes identifiers and literals so data never becomes SQL', () => {
    const sql = models('bigquery').lead_scores!;
    expect(sql).toContain("'it\\'s -- fine'");
    expect(sql).toContain('`l`.`select`');
    expect(models('postgres').lead_scores).toContain(`'it''s -- fine'`);
    expect(models('snowflake').lead_scores).toContain(`"L"."Deal Size"`);
    expect(models('spark').lead_scores).toContain("'o\\'neil'");
  });
});
