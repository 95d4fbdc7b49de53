/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; bytes that are
 * not valid UTF-8 are read as Windows-1252 (the usual encoding of spreadsheets saved on Windows)
 * and the caller is told so. Windows-1252 is decoded by our own table, not the platform's
 * TextDecoder, because some runtimes map 0x80–0x9F to C1 controls instead of € ‘ ’ “ ” and so on.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** A byte-order mark was present (and removed). */
  readonly bom: boolean;
  /** Set when the encoding was not the expected UTF-8: say it to the user. */
  readonly warning?: string;
  /** Lines of a UTF-8 file that were not UTF-8 and were read as Windows-1252, in order. */
  readonly repaired?: readonly RepairedLine[];
}

/** Windows-1252 code points for bytes 0x80–0x9F; 0 marks the five undefined bytes. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252; undefined bytes become U+FFFD. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || 0xfffd : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Offset of the first byte at or after `from` that does not start a well-formed UTF-8 sequence
 * (the rules of the Unicode standard, table 3-7: no overlongs, no surrogates, nothing above
 * U+10FFFF), or -1 when the rest is valid. Agrees with `TextDecoder('utf-8', { fatal: true })`.
 */
export function invalidUtf8At(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  // ASCII four bytes at a time: from the first 4-byte aligned offset, whole words without a high bit
  // are skipped (the word view sees the same bytes).
  const skip = (bytes.byteOffset + from) % 4 === 0 ? 0 : 4 - ((bytes.byteOffset + from) % 4);
  const words =
    n - from >= 64 ? new Uint32Array(bytes.buffer, bytes.byteOffset + from + skip, (n - from - skip) >> 2) : undefined;
  const wordsFrom = from + skip;
  for (let i = from; i < n; i++) {
    if (words !== undefined && i >= wordsFrom && (i - wordsFrom) % 4 === 0) {
      let w = (i - wordsFrom) >> 2;
      while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
      i = wordsFrom + w * 4;
      if (i >= n) break;
    }
    const b = bytes[i]!;
    if (b < 0x80) continue;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need;
  }
  return -1;
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0xc2) continue;
    if (invalidUtf8At(bytes.subarray(i, i + 4)) !== 0) return true;
  }
  return false;
}

const LF = 0x0a;
const CR = 0x0d;

/** A line that was not valid UTF-8 and was read as Windows-1252. */
export interface RepairedLine {
  /** Where the line starts in the decoded text (UTF-16 code units). */
  readonly offset: number;
  /** The line as decoded. */
  readonly text: string;
}

/**
 * A mostly UTF-8 file with some lines that are not: each such line is decoded as Windows-1252 and
 * the rest as UTF-8, so one stray byte does not turn every accented name of the file into mojibake.
 */
function decodeLineByLine(bytes: Uint8Array): { text: string; repaired: RepairedLine[] } {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const repaired: RepairedLine[] = [];
  let length = 0;
  let pos = 0;
  while (pos < bytes.length) {
    const bad = invalidUtf8At(bytes, pos);
    if (bad < 0) {
      parts.push(utf8.decode(bytes.subarray(pos)));
      break;
    }
    let start = bad;
    while (start > pos && bytes[start - 1] !== LF && bytes[start - 1] !== CR) start--;
    let end = bad;
    while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
    const before = utf8.decode(bytes.subarray(pos, start));
    parts.push(before);
    length += before.length;
    const line = decodeWindows1252(bytes.subarray(start, end));
    repaired.push({ offset: length, text: line });
    parts.push(line);
    length += line.length;
    pos = end;
  }
  return { text: parts.join(''), repaired };
}

function mixed(bytes: Uint8Array): Omit<DecodedText, 'bom'> {
  const { text, repaired } = decodeLineByLine(bytes);
  const lines = repaired.length === 1 ? '1 line is' : `${repaired.length} lines are`;
  return {
    text,
    encoding: 'utf-8',
    repaired,
    warning: `UTF-8, but ${lines} not: each such line was read as Windows-1252 and its row marked repaired; the rest is UTF-8`,
  };
}

/**
 * Decodes a file's bytes; see the module comment for the rules. Text with no valid multi-byte
 * UTF-8 sequence at all is a Windows-1252 file and is read as one; text that mixes valid UTF-8 with
 * invalid bytes is read line by line (`repaired` lists the lines read as Windows-1252).
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    if (invalidUtf8At(rest) < 0) return { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8', bom: true };
    return { ...mixed(rest), bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
      warning: 'encoded as UTF-16 (little-endian): decoded as such',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
      warning: 'encoded as UTF-16 (big-endian): decoded as such',
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    if (hasUtf8Sequence(bytes)) return { ...mixed(bytes), bom: false };
    const at = invalidUtf8At(bytes);
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      bom: false,
      warning: `not valid UTF-8 (first bad byte at offset ${at}): read as Windows-1252; check accented names and symbols`,
    };
  }
}
