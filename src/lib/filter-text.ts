/** The dashboard filters in words, for the subtitle of exported charts. */
import type { FilterState } from '../state/filters';
import { formatDate } from './format';

/** Up to three values, then "and N more". */
function listText(values: readonly string[]): string {
  return values.length <= 3 ? values.join(', ') : `${values.slice(0, 3).join(', ')} and ${values.length - 3} more`;
}

/**
 * The filters in words, for exported charts: "no filters", or e.g. "created from Jan 1, 2026 to
 * Mar 31, 2026; source webinar, events; segment SMB".
 */
export function describeFilters(f: FilterState): string {
  const parts: string[] = [];
  if (f.from && f.to) parts.push(`created from ${formatDate(f.from)} to ${formatDate(f.to)}`);
  else if (f.from) parts.push(`created from ${formatDate(f.from)}`);
  else if (f.to) parts.push(`created up to ${formatDate(f.to)}`);
  if (f.sources.length) parts.push(`source ${listText(f.sources)}`);
  if (f.segments.length) parts.push(`segment ${listText(f.segments)}`);
  if (f.owners.length) parts.push(`owner ${listText(f.owners)}`);
  return parts.length ? parts.join('; ') : 'no filters';
}
