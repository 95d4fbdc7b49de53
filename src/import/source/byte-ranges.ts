/**
 * A file's bytes a part at a time, for a file not held in memory (see `ImportFile.readRange`): a
 * streamed file's rows are read through a window of a few megabytes, so that reading its table
 * never holds the whole file.
 */

const LF = 0x0a;

/** Bytes of a file from `position`, at most `length` (fewer only at its end). */
export type ReadRange = (position: number, length: number) => Uint8Array;

/** Bytes read at a time (a window, and a segment of whole lines). */
export const WINDOW_BYTES = 8 * 1024 * 1024;

/** The bytes of a file of `size` bytes by range. */
export interface ByteRanges {
  readonly size: number;
  /** `[position, position + length)` cut at the end of the file. */
  range(position: number, length: number): Uint8Array;
}

/** Bytes held in memory. */
export class WholeBytes implements ByteRanges {
  constructor(private readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  range(position: number, length: number): Uint8Array {
    return this.bytes.subarray(position, position + length);
  }
}

/** A file read a window at a time: ranges read in order cost one read per window. */
export class WindowedBytes implements ByteRanges {
  private window: Uint8Array = new Uint8Array(0);
  private at = 0;
  constructor(
    private readonly read: ReadRange,
    readonly size: number,
    private readonly windowBytes = WINDOW_BYTES,
  ) {}
  range(position: number, length: number): Uint8Array {
    const end = Math.min(this.size, position + length);
    if (position < this.at || end > this.at + this.window.length) {
      this.window = this.read(position, Math.max(end - position, this.windowBytes));
      this.at = position;
      if (this.window.length < end - position) throw new Error('the file is shorter than when it was opened');
    }
    return this.window.subarray(position - this.at, end - this.at);
  }
}

/**
 * The file (of `size` bytes) as consecutive segments of whole lines: each ends just after a line
 * feed, but the last (at the end of the file). A line longer than a segment makes a longer one.
 */
export function* lineSegments(read: ReadRange, size: number, segmentBytes = WINDOW_BYTES): Generator<Uint8Array> {
  let pos = 0;
  while (pos < size) {
    let length = Math.min(segmentBytes, size - pos);
    let segment = read(pos, length);
    while (pos + segment.length < size) {
      if (segment.length < length) throw new Error('the file is shorter than when it was opened');
      const lf = segment.lastIndexOf(LF);
      if (lf >= 0) {
        segment = segment.subarray(0, lf + 1);
        break;
      }
      length = Math.min(2 * length, size - pos);
      segment = read(pos, length);
    }
    yield segment;
    pos += segment.length;
  }
}
