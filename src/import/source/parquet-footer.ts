/**
 * The shape of a Parquet file from its footer alone, for the memory limit: its fields (rows ×
 * top-level columns) and its size uncompressed, read from the last bytes of the file before the
 * file itself is read.
 */
import { parquetMetadata, parquetSchema } from 'hyparquet';

/** Bytes at the end of a Parquet file that hold its footer's length and the PAR1 marker. */
export const PARQUET_TRAILER_BYTES = 8;

/** The length of the footer (file metadata) from the file's last 8 bytes, or undefined. */
export function parquetFooterLength(trailer: Uint8Array): number | undefined {
  if (
    trailer.length !== PARQUET_TRAILER_BYTES ||
    !(trailer[4] === 0x50 && trailer[5] === 0x41 && trailer[6] === 0x52 && trailer[7] === 0x31)
  )
    return undefined;
  return new DataView(trailer.buffer, trailer.byteOffset, 8).getUint32(0, true);
}

/** What an import of a Parquet file holds in memory: its fields (rows × columns) and its bytes uncompressed. */
export interface ParquetShape {
  readonly fields: number;
  readonly uncompressedBytes: number;
}

/**
 * The shape of a Parquet file from its footer (`tail`: the file's last bytes, at least the footer
 * and the trailer), or undefined when the tail is not a Parquet footer.
 */
export function parquetShape(tail: Uint8Array): ParquetShape | undefined {
  try {
    const m = parquetMetadata(tail);
    const columns = parquetSchema(m).children.filter((c) => c.children.length === 0).length;
    let uncompressedBytes = 0;
    for (const g of m.row_groups)
      for (const c of g.columns) uncompressedBytes += Number(c.meta_data?.total_uncompressed_size ?? 0);
    return { fields: Number(m.num_rows) * columns, uncompressedBytes };
  } catch {
    return undefined;
  }
}

/** The shape of a Parquet Blob (File), reading only its footer. */
export async function blobParquetShape(blob: Blob): Promise<ParquetShape | undefined> {
  if (blob.size < 12) return undefined;
  const trailer = new Uint8Array(await blob.slice(blob.size - PARQUET_TRAILER_BYTES).arrayBuffer());
  const length = parquetFooterLength(trailer);
  if (length === undefined || length + PARQUET_TRAILER_BYTES > blob.size) return undefined;
  return parquetShape(new Uint8Array(await blob.slice(blob.size - length - PARQUET_TRAILER_BYTES).arrayBuffer()));
}
