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
}

/** Windows-1252 code points for bytes 0x80–0x9F; 0 marks the five undefined bytes. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Locate the offending byte only for the message; TextDecoder already said the text is not UTF-8.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (n < 0 || b > 0xf4) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** Decodes a file's bytes; see the module comment for the rules. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true, warning: 'encoded as UTF-16 (little-endian): decoded as such' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true, warning: 'encoded as UTF-16 (big-endian): decoded as such' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      bom: false,
      warning: `not valid UTF-8 (first bad byte at offset ${at}): read as Windows-1252; check accented names and symbols`,
    };
  }
}
