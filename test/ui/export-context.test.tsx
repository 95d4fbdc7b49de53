// @vitest-environment jsdom
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ViewExportRegistry, viewZipFiles } from '../../src/ui/export-context';

describe('the view export', () => {
  it('lists the charts in page order, whatever order they registered in', () => {
    const first = document.createElement('section');
    const second = document.createElement('section');
    document.body.append(first, second);
    const registry = new ViewExportRegistry();
    registry.register({ title: 'Second', element: () => second });
    const unregister = registry.register({ title: 'First', element: () => first });
    expect(registry.list().map((e) => e.title)).toEqual(['First', 'Second']);
    unregister();
    expect(registry.list().map((e) => e.title)).toEqual(['Second']);
  });

  it("zips each chart's PNG and each non-empty CSV, with distinct names", async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const csv = { fileName: 'rates.csv', header: ['source', 'rate'], rows: [['webinar', 0.25]] };
    const files = await viewZipFiles([
      { title: 'Win rate', element: () => null, png: async () => png, csv },
      { title: 'Win rate', element: () => null, png: async () => png, csv },
      { title: 'Coverage', element: () => null, csv: { fileName: 'coverage.csv', header: ['q'], rows: [] } },
    ]);
    const unzipped = unzipSync(zipSync(files));
    expect(Object.keys(unzipped).sort()).toEqual(['rates-2.csv', 'rates.csv', 'win-rate-2.png', 'win-rate.png']);
    expect(new TextDecoder().decode(unzipped['rates.csv'])).toBe('source,rate\r\nwebinar,0.25\r\n');
    expect([...unzipped['win-rate.png']!]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
