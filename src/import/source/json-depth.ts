/**
 * How deep a JSON text nests, found by one pass over its characters (strings skipped), before
 * anything parses it: a document nested thousands deep would exhaust the stack of any recursive
 * reader. The canonical JSON nests five levels; real exports a few more.
 */

/** Deepest nesting the import reads. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `[`/`{`, stopping early once it exceeds `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
