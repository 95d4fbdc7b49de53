/**
 * A file's bytes as chunks for the columnar loader. Where `Blob.stream()` is a byte stream (it is in
 * current browsers and Node), the chunks are read into one reused buffer (a BYOB reader): no new
 * buffer per chunk, so a file of any size streams through a few megabytes. The first chunks are
 * smaller (from 256 KiB, doubling up to `size`) so the first rows arrive early. Each chunk is valid
 * only until the next one is asked for; the scanner copies what it keeps.
 */
/** Bytes of the first chunk. */
export const FIRST_CHUNK = 1 << 18;

export async function* blobChunks(blob: Blob, size = 4 << 20): AsyncGenerator<Uint8Array, void, undefined> {
  const stream = blob.stream();
  let byob: ReadableStreamBYOBReader | null;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    byob = null; // not a byte stream: plain reads below
  }
  if (byob === null) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  let buffer = new ArrayBuffer(size);
  let want = Math.min(size, FIRST_CHUNK);
  try {
    for (;;) {
      const { done, value } = await byob.read(new Uint8Array(buffer, 0, want));
      want = Math.min(size, 2 * want);
      if (done) return;
      yield value;
      buffer = value.buffer as ArrayBuffer;
    }
  } finally {
    byob.releaseLock();
  }
}
