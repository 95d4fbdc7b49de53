import { useMutation, useQueryClient } from '@tanstack/react-query';
import { datasetKeys } from '../../lib/dataset-queries';
import type { DatasetSummary } from '../../worker/api';
import { engine } from '../../worker/client';

/** Loads a dataset through `load`; on success every engine query refetches against it. */
function useLoad<A>(load: (arg: A) => Promise<DatasetSummary>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: load,
    onSuccess: (summary) => {
      client.setQueryData(datasetKeys.summary(), summary);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== datasetKeys.all[0] });
    },
  });
}

export function useLoadDemo() {
  return useLoad((opts: { seed: number; leads: number }) => engine().loadDemo(opts));
}

export function useLoadFiles() {
  return useLoad(async (files: readonly File[]) => {
    const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    return engine().loadCanonical(inputs);
  });
}
