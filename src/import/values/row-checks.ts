/**
 * Row checks on single values that every reader of the canonical tables applies (the record
 * readers and the columnar loader), so that both say the same about the same row.
 */

/**
 * Characters that show as nothing: zero-width spaces and joiners, the soft hyphen, word joiners,
 * bidirectional controls and the byte-order mark. An id made of them looks empty or equal to
 * another id, so they are removed from ids.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export type IdCheck =
  | { readonly ok: true; readonly id: string; readonly repaired?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Whether `text` is non-empty printable ASCII without spaces (`L-0000001`): such an id is clean as
 * it is, which `checkId` would confirm at the cost of a scan with a regular expression and copies.
 */
export function isPlainId(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

/** An id without surrounding whitespace or invisible characters; empty once cleaned is refused. */
export function checkId(text: string): IdCheck {
  if (isPlainId(text)) return { ok: true, id: text };
  const cleaned = text.replace(INVISIBLE, '').trim();
  if (cleaned === '') {
    return {
      ok: false,
      reason:
        text.trim() === ''
          ? 'empty id'
          : 'id is empty once its invisible characters (zero-width spaces and the like) are removed',
    };
  }
  if (cleaned.length !== text.trim().length) {
    return {
      ok: true,
      id: cleaned,
      repaired: 'invisible characters (zero-width spaces and the like) removed from the id',
    };
  }
  return { ok: true, id: cleaned };
}

/** 1900-01-01T00:00Z: an earlier creation or stage date is a placeholder or a typo, not a fact. */
export const EARLIEST_DATE_MS = Date.UTC(1900, 0, 1);

/** Why a date is implausibly early, or undefined. */
export function tooEarly(ms: number): string | undefined {
  if (ms >= EARLIEST_DATE_MS) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return `date in year ${String(year).padStart(4, '0')}, before 1900: not a real date`;
}

/** Why a stage date cannot be right given the record's creation, or undefined. */
export function beforeCreation(at: number, createdAt: number): string | undefined {
  return at < createdAt ? 'before the record was created' : undefined;
}
