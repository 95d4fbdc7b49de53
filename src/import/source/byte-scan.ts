/**
 * One pass over a file's bytes for what the row stream must know before it reads a row (see
 * csv-stream.ts): whether any byte is outside ASCII (only then is the UTF-8 checked), whether a
 * carriage return or a quote occurs, and how many line feeds there are (how many rows the file may
 * hold, for sizing the columns it fills). Four bytes are looked at a time, so the pass costs less
 * than any one of the searches it stands for.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export interface ByteScan {
  /** Whether a byte at or above 0x80 occurs. */
  readonly nonAscii: boolean;
  /** Whether a carriage return (0x0D) occurs. */
  readonly cr: boolean;
  /** Whether a quote character (0x22) occurs. */
  readonly quote: boolean;
  /** The number of line feeds (0x0A). */
  readonly lineFeeds: number;
}

const HIGH = 0x80808080 | 0;
const LOW = 0x7f7f7f7f;
const ONES = 0x01010101;

interface Found {
  high: number;
  cr: number;
  quote: number;
  lf: number;
}

/** `bytes[from, to)` looked at one byte at a time (the ends that are not whole aligned words). */
function scanEnds(bytes: Uint8Array, from: number, to: number, found: Found): void {
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) found.high = 1;
    else if (b === CR) found.cr = 1;
    else if (b === QUOTE) found.quote = 1;
    else if (b === LF) found.lf++;
  }
}

/**
 * The bytes of `bytes` from `from` on as whole 4-byte words, from the first aligned offset
 * (`wordsFrom`, an index into `bytes`): a word view sees the same bytes. The bytes before
 * `wordsFrom` and after the last word are for the caller to read one at a time. A range too short
 * for an aligned word gets no words (a view at a misaligned offset throws, even an empty one).
 */
export function alignedWords(bytes: Uint8Array, from = 0): { words: Int32Array; wordsFrom: number } {
  const n = bytes.length;
  const misaligned = (bytes.byteOffset + from) % 4;
  const wordsFrom = Math.min(n, from + (misaligned === 0 ? 0 : 4 - misaligned));
  const count = Math.max(0, (n - wordsFrom) >> 2);
  const words = count > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + wordsFrom, count) : new Int32Array(0);
  return { words, wordsFrom };
}

/** See the module comment: the bytes of `bytes` from `from` on. */
export function scanBytes(bytes: Uint8Array, from = 0): ByteScan {
  const n = bytes.length;
  const found: Found = { high: 0, cr: 0, quote: 0, lf: 0 };
  const { words, wordsFrom } = alignedWords(bytes, from);
  const count = words.length;
  scanEnds(bytes, from, wordsFrom, found);
  if (count > 0) {
    let high = 0;
    let cr = 0;
    let quote = 0;
    let lf = 0;
    for (let w = 0; w < count; w++) {
      const v = words[w]!;
      high |= v;
      // (x - 0x01010101) & ~x has a high bit set where x has a zero byte, and only if it has one.
      const c = v ^ 0x0d0d0d0d;
      cr |= ((c - ONES) | 0) & ~c;
      const q = v ^ 0x22222222;
      quote |= ((q - ONES) | 0) & ~q;
      // Exactly the zero bytes of `l` (the line feeds of `v`) have their high bit clear in `t`.
      const l = v ^ 0x0a0a0a0a;
      const t = ((l & LOW) + LOW) | 0 | l | LOW | 0;
      if (t !== -1) lf += Math.imul(~t >>> 7, ONES) >>> 24;
    }
    if ((high & HIGH) !== 0) found.high = 1;
    if ((cr & HIGH) !== 0) found.cr = 1;
    if ((quote & HIGH) !== 0) found.quote = 1;
    found.lf += lf;
  }
  scanEnds(bytes, wordsFrom + 4 * count, n, found);
  return { nonAscii: found.high !== 0, cr: found.cr !== 0, quote: found.quote !== 0, lineFeeds: found.lf };
}
