/**
 * The value checks of parse-values.ts and row-checks.ts on a cell still in the file's bytes
 * (`bytes[start, end)`), for the rows a reader takes without making their cells into text (see
 * source/plain-lines.ts). Each answers only for plain ASCII cells and says "not plain" for anything
 * else, which the caller then reads as text, with every check and report.
 */
import { daysFromCivil, daysInMonth } from './parse-values';

const MINUS = 45;
const PLUS = 43;
const COLON = 58;

/** Whether the cell is non-empty printable ASCII without spaces (`isPlainId` on its text). */
export function isPlainIdBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

/**
 * Whether the cell is non-empty and begins and ends with printable ASCII other than a space, so that
 * trimming its text changes nothing (its inside may be anything).
 */
export function isTrimmedBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start) return false;
  const a = bytes[start]!;
  const b = bytes[end - 1]!;
  return a > 0x20 && a < 0x7f && b > 0x20 && b < 0x7f;
}

/** Whether two cells hold the same bytes. */
export function sameBytes(bytes: Uint8Array, start: number, end: number, start2: number, end2: number): boolean {
  if (end - start !== end2 - start2) return false;
  for (let i = 0; i < end - start; i++) if (bytes[start + i] !== bytes[start2 + i]) return false;
  return true;
}

/**
 * A cell of 1 to 15 decimal digits as its number (as `parseDecimal` reads it, exactly: such an
 * integer is below 2^53), or -1 for any other cell.
 */
export function digitsValue(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function digitAt(bytes: Uint8Array, i: number, end: number): number {
  if (i >= end) return -1;
  const d = bytes[i]! - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(bytes: Uint8Array, i: number, end: number): number {
  const a = digitAt(bytes, i, end);
  const b = digitAt(bytes, i + 1, end);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * `parseIsoInstant` of the cell's text, read from its bytes (the same forms, the same epoch ms);
 * undefined when the text is not such an instant. The cell must be ASCII (a non-ASCII byte is never
 * part of an instant, so it is refused as the text would be).
 */
export function isoInstantOfBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  const n = end - start;
  if (n !== 10 && n < 16) return undefined;
  // YYYY-MM-DD, inside the cell (n >= 10): each byte minus '0' is a digit when below 10 unsigned.
  const y0 = bytes[start]! - 48;
  const y1 = bytes[start + 1]! - 48;
  const y2 = bytes[start + 2]! - 48;
  const y3 = bytes[start + 3]! - 48;
  const m0 = bytes[start + 5]! - 48;
  const m1 = bytes[start + 6]! - 48;
  const d0 = bytes[start + 8]! - 48;
  const d1 = bytes[start + 9]! - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    bytes[start + 4]! !== MINUS ||
    bytes[start + 7]! !== MINUS
  )
    return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // The usual form, YYYY-MM-DDTHH:MM:SS.sssZ, read at fixed places (what the general reading below
  // gives it).
  if (
    n === 24 &&
    bytes[start + 10] === 84 &&
    bytes[start + 13] === COLON &&
    bytes[start + 16] === COLON &&
    bytes[start + 19] === 46 &&
    bytes[start + 23] === 90
  ) {
    const h0 = bytes[start + 11]! - 48;
    const h1 = bytes[start + 12]! - 48;
    const i0 = bytes[start + 14]! - 48;
    const i1 = bytes[start + 15]! - 48;
    const s0 = bytes[start + 17]! - 48;
    const s1 = bytes[start + 18]! - 48;
    const f0 = bytes[start + 20]! - 48;
    const f1 = bytes[start + 21]! - 48;
    const f2 = bytes[start + 22]! - 48;
    if (
      h0 >>> 0 > 9 ||
      h1 >>> 0 > 9 ||
      i0 >>> 0 > 9 ||
      i1 >>> 0 > 9 ||
      s0 >>> 0 > 9 ||
      s1 >>> 0 > 9 ||
      f0 >>> 0 > 9 ||
      f1 >>> 0 > 9 ||
      f2 >>> 0 > 9
    )
      return undefined;
    const hh = h0 * 10 + h1;
    const mm = i0 * 10 + i1;
    const ss = s0 * 10 + s1;
    if (hh > 23 || mm > 59 || ss > 59) return undefined;
    return (
      daysFromCivil(year, month, day) * 86_400_000 +
      hh * 3_600_000 +
      mm * 60_000 +
      ss * 1000 +
      (f0 * 100 + f1 * 10 + f2)
    );
  }
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  if (n > 10) {
    const sep = bytes[start + 10]!;
    // 'T', 't' or a space
    if (sep !== 84 && sep !== 116 && sep !== 32) return undefined;
    // hh:mm, inside the cell (n >= 16).
    const h0 = bytes[start + 11]! - 48;
    const h1 = bytes[start + 12]! - 48;
    const i0 = bytes[start + 14]! - 48;
    const i1 = bytes[start + 15]! - 48;
    if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || i0 >>> 0 > 9 || i1 >>> 0 > 9 || bytes[start + 13]! !== COLON) return undefined;
    hour = h0 * 10 + h1;
    minute = i0 * 10 + i1;
    let i = 16;
    if (i < n && bytes[start + i]! === COLON) {
      second = twoDigits(bytes, start + i + 1, end);
      if (second < 0) return undefined;
      i += 3;
      const dot = i < n ? bytes[start + i]! : 0;
      // '.' or ','
      if (dot === 46 || dot === 44) {
        i++;
        let digits = 0;
        while (i < n) {
          const d = digitAt(bytes, start + i, end);
          if (d < 0) break;
          if (digits < 3) ms = ms * 10 + d;
          digits++;
          i++;
        }
        if (digits === 0 || digits > 9) return undefined;
        for (let k = digits; k < 3; k++) ms *= 10;
      }
    }
    if (i < n) {
      const z = bytes[start + i]!;
      if (z === 90 || z === 122) {
        // 'Z' or 'z', last
        if (i + 1 !== n) return undefined;
      } else if (z === PLUS || z === MINUS) {
        const oh = twoDigits(bytes, start + i + 1, end);
        if (oh < 0) return undefined;
        i += 3;
        let om = 0;
        if (i < n) {
          if (bytes[start + i]! === COLON) i++;
          om = twoDigits(bytes, start + i, end);
          if (om < 0 || i + 2 !== n) return undefined;
        }
        if (oh > 23 || om > 59) return undefined;
        offset = (z === MINUS ? -1 : 1) * (oh * 60 + om);
      } else return undefined;
    }
    if (hour > 23 || minute > 59 || second > 59) return undefined;
  }
  const utc = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  return utc - offset * 60_000;
}

/**
 * The text of cells that take few distinct values (an activity type, a channel), each decoded once:
 * the same bytes give the same string, without a new string per cell.
 */
const MISSES = 256;

export class FewTexts {
  private readonly keys: Uint8Array[] = [];
  private readonly texts: string[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  private misses = 0;

  constructor(private max = 32) {}

  text(bytes: Uint8Array, start: number, end: number): string {
    const n = end - start;
    for (let k = 0; k < this.keys.length; k++) {
      const key = this.keys[k]!;
      if (key.length !== n) continue;
      let i = 0;
      while (i < n && key[i] === bytes[start + i]) i++;
      if (i === n) return this.texts[k]!;
    }
    const text = this.decoder.decode(bytes.subarray(start, end));
    if (this.keys.length < this.max) {
      this.keys.push(bytes.slice(start, end));
      this.texts.push(text);
    } else if (++this.misses > MISSES) {
      // Many more values than it holds (an email column): it stops looking.
      this.keys.length = 0;
      this.max = 0;
    }
    return text;
  }
}
