/** Runs SQL on embedded DuckDB over canonical tables loaded from CSV files (./tables.ts). */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { quoteIdent, quoteString, typeName } from '../../../src/warehouse/sql/dialect';
import type { TableData } from './tables';

export type Row = Record<string, unknown>;

export interface DuckDb {
  readonly query: (sql: string) => Promise<Row[]>;
  readonly close: () => void;
}

export async function duckDbWith(tables: readonly TableData[], dir: string): Promise<DuckDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await instance.connect();
  for (const t of tables) {
    const cols = t.columns.map((c) => `${quoteIdent('duckdb', c.name)} ${typeName('duckdb', c.type)}`).join(', ');
    await conn.run(`CREATE TABLE ${quoteIdent('duckdb', t.name)} (${cols})`);
    const types = `{${t.columns.map((c) => `${quoteString('duckdb', c.name)}: ${quoteString('duckdb', typeName('duckdb', c.type))}`).join(', ')}}`;
    const file = quoteString('duckdb', join(dir, `${t.name}.csv`));
    await conn.run(
      `INSERT INTO ${quoteIdent('duckdb', t.name)} SELECT * FROM read_csv(${file}, header = true, columns = ${types}, quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false)`,
    );
  }
  return {
    query: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
