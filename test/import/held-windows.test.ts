/**
 * A streamed file whose bytes are held (a URL import, files given as bytes) is read by windows of
 * whole lines, as one read by range is: no reader decodes the whole file into one string, which
 * would fail past the engine's longest string and doubles the memory of a large file before that.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../src/import/pipeline';
import { WINDOW_BYTES } from '../../src/import/source/byte-ranges';

const enc = new TextEncoder();

describe('a held streamed file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is decoded a window at a time, with the same rows read', () => {
    // activities.csv without its type column: read by the ASCII row reader, every row rejected.
    const lines = ['lead_id,kind,at'];
    for (let i = 0; i < 900_000; i++) lines.push(`L${i % 1000},email,2026-04-0${1 + (i % 3)}`);
    const activities = enc.encode(`${lines.join('\n')}\n`);
    expect(activities.byteLength).toBeGreaterThan(2 * WINDOW_BYTES);
    const leads = enc.encode(
      `id,created_at\n${Array.from({ length: 1000 }, (_, i) => `L${i},2026-01-01`).join('\n')}\n`,
    );
    let largest = 0;
    const decode = TextDecoder.prototype.decode;
    vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (this: TextDecoder, input, options) {
      largest = Math.max(largest, input?.byteLength ?? 0);
      return decode.call(this, input, options);
    });
    const result = importFiles(
      [
        { name: 'leads.csv', bytes: leads },
        { name: 'activities.csv', bytes: activities },
      ],
      { now: Date.UTC(2026, 10, 20) },
    );
    expect(largest).toBeLessThanOrEqual(WINDOW_BYTES);
    const file = result.report.files.find((f) => f.file === 'activities.csv');
    expect(file?.rejected).toBe(900_000);
  });
});
