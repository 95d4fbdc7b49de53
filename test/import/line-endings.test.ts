/** Mixed line endings are found as a walk over every character (outside quotes) finds them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMixedLineEndings } from '../../src/import/source/line-endings';

/** Row breaks outside quotes both CRLF and bare LF or CR, found character by character. */
function mixedByWalk(text: string): boolean {
  let inQuote = false;
  let crlf = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (c === '\r') {
      if (text[i + 1] === '\n') {
        crlf = true;
        i++;
      } else other = true;
    } else if (c === '\n') other = true;
  }
  return crlf && other;
}

describe('hasMixedLineEndings', () => {
  it('answers as a walk over every character', () => {
    const piece = fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(hasMixedLineEndings(text)).toBe(mixedByWalk(text));
      }),
      { numRuns: 3000 },
    );
  });
});
