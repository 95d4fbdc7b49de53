/**
 * Amounts as people type them: `$48,000.00`, `48.000,00 €`, `(1,200)` (accounting negative),
 * `1 234,5`, `-12`. The decimal separator is the file's (`.` by default, `,` for `;`-separated
 * files) unless both separators appear, in which case the last one is the decimal separator.
 */

export type DecimalSeparator = '.' | ',';

export type AmountResult =
  | { readonly ok: true; readonly value: number; readonly plain: boolean }
  | { readonly ok: false; readonly reason: string };

const CURRENCY = /^(?:[$€£¥₹]|[A-Z]{3}|US\$|CA\$|A\$)\s*|\s*(?:[$€£¥₹]|[A-Z]{3})$/;
const PLAIN = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** Whether `text` matches `PLAIN` (read by character: most amounts are plain). */
export function isPlainAmount(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let c = text.charCodeAt(i);
  let whole = 0;
  while (c >= 48 && c <= 57) {
    whole++;
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    let frac = 0;
    while (c >= 48 && c <= 57) {
      frac++;
      c = text.charCodeAt(++i);
    }
    if (frac === 0) return false;
  } else if (whole === 0) return false;
  return i === n;
}

/** `1,234,567`: groups of three after a first group of one to three digits. */
function regularGroups(groups: readonly string[]): boolean {
  const first = groups[0]!;
  return first !== '' && first.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/** Indian grouping `1,40,000` / `12,34,56,789`: the last group of three, the others of two. */
function indianGroups(groups: readonly string[]): boolean {
  const first = groups[0]!;
  const middle = groups.slice(1, -1);
  return (
    groups.length > 2 &&
    first !== '' &&
    first.length <= 2 &&
    middle.every((g) => g.length === 2) &&
    groups.at(-1)!.length === 3
  );
}

/**
 * Reads an amount. `plain` is true when the text already was a plain decimal (no conversion made).
 * Grouping must be regular (`1,234,567`) or Indian (`1,40,000`); anything else is refused with a reason.
 */
export function parseAmount(text: string, decimal: DecimalSeparator = '.'): AmountResult {
  if (isPlainAmount(text)) return { ok: true, value: Number(text), plain: true };
  let t = text.trim().replace(/\u00a0|\u202f/g, ' ');
  if (t === '') return { ok: false, reason: 'empty' };
  if (PLAIN.test(t)) return { ok: true, value: Number(t), plain: true };
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  for (let k = 0; k < 2; k++) t = t.replace(CURRENCY, '').trim();
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  if (!/^[\d.,' ]+$/.test(t) || !/\d/.test(t)) return { ok: false, reason: 'not an amount' };
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  const dec = lastDot >= 0 && lastComma >= 0 ? (lastDot > lastComma ? '.' : ',') : decimal;
  const group = dec === '.' ? ',' : '.';
  const [intPart, fracPart, ...more] = t.split(dec);
  if (more.length > 0) return { ok: false, reason: `more than one decimal separator "${dec}"` };
  const groups = intPart!.split(new RegExp(`[${group === '.' ? '.' : ','}' ]`));
  if (groups.length > 1 && !regularGroups(groups) && !(group === ',' && indianGroups(groups))) {
    return { ok: false, reason: `irregular digit grouping in "${text.trim()}"` };
  }
  const digits = groups.join('') + (fracPart === undefined ? '' : `.${fracPart}`);
  if (!PLAIN.test(digits)) return { ok: false, reason: 'not an amount' };
  const value = Number(digits);
  return { ok: true, value: negative ? -value : value, plain: false };
}
