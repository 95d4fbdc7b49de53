import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { leadScoresQuery, type ScoringInstant } from '../../src/warehouse/lead-scores';
import { printQuery } from '../../src/warehouse/sql/print';
import { duckDbWith } from './support/duckdb';
import { engineLeadScores, scoreDifferences } from './support/engine';
import { recordSets, ruleSets, T0 } from './support/random-data';
import { customColumnsOf, datasetTables, writeTables } from './support/tables';

describe('lead_scores on DuckDB, random rule sets on random small datasets', () => {
  it('equals the engine for every lead', async () => {
    const root = mkdtempSync(join(tmpdir(), 'revlens-prop-'));
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          recordSets,
          ruleSets,
          fc.constantFrom<ScoringInstant>('as-of', 'history'),
          fc.integer({ min: 0, max: 400 }),
          async (records, rules, instant, asOfDay) => {
            const ds = buildDataset(records);
            const asOf = T0 + asOfDay * 86_400_000 + 43_210_987;
            const dir = join(root, String(n++));
            const tables = datasetTables(ds);
            writeTables(dir, tables);
            const db = await duckDbWith(tables, dir);
            try {
              const rows = await db.query(
                printQuery(
                  'duckdb',
                  leadScoresQuery(rules, { asOf, scoringInstant: instant, custom: customColumnsOf(ds) }),
                ),
              );
              expect(scoreDifferences(rows, engineLeadScores(ds, rules, asOf, instant))).toEqual([]);
            } finally {
              db.close();
            }
          },
        ),
        { numRuns: 30, seed: 20261203 },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
