import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { readCanonicalCsv } from '../../../src/import/canonical/read-csv-folder';
import { writeCanonicalCsv } from '../../../src/import/canonical/write';
import { Blob } from 'node:buffer';
import { blobChunks } from '../../../src/import/columnar/blob-chunks';
import { loadScoringColumns } from '../../../src/import/columnar/load-scoring-columns';
import { scoringColumnsToDataset } from '../../../src/import/columnar/to-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';

function* chunks(text: string, size: number): Generator<string> {
  for (let p = 0; p < text.length; p += size) yield text.slice(p, p + size);
}

type DictLike = { readonly codes: Int32Array; readonly values: readonly string[] };
/** A dictionary column as its values (codes differ between readers; the values must not). */
const valuesOf = (d: DictLike) => Array.from(d.codes, (c) => (c < 0 ? null : d.values[c]));

describe('loadScoringColumns', () => {
  const { records } = generateDemoCompany({ leads: 1500, seed: 3 });
  const files = writeCanonicalCsv(records);
  const asOf = Date.parse('2026-11-15T23:59:59.999Z');

  it('streams the canonical CSV into the same lead and account columns as the record reader', async () => {
    const loaded = await loadScoringColumns({
      accounts: chunks(files['accounts.csv']!, 4093),
      leads: chunks(files['leads.csv']!, 977),
      activities: chunks(files['activities.csv']!, 65_521),
    });
    const { records: read } = readCanonicalCsv(Object.entries(files).map(([name, text]) => ({ name, text })));
    const dataset = buildDataset(read);
    expect(loaded.leads.count).toBe(records.leads.length);
    expect(loaded.activities.count).toBe(records.activities.length);
    expect(loaded.tallies.leads.rejected).toBe(0);
    for (const k of ['persona', 'seniority', 'source'] as const) expect(valuesOf(loaded.leads[k])).toEqual(valuesOf(dataset.leads[k]));
    for (const k of ['industry', 'region'] as const) expect(valuesOf(loaded.accounts[k])).toEqual(valuesOf(dataset.accounts[k]));
    expect(Array.from(loaded.accounts.employees)).toEqual(Array.from(dataset.accounts.employees));
    expect(Array.from(loaded.accounts.annualRevenueCents)).toEqual(Array.from(dataset.accounts.annualRevenueCents));
    expect(Array.from(loaded.leads.account)).toEqual(Array.from(dataset.leads.account));
    expect(Array.from(loaded.leads.isBot)).toEqual(Array.from(dataset.leads.isBot));
    expect(loaded.leadIds).toEqual(dataset.leads.id);
    expect(Array.from(loaded.createdAt)).toEqual(Array.from(dataset.leads.createdAt));
  });

  it('builds a Dataset the scoring engine scores exactly like the record-built one', async () => {
    const loaded = await loadScoringColumns({
      accounts: chunks(files['accounts.csv']!, 8191),
      leads: chunks(files['leads.csv']!, 8191),
      activities: chunks(files['activities.csv']!, 8191),
    });
    const fromColumns = scoringColumnsToDataset(loaded, 'streamed');
    const fromRecords = buildDataset(readCanonicalCsv(Object.entries(files).map(([name, text]) => ({ name, text }))).records);
    expect(Array.from(fromColumns.activities.start)).toEqual(Array.from(fromRecords.activities.start));
    expect(Array.from(fromColumns.activities.at)).toEqual(Array.from(fromRecords.activities.at));
    const score = (ds: typeof fromRecords) => scoreLeads(ds, compileRules(ds, DEFAULT_RULE_SET), { asOf });
    const a = score(fromColumns);
    const b = score(fromRecords);
    expect(Array.from(a.fit)).toEqual(Array.from(b.fit));
    expect(Array.from(a.intent)).toEqual(Array.from(b.intent));
  });

  it('loads the same columns from UTF-8 byte chunks of a Blob as from text chunks', async () => {
    const fromText = await loadScoringColumns({
      accounts: chunks(files['accounts.csv']!, 4093),
      leads: chunks(files['leads.csv']!, 977),
      activities: chunks(files['activities.csv']!, 65_521),
    });
    const blob = (name: string) => new Blob([files[name]!]) as unknown as globalThis.Blob;
    const fromBytes = await loadScoringColumns({
      accounts: blobChunks(blob('accounts.csv'), 4093),
      leads: blobChunks(blob('leads.csv'), 977),
      activities: blobChunks(blob('activities.csv'), 65_521),
    });
    expect(fromBytes).toEqual(fromText);
  });

  it('fails loudly when a required column is missing', async () => {
    await expect(loadScoringColumns({ leads: ['id,source\nL1,web\n'] })).rejects.toThrow(/leads.csv: missing required column "created_at"/);
  });

  it('keeps a lead whose account is unknown, with no account', async () => {
    const loaded = await loadScoringColumns({
      accounts: ['id,industry\nA1,Software\n'],
      leads: ['id,created_at,account_id\nL1,2026-01-02,A1\nL2,2026-01-03T10:00:00Z,A9\n'],
    });
    expect(Array.from(loaded.leads.account)).toEqual([0, -1]);
    expect(Array.from(loaded.createdAt)).toEqual([Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 3, 10)]);
  });
});
