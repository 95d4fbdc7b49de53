/** Exports of the loaded dataset: the canonical CSV folder (zip), the same folder as Parquet (zip) or canonical JSON. */
import type { RecordSet } from '../../engine/model/records';
import { writeCanonicalCsv, writeCanonicalJson } from '../../import/canonical/write';
import { fileStem, zipTextFiles } from '../../import/dataset-export';
import { requireDataset, type EngineState } from '../state';
import { recordsOf } from './data';

export interface DatasetFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface ExportHandlers {
  /**
   * The loaded dataset as `<name>.zip` (canonical CSV folder), `<name>-parquet.zip` (the same files
   * as typed Parquet) or `<name>.json` (canonical JSON).
   */
  exportDataset(format: 'zip' | 'parquet' | 'json'): Promise<DatasetFile>;
}

export function exportHandlers(state: EngineState): ExportHandlers {
  return {
    async exportDataset(format) {
      const records: RecordSet | undefined = recordsOf(requireDataset(state));
      if (!records) throw new Error('The loaded dataset cannot be exported: load it again.');
      const stem = fileStem(records.name);
      if (format === 'json') {
        return {
          fileName: `${stem}.json`,
          mimeType: 'application/json',
          bytes: new TextEncoder().encode(writeCanonicalJson(records)),
        };
      }
      if (format === 'parquet') {
        // The Parquet writer is loaded only when asked for.
        const { zipParquetFolder } = await import('../../import/canonical/write-parquet');
        return {
          fileName: `${stem}-parquet.zip`,
          mimeType: 'application/zip',
          bytes: zipParquetFolder(stem, writeCanonicalCsv(records)),
        };
      }
      return {
        fileName: `${stem}.zip`,
        mimeType: 'application/zip',
        bytes: zipTextFiles(stem, writeCanonicalCsv(records)),
      };
    },
  };
}
