/** The span of a dataset's recorded events, and its default "as of" (SPEC §10). */
import type { Dataset } from './columns';
import { STATUS_OPEN } from './stages';

/** How far after the latest other recorded event a closed deal's close date may still move "as of": 31 days. */
export const CLOSE_GRACE_MS = 31 * 86_400_000;

/** Earliest and latest recorded instants; the latest is the default "as of" (see the rule below). */
export function extent(ds: Omit<Dataset, 'meta'>): { earliest: number; latest: number } {
  let earliest = Infinity;
  let latest = -Infinity;
  const scan = (arr: Float64Array) => {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i]!;
      if (v < earliest) earliest = v;
      if (v > latest) latest = v;
    }
  };
  scan(ds.leads.createdAt);
  scan(ds.leads.events.at);
  scan(ds.activities.at);
  scan(ds.opportunities.createdAt);
  scan(ds.opportunities.history.at);
  scan(ds.opportunities.changes.at);
  // Close dates of open deals are forecasts, not facts: only closed deals move "as of", and only up
  // to CLOSE_GRACE_MS after the latest other recorded event (the export's own date is not in the
  // data). A closed deal dated later than that (a lost deal keeping its planned close date, a
  // 9999-12-31 placeholder) carries a planned date, not an event.
  const { closeDate, status } = ds.opportunities;
  const limit = Number.isFinite(latest) ? latest + CLOSE_GRACE_MS : Infinity;
  let closes = -Infinity;
  for (let i = 0; i < closeDate.length; i++) {
    const v = closeDate[i]!;
    if (status[i] !== STATUS_OPEN && v > closes && v <= limit) closes = v;
  }
  if (closes > latest) latest = closes;
  return { earliest: Number.isFinite(earliest) ? earliest : 0, latest: Number.isFinite(latest) ? latest : 0 };
}
