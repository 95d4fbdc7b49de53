import { useMutation } from '@tanstack/react-query';
import { downloadBlob } from '../../lib/csv-export';
import { ErrorState } from '../../ui/states';
import { engine } from '../../worker/client';

/** Download the loaded dataset as the canonical CSV folder (zip), the same folder as Parquet (zip) or canonical JSON. */
export function DatasetExport() {
  const download = useMutation({
    mutationFn: async (format: 'zip' | 'parquet' | 'json') => {
      const file = await engine().exportDataset(format);
      downloadBlob(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), file.fileName);
    },
  });
  return (
    <div className="mapping-actions">
      <span className="muted">Download this dataset:</span>
      <button
        type="button"
        className="button button--small"
        disabled={download.isPending}
        onClick={() => download.mutate('zip')}
      >
        Canonical CSV folder (.zip)
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={download.isPending}
        onClick={() => download.mutate('parquet')}
      >
        Canonical Parquet folder (.zip)
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={download.isPending}
        onClick={() => download.mutate('json')}
      >
        Canonical JSON
      </button>
      {download.error ? <ErrorState title="The export failed" error={download.error} /> : null}
    </div>
  );
}
