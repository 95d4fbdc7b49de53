/**
 * Writes CSV text: comma-separated, LF line endings, a field quoted only when it holds a comma, a
 * quote or a line break (quotes doubled, RFC 4180). Hand-written rather than papaparse's `unparse`
 * so that the output is byte-for-byte predictable and values are never altered (no formula escaping:
 * the canonical files are an interchange format and must read back exactly).
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes one field if it needs it. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Encodes a header and rows (each row as long as the header) into CSV text ending with a newline.
 * Pure; the same input always gives the same text.
 */
export function encodeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return lines.join('\n') + '\n';
}
