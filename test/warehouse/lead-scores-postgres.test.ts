import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { Dataset } from '../../src/engine/model/columns';
import { leadScoresQuery } from '../../src/warehouse/lead-scores';
import { printQuery } from '../../src/warehouse/sql/print';
import { cases } from './support/cases';
import { engineLeadScores, scoreDifferences } from './support/engine';
import { startPostgres, type Postgres } from './support/postgres';
import { recordSets, ruleSets, T0 } from './support/random-data';
import { customColumnsOf, datasetTables, writeTables } from './support/tables';

// Needs a PostgreSQL server: the test starts its own (and fails, never skips, when it cannot).
describe('lead_scores on PostgreSQL equals the engine', () => {
  const root = mkdtempSync(join(tmpdir(), 'revlens-pgdata-'));
  let pg: Postgres;
  let loaded: Dataset | null = null;
  let n = 0;
  const load = (ds: Dataset) => {
    if (loaded === ds) return;
    const dir = join(root, String(n++));
    const tables = datasetTables(ds);
    writeTables(dir, tables);
    pg.load(tables, dir);
    loaded = ds;
  };
  beforeAll(() => {
    pg = startPostgres();
  }, 60_000);
  afterAll(() => {
    pg?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  for (const c of cases()) {
    it(
      c.name,
      () => {
        load(c.ds);
        const asOf = c.ds.meta.latestAt;
        const rows = pg.query(
          printQuery(
            'postgres',
            leadScoresQuery(c.rules, { asOf, scoringInstant: c.instant, custom: customColumnsOf(c.ds) }),
          ),
        );
        const engine = engineLeadScores(c.ds, c.rules, asOf, c.instant);
        expect(scoreDifferences(rows, engine)).toEqual([]);
        expect(engine.some((r) => r.fit > 0 && r.is_mql)).toBe(true);
      },
      60_000,
    );
  }

  it('equals the engine on random rule sets over random small datasets', () => {
    fc.assert(
      fc.property(recordSets, ruleSets, fc.integer({ min: 0, max: 400 }), (records, rules, asOfDay) => {
        const ds = buildDataset(records);
        const asOf = T0 + asOfDay * 86_400_000 + 43_210_987;
        load(ds);
        const rows = pg.query(
          printQuery(
            'postgres',
            leadScoresQuery(rules, { asOf, scoringInstant: 'history', custom: customColumnsOf(ds) }),
          ),
        );
        expect(scoreDifferences(rows, engineLeadScores(ds, rules, asOf, 'history'))).toEqual([]);
      }),
      { numRuns: 12, seed: 20261203 },
    );
  }, 120_000);
});
