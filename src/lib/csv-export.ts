/**
 * CSV export safe to open in a spreadsheet: text cells that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or CR) are prefixed with a quote; numbers, and text that is a plain
 * number such as `-5`, stay numeric.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is a plain number (`-5`, `12.50`) is no formula: a spreadsheet reads it as the number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(neutraliseCell).join(',')).join('\r\n') + '\r\n';
}

/** Offers a file to the user for download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
