/**
 * The pipeline waterfall of a period (from, to], read from opportunity stage history. Each deal is
 * open over intervals: it opens at creation (or at its first stage entry), closes on a `won`/`lost`
 * entry (or at its close date when the history has none), and re-opens when the history moves from
 * a closed stage back to an open one. Then, by construction:
 *   start + new + pulled in − won − lost − pushed out + amount changes = end.
 * The canonical model keeps one amount and one close date per deal (no history of either), so
 * amount changes and pushed-out deals are 0 here; re-opened deals are what is pulled back in.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_OPEN, STATUS_WON } from '../model/stages';
import { kept } from './lookback';

export interface WaterfallStep {
  readonly count: number;
  /** Integer cents, always ≥ 0; the sign is the step's kind. */
  readonly cents: number;
}

export interface Waterfall {
  /** Epoch ms, exclusive start and inclusive end of the period. */
  readonly from: number;
  readonly to: number;
  /** Open at `from`. */
  readonly start: WaterfallStep;
  /** Opened for the first time in the period. */
  readonly created: WaterfallStep;
  /** Re-opened from won or lost in the period. */
  readonly pulledIn: WaterfallStep;
  readonly won: WaterfallStep;
  readonly lost: WaterfallStep;
  /** Always 0: the model has no close-date history. */
  readonly pushedOut: WaterfallStep;
  /** Always 0: the model has no amount history. */
  readonly amountChangeCents: number;
  /** Open at `to`. */
  readonly end: WaterfallStep;
}

type Event = { at: number; kind: 'open' | 'won' | 'lost' };

/** The open/close events of opportunity j in time order. */
function events(ds: Dataset, j: number): Event[] {
  const O = ds.opportunities;
  const { start, stage, at } = O.history;
  const out: Event[] = [];
  const first = start[j]! < start[j + 1]! ? Math.min(O.createdAt[j]!, at[start[j]!]!) : O.createdAt[j]!;
  out.push({ at: first, kind: 'open' });
  let open = true;
  for (let e = start[j]!; e < start[j + 1]!; e++) {
    const name = O.stageNames[stage[e]!];
    const closing = name === 'won' || name === 'lost';
    if (closing && open) {
      out.push({ at: at[e]!, kind: name });
      open = false;
    } else if (!closing && !open) {
      out.push({ at: at[e]!, kind: 'open' });
      open = true;
    }
  }
  const status = O.status[j]!;
  if (open && status !== STATUS_OPEN) {
    const c = O.closeDate[j]!;
    const closeAt = Number.isFinite(c) ? Math.max(c, out[out.length - 1]!.at) : out[out.length - 1]!.at;
    out.push({ at: closeAt, kind: status === STATUS_WON ? 'won' : 'lost' });
  }
  return out;
}

const step = (): { count: number; cents: number } => ({ count: 0, cents: 0 });

export function pipelineWaterfall(ds: Dataset, from: number, to: number, mask?: Uint8Array): Waterfall {
  const O = ds.opportunities;
  const start = step();
  const end = step();
  const created = step();
  const pulledIn = step();
  const won = step();
  const lost = step();
  for (let j = 0; j < O.count; j++) {
    if (!kept(mask, j)) continue;
    const amount = summableCents(O.amountCents[j]!);
    let openAtFrom = false;
    let openAtTo = false;
    let firstOpen = true;
    for (const ev of events(ds, j)) {
      const opens = ev.kind === 'open';
      if (ev.at <= from) openAtFrom = opens;
      if (ev.at <= to) openAtTo = opens;
      if (ev.at > from && ev.at <= to) {
        const target = opens ? (firstOpen ? created : pulledIn) : ev.kind === 'won' ? won : lost;
        target.count++;
        target.cents += amount;
      }
      if (opens) firstOpen = false;
    }
    if (openAtFrom) {
      start.count++;
      start.cents += amount;
    }
    if (openAtTo) {
      end.count++;
      end.cents += amount;
    }
  }
  return { from, to, start, created, pulledIn, won, lost, pushedOut: step(), amountChangeCents: 0, end };
}

/** start + created + pulled in − won − lost − pushed out + amount changes: equals `end.cents`. */
export function waterfallEnd(w: Waterfall): number {
  return w.start.cents + w.created.cents + w.pulledIn.cents - w.won.cents - w.lost.cents - w.pushedOut.cents + w.amountChangeCents;
}
