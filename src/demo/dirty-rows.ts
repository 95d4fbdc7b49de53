/**
 * Deliberately dirty rows for the demo's CSV folder. They are not part of the generated records
 * (which are all valid); the CSV export appends them so the import report has something to reject.
 * Each row is given by column name, so it lines up with whatever header the file has; columns not
 * named are left empty.
 */

/** A dirty CSV row: the canonical file it belongs to, its cells by column name, and why it is bad. */
export interface DirtyRow {
  /** Canonical file name, e.g. `leads.csv`. */
  readonly file: string;
  readonly values: Readonly<Record<string, string>>;
  /** What the import report should say when it rejects the row. */
  readonly reason: string;
}

/** The dirty rows, in a fixed order. None of their ids exists in the generated records. */
export function dirtyRows(): DirtyRow[] {
  return [
    {
      file: 'leads.csv',
      values: { id: 'L-DIRTY-1', created_at: '2026-13-45', source: 'organic_search', is_bot: 'false' },
      reason: 'created_at is not a date',
    },
    {
      file: 'leads.csv',
      values: { id: '', created_at: '2026-05-04T09:00:00.000Z', source: 'paid_search', is_bot: 'false' },
      reason: 'id is missing',
    },
    {
      file: 'activities.csv',
      values: { lead_id: 'L-UNKNOWN-1', type: 'page_view', at: '2026-10-01T10:00:00.000Z', value: '12' },
      reason: 'lead_id refers to no lead',
    },
    {
      file: 'opportunities.csv',
      values: { id: 'O-DIRTY-1', created_at: '2026-09-01', amount: 'about 40k', status: 'open', stage: 'sqo' },
      reason: 'amount is not a number',
    },
    {
      file: 'touches.csv',
      values: { lead_id: 'L-UNKNOWN-2', channel: 'email', at: 'last tuesday' },
      reason: 'at is not a date',
    },
  ];
}

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV line (with its trailing LF) of a dirty row under `header`, the file's header line: each
 * column takes the row's value of that name, or stays empty.
 */
export function dirtyRowLine(row: DirtyRow, header: string): string {
  const columns = header.split(',').map((c) => c.trim());
  return `${columns.map((c) => field(row.values[c] ?? '')).join(',')}\n`;
}

/**
 * The files of a canonical CSV folder (file name → text) with the dirty rows appended to theirs.
 * Files absent from `files` are left absent.
 */
export function withDirtyRows(files: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...files };
  for (const row of dirtyRows()) {
    const text = out[row.file];
    if (text === undefined) continue;
    const end = text.indexOf('\n');
    const header = end < 0 ? text : text.slice(0, end);
    out[row.file] = (text.endsWith('\n') || text === '' ? text : `${text}\n`) + dirtyRowLine(row, header);
  }
  return out;
}
