import { useMutation, useQueryClient } from '@tanstack/react-query';
import { proxy } from 'comlink';
import { datasetKeys, loadDemoWithProgress } from '../../lib/dataset-queries';
import type { DatasetSummary, ImportProgress, ImportSettings } from '../../worker/api';
import { engine } from '../../worker/client';

/** Installs a loaded dataset's summary; every other engine query refetches against it. */
function useInstall() {
  const client = useQueryClient();
  return (summary: DatasetSummary) => {
    client.setQueryData(datasetKeys.summary(), summary);
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== datasetKeys.all[0] });
  };
}

export function useLoadDemo() {
  const installed = useInstall();
  return useMutation({
    mutationFn: (opts: { seed: number; leads: number }) => loadDemoWithProgress(opts),
    onSuccess: installed,
  });
}

/** Progress callbacks cross the worker boundary as comlink proxies. */
const progressFn = (onProgress: (p: ImportProgress) => void) => proxy(onProgress);

export type PreviewSource = { kind: 'files'; files: readonly File[] } | { kind: 'url'; url: string };

export function usePreviewImport(onProgress: (p: ImportProgress) => void) {
  return useMutation({
    mutationFn: ({ source, settings }: { source: PreviewSource; settings?: ImportSettings }) =>
      source.kind === 'files'
        ? engine().previewFiles(source.files, settings, progressFn(onProgress))
        : engine().previewUrl(source.url, settings, progressFn(onProgress)),
  });
}

export function useCommitImport() {
  const installed = useInstall();
  return useMutation({ mutationFn: (id: number) => engine().commitImport(id), onSuccess: installed });
}

/** Sets (or, with null, removes) a currency's rate; every figure is recomputed with it. */
export function useCurrencyRateChanged() {
  const installed = useInstall();
  return useMutation({
    mutationFn: ({ currency, rate }: { currency: string; rate: number | null }) =>
      engine().currencyRateChanged(currency, rate),
    onSuccess: installed,
  });
}
