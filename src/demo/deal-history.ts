/**
 * The recorded history of a demo deal, as a CRM would keep it: a row at creation and at each stage
 * entry (stage, the rep's probability for it), close dates pushed (some deals repeatedly, lost
 * deals more often than won ones) or pulled in, an amount changed once on some deals, and forecast
 * categories the rep moved away from the stage's usual one (committing early, or sandbagging).
 * Drawn from a random stream of its own per deal, so the rest of the company is the same with or
 * without it.
 */
import type { OpportunityChange, OpportunityRecord } from '../engine/model/records';
import type { ForecastCategory } from '../engine/model/stages';
import { DAY_MS } from '../engine/time';
import { Rng } from './prng';

/** The rep's probability per stage (Salesforce's default stage probabilities). */
const STAGE_P: Readonly<Record<string, number>> = {
  sqo: 0.1,
  discovery: 0.2,
  proposal: 0.4,
  negotiation: 0.7,
  won: 1,
  lost: 0,
};
/** Chance of at least one push, by outcome: slipping deals lose more often. */
const PUSH = { won: 0.3, lost: 0.5, open: 0.45 } as const;
/** Chance a pushed deal is pushed again (each further time). */
const PUSH_AGAIN = 0.4;
const PULL_IN = 0.08;
const AMOUNT_CHANGE = 0.3;
const COMMIT_EARLY = 0.2;
const SANDBAG = 0.12;

/** What a deal's history holds on purpose, for the manifest. */
export interface PlantedHistory {
  readonly pushes: number;
  readonly pulledIn: boolean;
  readonly amountChanged: boolean;
  readonly categoryMoved: boolean;
}

const day = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * Close-date estimates before the final one `last`, earliest first, each with the instant it was
 * replaced by the next: every push happens within a week before the date it gives up, after the
 * deal's creation and before `until`.
 */
function pushes(
  rng: Rng,
  wanted: number,
  createdAt: number,
  last: number,
  until: number,
): { date: number; movedAt: number }[] {
  const out: { date: number; movedAt: number }[] = [];
  let next = last;
  let limit = until;
  for (let k = 0; k < wanted; k++) {
    const date = day(next - rng.uniform(14, 45) * DAY_MS);
    const movedAt = Math.round(
      Math.min(limit - 3_600_000, date - rng.uniform(0, 7) * DAY_MS + rng.uniform(8, 18) * 3_600_000),
    );
    if (date < createdAt + 7 * DAY_MS || movedAt <= createdAt) break;
    out.unshift({ date, movedAt });
    next = date;
    limit = movedAt;
  }
  return out;
}

/** The category a rep moved the deal to at a stage entry, if any. */
function moved(rng: Rng, stage: string): ForecastCategory | undefined {
  if (stage === 'proposal' && rng.chance(COMMIT_EARLY)) return 'commit';
  if (stage === 'negotiation' && rng.chance(SANDBAG)) return 'best_case';
  return undefined;
}

/**
 * The changes of `o` (whose stage history, close date and amount are final) up to `horizon`.
 * `seed` and `serial` pick the deal's own random stream.
 */
export function dealHistory(
  o: OpportunityRecord,
  horizon: number,
  seed: number,
  serial: number,
): { changes: OpportunityChange[]; planted: PlantedHistory } {
  const rng = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(serial, 0x85ebca6b)) >>> 0);
  const closed = o.status !== 'open';
  const end = closed ? o.stageHistory[o.stageHistory.length - 1]!.at : horizon;
  const finalClose = closed ? day(end + rng.uniform(-5, 5) * DAY_MS) : o.closeDate!;
  let wanted = rng.chance(PUSH[o.status]) ? 1 : 0;
  while (wanted > 0 && wanted < 3 && rng.chance(PUSH_AGAIN)) wanted++;
  const estimates = pushes(rng, wanted, o.createdAt, finalClose, end);
  const pullIn = estimates.length === 0 && rng.chance(PULL_IN);
  const first = estimates[0]?.date ?? (pullIn ? day(finalClose + rng.uniform(30, 90) * DAY_MS) : finalClose);
  const amountAt = rng.chance(AMOUNT_CHANGE) ? Math.round(rng.uniform(o.createdAt + DAY_MS, end)) : NaN;
  const firstAmount =
    Number.isNaN(amountAt) || o.amountCents === undefined
      ? o.amountCents
      : Math.max(10_000, Math.round(o.amountCents / rng.uniform(0.7, 1.4) / 10_000) * 10_000);

  const changes: OpportunityChange[] = [];
  const add = (c: OpportunityChange) => {
    if (c.at < horizon) changes.push(c);
  };
  let categoryMoved = false;
  o.stageHistory.forEach((e, i) => {
    const c: OpportunityChange = { at: e.at, stage: e.stage };
    const p = STAGE_P[e.stage];
    if (p !== undefined) c.probability = p;
    if (i === 0) {
      c.closeDate = first;
      if (firstAmount !== undefined) c.amountCents = firstAmount;
    }
    if (closed && i === o.stageHistory.length - 1) c.closeDate = o.closeDate!;
    add(c);
    const next = o.stageHistory[i + 1]?.at ?? end;
    const category = i > 0 && e.at < end ? moved(rng, e.stage) : undefined;
    const at = Math.round(Math.min(e.at + rng.uniform(1, 5) * DAY_MS, next - 3_600_000));
    if (category !== undefined && at > e.at && at < horizon) {
      add({ at, forecastCategory: category });
      categoryMoved = true;
    }
  });
  estimates.forEach((x, k) => add({ at: x.movedAt, closeDate: estimates[k + 1]?.date ?? finalClose }));
  if (pullIn)
    add({
      at: Math.round(rng.uniform(o.createdAt + DAY_MS, Math.max(o.createdAt + DAY_MS, end - DAY_MS))),
      closeDate: finalClose,
    });
  if (!Number.isNaN(amountAt) && o.amountCents !== undefined) add({ at: amountAt, amountCents: o.amountCents });
  changes.sort((a, b) => a.at - b.at);
  return {
    changes,
    planted: {
      pushes: estimates.filter((x) => x.movedAt < horizon).length,
      pulledIn: pullIn,
      amountChanged: !Number.isNaN(amountAt) && firstAmount !== o.amountCents,
      categoryMoved,
    },
  };
}

/** Ids of the deals whose history was planted with each trait, in record order. */
export interface HistoryIds {
  /** Close date moved later at least once while open. */
  readonly pushed: readonly string[];
  /** …at least twice. */
  readonly pushedTwice: readonly string[];
  readonly pulledIn: readonly string[];
  readonly amountChanged: readonly string[];
  /** A rep moved the forecast category away from the stage's usual one. */
  readonly categoryMoved: readonly string[];
}

export const emptyHistoryIds = (): HistoryIds => ({
  pushed: [],
  pushedTwice: [],
  pulledIn: [],
  amountChanged: [],
  categoryMoved: [],
});

/** Collects the planted history ids as deals are generated. */
export class HistoryTally {
  private readonly ids = {
    pushed: [] as string[],
    pushedTwice: [] as string[],
    pulledIn: [] as string[],
    amountChanged: [] as string[],
    categoryMoved: [] as string[],
  };

  add(id: string, p: PlantedHistory): void {
    if (p.pushes >= 1) this.ids.pushed.push(id);
    if (p.pushes >= 2) this.ids.pushedTwice.push(id);
    if (p.pulledIn) this.ids.pulledIn.push(id);
    if (p.amountChanged) this.ids.amountChanged.push(id);
    if (p.categoryMoved) this.ids.categoryMoved.push(id);
  }

  get result(): HistoryIds {
    return this.ids;
  }
}
