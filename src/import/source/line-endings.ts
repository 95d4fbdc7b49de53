/**
 * Mixed line endings. The CSV parser takes its line ending from the first line, so a file whose
 * rows end in both CRLF and LF would have lines glued together. Line breaks inside quoted cells are
 * content and are left alone.
 */

/** Whether row breaks (outside quotes) are both CRLF and bare LF (or CR). */
export function hasMixedLineEndings(text: string): boolean {
  // Without a carriage return there is no CRLF (found by the string search, without a loop).
  if (text.indexOf('\r') < 0) return false;
  let inQuote = false;
  let crlf = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf = true;
        i++;
      } else other = true;
    } else if (c === 10) other = true;
    if (crlf && other) return true;
  }
  return false;
}

/** Rewrites every row break outside quotes as LF; quoted content is kept as it is. */
export function normaliseLineEndings(text: string): string {
  let inQuote = false;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuote = !inQuote;
    else if (!inQuote && c === 13) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
