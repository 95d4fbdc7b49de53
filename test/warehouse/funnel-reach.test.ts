import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { Dataset } from '../../src/engine/model/columns';
import { funnelReachQuery } from '../../src/warehouse/funnel-reach';
import { printQuery } from '../../src/warehouse/sql/print';
import { mavenRecords } from '../fixtures/maven';
import { duckDbWith } from './support/duckdb';
import { engineFunnelReach, funnelRowsByKey } from './support/engine-funnel';
import { startPostgres, type Postgres } from './support/postgres';
import { datasetTables, writeTables } from './support/tables';

const root = mkdtempSync(join(tmpdir(), 'revlens-funnel-'));
let pg: Postgres | null = null;
afterAll(() => {
  pg?.stop();
  rmSync(root, { recursive: true, force: true });
});

const datasets: [string, () => Dataset][] = [
  ['the demo company', () => buildDataset(generateDemoCompany({ leads: 3000 }).records)],
  ['the Maven CRM data', () => buildDataset(mavenRecords())],
];

describe('funnel_reach equals the engine stage reach per source and creation quarter', () => {
  datasets.forEach(([name, make], k) => {
    it(`on DuckDB and PostgreSQL, ${name}, both counting modes, bots out`, async () => {
      const ds = make();
      const dir = join(root, String(k));
      const tables = datasetTables(ds);
      writeTables(dir, tables);
      const asOf = ds.meta.latestAt;
      const engine = engineFunnelReach(ds, asOf);
      const duck = await duckDbWith(tables, dir);
      const fromDuck = funnelRowsByKey(await duck.query(printQuery('duckdb', funnelReachQuery({ asOf }))));
      duck.close();
      expect(fromDuck).toEqual(engine);
      pg ??= startPostgres();
      pg.load(tables, dir);
      const fromPg = funnelRowsByKey(pg.query(printQuery('postgres', funnelReachQuery({ asOf: 'latest' }))));
      expect(fromPg).toEqual(engine);
      // Not vacuous: leads reached the later stages, and bots were there to leave out.
      const total = (stage: string) => [...engine.values()].reduce((s, r) => s + r[stage]!, 0);
      expect(total('sqo')).toBeGreaterThan(0);
      if (k === 0) expect(ds.leads.isBot.some((b) => b === 1)).toBe(true);
    }, 120_000);
  });
});
