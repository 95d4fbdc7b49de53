import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import { leadScoresQuery } from '../../src/warehouse/lead-scores';
import { printQuery } from '../../src/warehouse/sql/print';
import { cases } from './support/cases';
import { duckDbWith, type DuckDb } from './support/duckdb';
import { engineLeadScores, scoreDifferences } from './support/engine';
import { customColumnsOf, datasetTables, writeTables } from './support/tables';

describe('lead_scores on DuckDB equals the engine', () => {
  const root = mkdtempSync(join(tmpdir(), 'revlens-duck-'));
  const dbs = new Map<Dataset, Promise<DuckDb>>();
  const dbOf = (ds: Dataset) => {
    let db = dbs.get(ds);
    if (!db) {
      const dir = join(root, String(dbs.size));
      const tables = datasetTables(ds);
      writeTables(dir, tables);
      db = duckDbWith(tables, dir);
      dbs.set(ds, db);
    }
    return db;
  };
  afterAll(async () => {
    for (const db of dbs.values()) (await db).close();
    rmSync(root, { recursive: true, force: true });
  });

  for (const c of cases()) {
    it(c.name, async () => {
      const db = await dbOf(c.ds);
      const asOf = c.ds.meta.latestAt;
      const rows = await db.query(
        printQuery(
          'duckdb',
          leadScoresQuery(c.rules, { asOf, scoringInstant: c.instant, custom: customColumnsOf(c.ds) }),
        ),
      );
      const engine = engineLeadScores(c.ds, c.rules, asOf, c.instant);
      expect(scoreDifferences(rows, engine)).toEqual([]);
      // Not a vacuous comparison: some leads score and qualify.
      expect(engine.some((r) => r.fit > 0 && r.is_mql)).toBe(true);
    });
  }

  it('takes the latest recorded event as the as-of when asked to', async () => {
    const c = cases()[0]!;
    const db = await dbOf(c.ds);
    const rows = await db.query(
      printQuery('duckdb', leadScoresQuery(DEFAULT_RULE_SET, { asOf: 'latest', custom: customColumnsOf(c.ds) })),
    );
    expect(scoreDifferences(rows, engineLeadScores(c.ds, DEFAULT_RULE_SET, c.ds.meta.latestAt, 'as-of'))).toEqual([]);
  });

  it('shows a difference when the SQL is made from other rules (the comparison can fail)', async () => {
    const c = cases()[0]!;
    const db = await dbOf(c.ds);
    const rows = await db.query(
      printQuery(
        'duckdb',
        leadScoresQuery(
          { ...DEFAULT_RULE_SET, halfLifeDays: 31 },
          { asOf: c.ds.meta.latestAt, custom: customColumnsOf(c.ds) },
        ),
      ),
    );
    expect(
      scoreDifferences(rows, engineLeadScores(c.ds, DEFAULT_RULE_SET, c.ds.meta.latestAt, 'as-of')).length,
    ).toBeGreaterThan(0);
  });
});
