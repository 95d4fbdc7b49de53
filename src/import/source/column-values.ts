/**
 * Some columns' values of a plain CSV file, read straight from its bytes: the date-format detection
 * of a streamed file needs the first values of a few columns before the rows are read, and parsing
 * every cell of every row for them (papaparse) cost as much as a second read of the file.
 *
 * Only a file without a quote character, its rows ending in LF alone or every one in CRLF, is read
 * this way: papaparse splits such a text at each line break and each comma and reports no error,
 * which this does on bytes, giving the same values row for row. Any other file is read by its row
 * stream instead.
 */

const LF = 0x0a;
const COMMA = 0x2c;

/** The text of `bytes[start, end)`. */
function textAt(decoder: TextDecoder, bytes: Uint8Array, start: number, end: number): string {
  return start === end ? '' : decoder.decode(bytes.subarray(start, end));
}

/** Whether `text` is empty once trimmed (`String.prototype.trim`'s white space). */
function isBlankText(text: string): boolean {
  return text.trim() === '';
}

/**
 * The first `limit` values of each of `columns` that are not empty once trimmed, over the data rows
 * (lines after the first non-blank one; a blank line is one field that is empty once trimmed, as
 * `isBlank` in csv-stream.ts), as written. The read stops once every list is full. The file must
 * split plainly (see the module comment), its lines ending in CRLF when `crlf`. It is given as
 * consecutive segments of whole lines (see `forEachPlainRow`), or as one; `from` skips the first
 * one's byte-order mark.
 */
export function firstColumnValues(
  segments: Iterable<Uint8Array>,
  from: number,
  columns: readonly number[],
  limit: number,
  crlf = false,
): string[][] {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // No closure here refers to the bytes: optimised code may keep a function's closure scope alive
  // after it returns, and with it the file.
  const lists: string[][] = columns.map(() => []);
  // The list of each column still filling (-1: not asked or full), and the last such column.
  const listOf = new Int32Array(columns.reduce((m, c) => Math.max(m, c + 1), 0)).fill(-1);
  const refresh = () => {
    listOf.fill(-1);
    let last = -1;
    columns.forEach((c, k) => {
      if (lists[k]!.length < limit && listOf[c]! < 0) {
        listOf[c] = k;
        last = Math.max(last, c);
      }
    });
    return last;
  };
  let last = limit > 0 ? refresh() : -1;
  let seenHeader = false;
  let first = true;
  for (const bytes of segments) {
    // A segment ending in a line feed ends with an empty line: blank, no value.
    for (let pos = first ? from : 0; pos <= bytes.length && last >= 0;) {
      let lineEnd = bytes.indexOf(LF, pos);
      if (lineEnd < 0) lineEnd = bytes.length;
      // A CRLF line's text ends before its CR.
      const end = crlf && lineEnd < bytes.length ? lineEnd - 1 : lineEnd;
      if (!seenHeader) {
        // The header: the first line with a comma, or of one field not blank once trimmed.
        seenHeader = bytes.subarray(pos, end).indexOf(COMMA) >= 0 || !isBlankText(textAt(decoder, bytes, pos, end));
        pos = lineEnd + 1;
        continue;
      }
      let col = 0;
      let start = pos;
      let full = false;
      for (let i = pos; col <= last; i++) {
        if (i === end || bytes[i] === COMMA) {
          const k = listOf[col]!;
          // A line of one field has no value when blank, as a blank line is no data row.
          if (k >= 0 && i > start) {
            const v = textAt(decoder, bytes, start, i);
            const list = lists[k]!;
            if (!isBlankText(v) && list.push(v) === limit) full = true;
          }
          if (i === end) break;
          col++;
          start = i + 1;
        }
      }
      if (full) last = refresh();
      pos = lineEnd + 1;
    }
    first = false;
    if (last < 0) break;
  }
  // A column asked twice has the same values twice.
  return columns.map((c) => lists[columns.indexOf(c)]!);
}
