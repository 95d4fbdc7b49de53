import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import type { RuleSet } from '../../src/engine/scoring/rules';
import { leadScoresQuery } from '../../src/warehouse/lead-scores';
import { printExpr, printQuery } from '../../src/warehouse/sql/print';
import { str, col } from '../../src/warehouse/sql/ast';
import { QUOTING_RULES, quotingDataset } from './support/cases';
import { duckDbWith } from './support/duckdb';
import { customColumnsOf, datasetTables, writeTables } from './support/tables';

describe('quoting', () => {
  it('prints identifiers and strings so that names and values never end the quote', () => {
    expect(printExpr('duckdb', col('l', 'select'))).toBe('"l"."select"');
    expect(printExpr('postgres', str("it's -- x"))).toBe("'it''s -- x'");
    expect(printExpr('snowflake', str("a\\b'c"))).toBe("'a\\\\b''c'");
    expect(printExpr('bigquery', col(undefined, 'a`b'))).toBe('`a\\`b`');
    expect(printExpr('spark', col(undefined, 'a`b'))).toBe('`a``b`');
    expect(printExpr('bigquery', str("x'\n--"))).toBe("'x\\'\\n--'");
  });

  it('scores custom columns named `select` and `Deal Size` and values holding quote and comment marks (hand-worked)', async () => {
    const ds = quotingDataset();
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      fitRules: QUOTING_RULES.fitRules.filter((r) => r.id.startsWith('q')),
    };
    const dir = mkdtempSync(join(tmpdir(), 'revlens-quote-'));
    try {
      const tables = datasetTables(ds);
      writeTables(dir, tables);
      const db = await duckDbWith(tables, dir);
      const rows = await db.query(
        `${printQuery('duckdb', leadScoresQuery(rules, { asOf: ds.meta.latestAt, custom: customColumnsOf(ds) }))} ORDER BY 1`,
      );
      db.close();
      // Every lead gets the base 12. L-1: select = "it's -- fine" (+30), account order O'Neil (+20),
      // Deal Size 150 ≥ 100 (+15), title "VP -- Sales" contains "--" (−5): 72. L-'2: "it''s" is another
      // value, Deal Size 20 is below 100, its account has no employee count (−5): 7. L-3: no account,
      // so no industry (−10) and no employee count (−5): −3, clamped to 0.
      expect(rows.map((r) => [r.lead_id, r.fit])).toEqual([
        ["L-'2", 7],
        ['L-1', 72],
        ['L-3', 0],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
