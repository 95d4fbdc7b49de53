// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataView } from '../../../src/features/data/data-view';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <DataView />
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  const engine = createEngineService();
  await engine.loadDemo({ leads: 300 });
  setEngine(engine);
});

describe('Data view import', () => {
  it('shows the report before replacing the dataset; markup in values stays text', async () => {
    renderView();
    await screen.findByRole('heading', { name: /Loaded dataset: .*demo/i }, { timeout: 10_000 });
    const csv =
      'id,created_at,amount,status\nO1,2026-01-05,100,won\nO2,2026-01-06,<img src=x onerror=alert(1)>,open\nO3,2026-01-07,50,lost\n';
    await userEvent.upload(
      screen.getByLabelText('Files to import'),
      new File([csv], 'opportunities.csv', { type: 'text/csv' }),
    );
    const preview = await screen.findByRole('region', { name: 'Check before loading' });
    expect(preview).toHaveTextContent('Would load: 0 leads, 2 opportunities');
    const report = screen.getByRole('region', { name: 'Import report (preview)' });
    expect(report).toHaveTextContent('3 rows read: 2 accepted, 0 repaired, 1 rejected.');
    expect(within(report).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    // Still the demo company until the user confirms.
    expect(screen.getByRole('heading', { name: /Loaded dataset/ })).toHaveTextContent(/demo/i);
    await userEvent.click(within(preview).getByRole('button', { name: 'Replace the current dataset' }));
    const outcomes = await screen.findByTestId('opportunity-outcomes');
    // 1 won, 1 lost: win rate 1 / 2 = 50.0%; no open opportunity left (O2 rejected).
    expect(outcomes).toHaveTextContent('Won1');
    expect(outcomes).toHaveTextContent('50.0%');
    expect(outcomes).toHaveTextContent('Open pipeline$0');
  });

  describe('the memory limit', () => {
    const MIB = 1024 * 1024;
    beforeEach(() => {
      // A browser that allows 1,200 MiB more heap (1,288 MiB limit, 88 MiB in use): 1,200 / 12 = 100 MiB of files.
      Object.defineProperty(performance, 'memory', {
        value: { jsHeapSizeLimit: 1288 * MIB, usedJSHeapSize: 88 * MIB },
        configurable: true,
      });
    });
    afterEach(() => {
      delete (performance as { memory?: unknown }).memory;
    });

    const sized = (name: string, size: number, start = 'x') => {
      const f = new File([start], name);
      Object.defineProperty(f, 'size', { value: size });
      return f;
    };

    it('states the limit from the page memory before anything is read', async () => {
      renderView();
      await screen.findByRole('heading', { name: /Loaded dataset/ });
      expect(screen.getByTestId('import-limit')).toHaveTextContent(
        'Files up to about 100 MB in all on this device: an import needs about 12 bytes of memory per byte of a typical file (more for short fields), 5 for the leads, activities and touches CSV files of a canonical folder (read as they stream), and this browser lets the page use about 1,200 MB more.',
      );
    });

    it('refuses a file above it before reading it, naming the file', async () => {
      renderView();
      await screen.findByRole('heading', { name: /Loaded dataset/ });
      await userEvent.upload(screen.getByLabelText('Files to import'), sized('huge.csv', 300 * MIB));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Nothing was read; the current dataset is unchanged');
      expect(alert).toHaveTextContent(
        'huge.csv is 300 MB, above the about 100 MB this device can import at once: load fewer files at a time, split the file (for example by year) or filter the export, or use a computer with more memory',
      );
      expect(screen.queryByRole('status')).toBeNull();
      expect(screen.getByRole('heading', { name: /Loaded dataset/ })).toHaveTextContent(/demo/i);
    });

    it('refuses files that are over it only together, naming the largest', async () => {
      renderView();
      await screen.findByRole('heading', { name: /Loaded dataset/ });
      await userEvent.upload(screen.getByLabelText('Files to import'), [
        sized('leads.csv', 40 * MIB),
        sized('activities.csv', 70 * MIB),
      ]);
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'These 2 files are 110 MB together (the largest, activities.csv, is 70 MB), above the about 100 MB',
      );
    });

    it('counts a file of short fields, sampled from its start, for the memory it needs', async () => {
      renderView();
      await screen.findByRole('heading', { name: /Loaded dataset/ });
      // "a,b\n": 2 fields per 4 bytes. 60 MiB × (8 + 40 × 0.5) / 12 = 140 MiB of typical CSV.
      await userEvent.upload(
        screen.getByLabelText('Files to import'),
        sized('accounts.csv', 60 * MIB, 'a,b\n'.repeat(1000)),
      );
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'accounts.csv is 60 MB of short fields (about 512 per KB), needing as much memory to import as about 140 MB of typical CSV, above the about 100 MB this device can import at once',
      );
    });

    it('counts a canonical leads.csv that streams at the streamed rate, in proportion to its short fields', async () => {
      renderView();
      await screen.findByRole('heading', { name: /Loaded dataset/ });
      // Streamed: 60 MiB × 5 × (0.5 / 0.1) / 12 = 125 MiB of typical CSV.
      await userEvent.upload(
        screen.getByLabelText('Files to import'),
        sized('leads.csv', 60 * MIB, 'a,b\n'.repeat(1000)),
      );
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'leads.csv is 60 MB of short fields (about 512 per KB), needing as much memory to import as about 125 MB of typical CSV, above the about 100 MB this device can import at once',
      );
    });
  });
});
