// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DatasetExport } from '../../../src/features/data/dataset-export';
import { createQueryClient } from '../../../src/lib/query-client';
import type { EngineApi } from '../../../src/worker/api';
import { setEngine } from '../../../src/worker/client';

const downloads = vi.hoisted(() => [] as { fileName: string; type: string }[]);
vi.mock('../../../src/lib/csv-export', () => ({
  downloadBlob: (blob: Blob, fileName: string) => downloads.push({ fileName, type: blob.type }),
}));

describe('the dataset download buttons', () => {
  it('ask the engine for their own format and download the file it returns', async () => {
    const asked: string[] = [];
    const exportDataset: EngineApi['exportDataset'] = async (format) => {
      asked.push(format);
      const [fileName, mimeType] =
        format === 'json'
          ? ['acme.json', 'application/json']
          : [`acme${format === 'zip' ? '' : '-parquet'}.zip`, 'application/zip'];
      return { fileName, mimeType, bytes: new Uint8Array([1, 2, 3]) };
    };
    setEngine({ exportDataset } as EngineApi);
    render(
      <QueryClientProvider client={createQueryClient()}>
        <DatasetExport />
      </QueryClientProvider>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Canonical CSV folder (.zip)',
      'Canonical Parquet folder (.zip)',
      'Canonical JSON',
    ]);
    const order = ['Canonical Parquet folder (.zip)', 'Canonical JSON', 'Canonical CSV folder (.zip)'];
    for (const [k, name] of order.entries()) {
      await userEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(downloads).toHaveLength(k + 1));
      await waitFor(() => expect(screen.getByRole('button', { name })).toBeEnabled());
    }
    expect(asked).toEqual(['parquet', 'json', 'zip']);
    expect(downloads).toEqual([
      { fileName: 'acme-parquet.zip', type: 'application/zip' },
      { fileName: 'acme.json', type: 'application/json' },
      { fileName: 'acme.zip', type: 'application/zip' },
    ]);
  });
});
