import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles, rejectedRows } from '../../src/import/pipeline';
import { opportunityOutcomes } from '../../src/worker/handlers/data';
import {
  readBlobs,
  readUrl,
  withoutHeldBytes,
  type CancelToken,
  type FileRangeReader,
} from '../../src/worker/handlers/import-read';
import { createEngineService } from '../../src/worker/service';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { recordSet, opportunity } from '../fixtures/records';

const enc = (s: string) => new TextEncoder().encode(s);
const OPPS =
  'id,created_at,amount,status\nO1,2026-01-01,100,won\nO2,2026-01-02,200.50,lost\nO3,2026-01-03,300,open\nO4,2026-01-04,400,won\nO5,2026-01-05,oops,open\n';

describe('import handlers: preview, then commit', () => {
  it('a preview does not replace the dataset; commit does, and the summary counts outcomes', async () => {
    const engine = createEngineService();
    await engine.loadDemo({ leads: 300 });
    const before = (await engine.summary())!;
    const preview = await engine.previewInputs([{ name: 'opportunities.csv', bytes: enc(OPPS) }]);
    expect(preview).toMatchObject({ mode: 'canonical', usable: true, counts: { opportunities: 4 } });
    expect(preview.report.rejected).toBe(1);
    expect((await engine.summary())!.version).toBe(before.version);
    const after = await engine.commitImport(preview.id);
    expect(after.version).toBe(before.version + 1);
    // Won O1, O4; lost O2; open O3 (300.00 → 30,000 cents). Win rate 2 / (2 + 1).
    expect(after.outcomes).toEqual({ open: 1, won: 2, lost: 1, openPipelineCents: 30_000, winRate: 2 / 3 });
    await expect(engine.commitImport(preview.id)).rejects.toThrow(/expired/);
  });

  it('rejected rows come with the source row as it was', async () => {
    const engine = createEngineService();
    const preview = await engine.previewInputs([{ name: 'opportunities.csv', bytes: enc(OPPS) }]);
    const { header, rows } = await engine.rejectedRows(preview.id);
    expect(header).toEqual(['file', 'row', 'column', 'value', 'reason', 'source_row']);
    expect(rows).toEqual([
      [
        'opportunities.csv',
        '5',
        'amount',
        'oops',
        'not a number: expected an amount in currency units, e.g. 1250.50',
        'O5,2026-01-05,oops,open',
      ],
    ]);
  });

  it('an unusable preview cannot be committed; the mapping screen remaps it', async () => {
    const engine = createEngineService();
    const deals = 'deal_id,Created,Value,Stage\nD1,2026-01-01,10,Won\nD2,2026-01-02,20,Negotiating\n';
    const preview = await engine.previewInputs([{ name: 'deals.csv', bytes: enc(deals) }]);
    expect(preview.usable).toBe(false);
    // The proposal guesses from the column names and the stage words (Negotiating → open).
    expect(preview.unmapped[0]!.proposal).toMatchObject({
      target: 'opportunities',
      values: [
        [
          'status',
          [
            ['Won', 'won'],
            ['Negotiating', 'open'],
          ],
        ],
      ],
    });
    await expect(engine.commitImport(preview.id)).rejects.toThrow(/Nothing usable/);
    const remapped = await engine.remapImport(preview.id, {
      version: 1,
      name: 'deals',
      tables: [
        {
          file: 'deals.csv',
          target: 'opportunities',
          columns: [
            ['id', 'deal_id'],
            ['created_at', 'Created'],
            ['amount', 'Value'],
            ['status', 'Stage'],
          ],
          values: [
            [
              'status',
              [
                ['Won', 'won'],
                ['Negotiating', 'lost'],
              ],
            ],
          ],
          defaults: [],
        },
      ],
    });
    expect(remapped.counts.opportunities).toBe(2);
    expect((await engine.commitImport(remapped.id)).outcomes.winRate).toBe(0.5);
  });

  it('win rate is null when nothing is closed (0/0)', () => {
    const ds = buildDataset(
      recordSet({ opportunities: [opportunity('O1', '2026-01-01', { status: 'open', amountCents: 5 })] }),
    );
    expect(opportunityOutcomes(ds)).toEqual({ open: 1, won: 0, lost: 0, openPipelineCents: 5, winRate: null });
  });
});

describe('dataset export', () => {
  it('the zip holds the canonical folder, which imports back to the same records', async () => {
    const engine = createEngineService();
    const p = await engine.previewInputs([{ name: 'opportunities.csv', bytes: enc(OPPS) }]);
    await engine.commitImport(p.id);
    const zip = await engine.exportDataset('zip');
    expect(zip.fileName).toBe('opportunities.zip');
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toContain('opportunities/opportunities.csv');
    const again = importFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
    expect(again.records.opportunities.map((o) => [o.id, o.amountCents, o.status])).toEqual([
      ['O1', 10_000, 'won'],
      ['O2', 20_050, 'lost'],
      ['O3', 30_000, 'open'],
      ['O4', 40_000, 'won'],
    ]);
    const json = await engine.exportDataset('json');
    expect(JSON.parse(strFromU8(json.bytes)).opportunities).toHaveLength(4);
  });
});

describe('readUrl', () => {
  const token = (): CancelToken => ({ cancelled: false });
  const response = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

  it('sends no credentials, counts bytes as they arrive and names the file from the path', async () => {
    let init: RequestInit | undefined;
    const seen: number[] = [];
    const f = await readUrl('https://example.com/data/leads%20q1.csv', token(), 1024, (p) => seen.push(p.loaded), {
      fetchFn: (async (_: string, i: RequestInit) => {
        init = i;
        return response('id,created_at\nL1,2026-01-01\n', { 'content-length': '28' });
      }) as unknown as typeof fetch,
    });
    expect(init?.credentials).toBe('omit');
    expect(f.name).toBe('leads q1.csv');
    expect(seen.at(-1)).toBe(28);
  });

  it('refuses other schemes, oversize bodies (by header or by counting) and slow servers', async () => {
    await expect(readUrl('file:///etc/passwd', token(), 1024)).rejects.toThrow(/Only http and https/);
    const big = (async () => response('x'.repeat(5000), { 'content-length': '5000' })) as unknown as typeof fetch;
    await expect(readUrl('https://e.x/a.csv', token(), 2048, undefined, { fetchFn: big })).rejects.toThrow(
      'a.csv is 5 KB, above the about 2 KB this device can import at once: load fewer files at a time',
    );
    const lying = (async () => response('x'.repeat(5000))) as unknown as typeof fetch;
    await expect(readUrl('https://e.x/a.csv', token(), 2048, undefined, { fetchFn: lying })).rejects.toThrow(
      /above the about 2 KB/,
    );
    const slow = ((_: string, i: RequestInit) =>
      new Promise((_resolve, reject) =>
        i.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    await expect(
      readUrl('https://e.x/a.csv', token(), 1024, undefined, { fetchFn: slow, timeoutMs: 20 }),
    ).rejects.toThrow(/did not answer within 0 s/);
  });

  it('cancel stops the read between chunks', async () => {
    const t = token();
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        t.cancelled = true;
        c.enqueue(enc('id\n'));
      },
    });
    const fetchFn = (async () => new Response(stream)) as unknown as typeof fetch;
    await expect(readUrl('https://e.x/a.csv', t, 1024, undefined, { fetchFn })).rejects.toThrow(
      /Import cancelled: the current dataset is unchanged/,
    );
  });
});

describe('readBlobs', () => {
  const files = () => [
    new File(['id,created_at\nL1,2026-01-01\n'], 'leads.csv'),
    new File(['id\nA1\n'], 'accounts.csv'),
  ];

  it('reads a selection within the limit', async () => {
    const read = await readBlobs(files(), { cancelled: false }, 1024);
    expect(read.map((f) => [f.name, f.bytes?.byteLength])).toEqual([
      ['leads.csv', 28],
      ['accounts.csv', 6],
    ]);
  });

  it('refuses a selection over the limit before reading any file', async () => {
    const started: string[] = [];
    const watch = { start: (name: string) => started.push(name), bytes: () => {}, end: () => {} };
    // 28 + 6 = 34 bytes. Fields per byte: leads 4 / 28, accounts 2 / 6. Read whole (a mapping), the
    // memory needed is 28 × (8 + 40 × 4 / 28) + 6 × (8 + 40 × 2 / 6) = 384 + 128 = 512 bytes, as much
    // as 512 / 12 = 43 bytes of typical CSV, over a 30-byte limit: the short fields are named.
    await expect(readBlobs(files(), { cancelled: false }, 30, { watch, whole: true })).rejects.toThrow(
      'These 2 files are 1 KB together (the largest, leads.csv, is 1 KB), and their short fields need as much memory to import as about 1 KB of typical CSV, above the about 1 KB this device can import at once',
    );
    // leads.csv streamed: 28 × 5 × (4 / 28) / 0.1 = 200, with accounts.csv 328 bytes, as much as
    // 27.3 bytes of typical CSV: within 30, over 20.
    expect((await readBlobs(files(), { cancelled: false }, 30)).map((f) => f.name)).toEqual([
      'leads.csv',
      'accounts.csv',
    ]);
    await expect(readBlobs(files(), { cancelled: false }, 20, { watch })).rejects.toThrow(
      'These 2 files are 1 KB together (the largest, leads.csv, is 1 KB), needing as much memory to import as about 1 KB of typical CSV (those that stream need less), above the about 1 KB this device can import at once',
    );
    expect(started).toEqual([]);
  });

  it('reads a streamed file longer than the limit in bytes when its memory is within it', async () => {
    // leads.csv alone: 200 / 12 = 16.7 bytes of typical CSV, within a 20-byte limit; all 28 bytes read.
    const read = await readBlobs([files()[0]!], { cancelled: false }, 20);
    expect(read.map((f) => f.bytes?.byteLength)).toEqual([28]);
  });
});

describe('readBlobs with a reader that reads the files again (a worker)', () => {
  const enc8 = (s: string) => new TextEncoder().encode(s);
  /** A demo company's canonical files, as chosen Files and as their bytes. */
  const company = () => {
    const written = writeCanonicalCsv(generateDemoCompany({ seed: 7, leads: 400 }).records);
    const bytes = new Map(Object.entries(written).map(([name, text]) => [name, enc8(text)]));
    const files = [...bytes].map(([name, b]) => new File([b], name));
    return { bytes, files };
  };
  /** A range reader over the files' known bytes that notes every range asked for. */
  const rangeReader = (bytes: Map<string, Uint8Array>, asked: string[] = []) =>
    ((file, position, length) => {
      asked.push(`${file.name} ${position}+${length}`);
      return bytes.get(file.name)!.slice(position, position + length);
    }) as FileRangeReader;

  it('holds the bytes for the import; without them, the files are read again into the very same import', async () => {
    const { bytes, files } = company();
    const asked: string[] = [];
    const read = await readBlobs(files, { cancelled: false }, 64 * 1024 * 1024, {
      reread: rangeReader(bytes, asked),
    });
    expect(read.map((f) => [f.name, f.bytes?.byteLength])).toEqual([...bytes].map(([name, b]) => [name, b.byteLength]));
    const now = Date.UTC(2026, 10, 20);
    const held = importFiles(read, { now });
    // The bytes held are read, not the files again.
    expect(asked).toEqual([]);
    const again = read.map(withoutHeldBytes);
    expect(again.every((f) => f.bytes === undefined && f.read !== undefined && f.readRange !== undefined)).toBe(true);
    const onDemand = importFiles(again, { now });
    expect(onDemand.report).toEqual(held.report);
    expect(buildDataset(onDemand.records).leads.count).toBe(buildDataset(held.records).leads.count);
    expect(JSON.stringify(rejectedRows(onDemand))).toBe(JSON.stringify(rejectedRows(held)));
    expect(asked.some((a) => a.startsWith('leads.csv '))).toBe(true);
  });

  it('says which file to choose again when it can no longer be read, or changed', async () => {
    const { bytes, files } = company();
    const gone = await readBlobs(files, { cancelled: false }, 64 * 1024 * 1024, {
      reread: () => {
        throw new DOMException('The file could not be read', 'NotReadableError');
      },
    });
    expect(() => gone[0]!.read!()).toThrow(
      `${files[0]!.name} could not be read again (The file could not be read): it may have changed or moved since it was chosen; choose it again`,
    );
    const shorter = await readBlobs(files, { cancelled: false }, 64 * 1024 * 1024, {
      reread: (file, position, length) => rangeReader(bytes)(file, position, length).subarray(1),
    });
    expect(() => shorter[0]!.readRange!(0, 10)).toThrow(
      `${files[0]!.name} changed while it was imported: choose it again`,
    );
  });
});
