import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { leadMask } from '../../src/engine/filters/filters';
import { computeReach } from '../../src/engine/funnel/reach';
import { tallyFunnel } from '../../src/engine/funnel/tally';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles } from '../../src/import/pipeline';
import type { ImportProgress } from '../../src/worker/handlers/import-read';
import { createEngineService } from '../../src/worker/service';

/** A file whose stream hands out `chunk`-byte pieces, as a browser reads a large file. */
function chunkedFile(name: string, data: Uint8Array, chunk: number): File {
  const file = new File([data as BlobPart], name, { type: 'text/csv' });
  let at = 0;
  return Object.assign(file, {
    stream: () =>
      new ReadableStream<Uint8Array>({
        pull(c) {
          if (at >= data.length) c.close();
          else c.enqueue(data.slice(at, (at += chunk)));
        },
      }),
  });
}

describe('importing a leads file: the funnel from the first chunks', () => {
  const { records } = generateDemoCompany({ seed: 9, leads: 2_000 });
  const files = writeCanonicalCsv(records);
  const leads = new TextEncoder().encode(files['leads.csv']!);

  it('reports a growing funnel while reading, ending with the funnel of the imported leads', async () => {
    const engine = createEngineService();
    const seen: ImportProgress[] = [];
    const accounts = new TextEncoder().encode(files['accounts.csv']!);
    await engine.previewFiles(
      [chunkedFile('accounts.csv', accounts, 50_000), chunkedFile('leads.csv', leads, 20_000)],
      {},
      (p) => seen.push(p),
    );
    const withFunnel = seen.filter((p) => p.funnel !== undefined);
    // No funnel while accounts.csv is read; one per chunk of leads.csv from the first on.
    expect(seen.filter((p) => p.file === 'accounts.csv' && p.funnel)).toEqual([]);
    const partial = withFunnel.filter((p) => !p.funnel!.complete);
    expect(partial.length).toBeGreaterThanOrEqual(Math.floor(leads.length / 20_000) - 1);
    const first = partial[0]!.funnel!;
    expect(first.rowsRead).toBeGreaterThan(0);
    expect(first.rowsRead).toBeLessThan(2_000);
    expect(first.estimatedRows).toBeGreaterThan(first.rowsRead);
    for (let k = 1; k < withFunnel.length; k++) {
      expect(withFunnel[k]!.funnel!.rowsRead).toBeGreaterThanOrEqual(withFunnel[k - 1]!.funnel!.rowsRead);
      expect(withFunnel[k]!.funnel!.counts.lead).toBeGreaterThanOrEqual(withFunnel[k - 1]!.funnel!.counts.lead);
    }
    const last = withFunnel.at(-1)!.funnel!;
    expect(last.complete).toBe(true);
    expect(last.rowsRead).toBe(2_000);
    const ds = buildDataset(importFiles([{ name: 'leads.csv', bytes: leads }], { now: Date.now() }).records);
    expect(last.counts).toEqual(tallyFunnel(computeReach(ds, leadMask(ds, {}), ds.meta.latestAt, 'inclusive')).counts);
  });

  it('reports no funnel for files that are not leads', async () => {
    const engine = createEngineService();
    const seen: ImportProgress[] = [];
    const opps = new TextEncoder().encode(files['opportunities.csv']!);
    await engine.previewFiles([chunkedFile('opportunities.csv', opps, 10_000)], {}, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.some((p) => p.funnel)).toBe(false);
  });

  it('claims the leads file even when a file before it arrives with a first chunk that ends inside its header', async () => {
    const engine = createEngineService();
    const seen: ImportProgress[] = [];
    const accounts = new TextEncoder().encode(files['accounts.csv']!);
    // 10-byte chunks: the accounts header takes several chunks before it shows it is not a leads file.
    await engine.previewFiles(
      [chunkedFile('accounts.csv', accounts.slice(0, 4_000), 10), chunkedFile('leads.csv', leads, 20_000)],
      {},
      (p) => seen.push(p),
    );
    expect(seen.filter((p) => p.file === 'accounts.csv' && p.funnel)).toEqual([]);
    const last = seen.filter((p) => p.funnel).at(-1)!.funnel!;
    expect(last.complete).toBe(true);
    expect(last.rowsRead).toBe(2_000);
  });
});
