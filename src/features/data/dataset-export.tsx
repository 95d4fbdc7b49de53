import { useMutation } from '@tanstack/react-query';
import { downloadBlob } from '../../lib/csv-export';
import { ErrorState } from '../../ui/states';
import type { EngineApi } from '../../worker/api';
import { engine } from '../../worker/client';

type DatasetFormat = Parameters<EngineApi['exportDataset']>[0];

/** The downloads offered, in the order shown: each format and its button's label. */
const EXPORTS: readonly { readonly format: DatasetFormat; readonly label: string }[] = [
  { format: 'zip', label: 'Canonical CSV folder (.zip)' },
  { format: 'parquet', label: 'Canonical Parquet folder (.zip)' },
  { format: 'json', label: 'Canonical JSON' },
];

/** Download the loaded dataset as the canonical CSV folder (zip), the same folder as Parquet (zip) or canonical JSON. */
export function DatasetExport() {
  const download = useMutation({
    mutationFn: async (format: DatasetFormat) => {
      const file = await engine().exportDataset(format);
      downloadBlob(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), file.fileName);
    },
  });
  return (
    <div className="mapping-actions">
      <span className="muted">Download this dataset:</span>
      {EXPORTS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="button button--small"
          disabled={download.isPending}
          onClick={() => download.mutate(format)}
        >
          {label}
        </button>
      ))}
      {download.error ? <ErrorState title="The export failed" error={download.error} /> : null}
    </div>
  );
}
