/**
 * Stage reach per lead (SPEC §2, §3): which funnel stages each lead reached by the "as of" date, and
 * when. Two modes:
 * - **inclusive** (default): a lead that reached a later stage counts as having passed every earlier
 *   one; a skipped stage's entry time is the entry time of the earliest later stage recorded.
 * - **strict**: only recorded stage entries count.
 *
 * What counts as recorded:
 * - `lead` at creation; `mql`, `sal`, `sql`, `disqualified`, `recycled` from the lead's history.
 * - `sqo`: the lead's `sqo` entry, or the creation of one of its opportunities (an opportunity is the
 *   record of the SQO).
 * - `won`: the lead's `won` entry, or one of its opportunities closed won — whichever is earlier; a
 *   won opportunity without a close date counts as won with an unknown time (NaN).
 * - `lost`: the lead's `lost` entry or one of its opportunities closed lost, unless the lead is won.
 *
 * Anything dated after `asOf` has not happened yet; leads created after it are out of scope.
 * Re-staging is preserved: the first entry of each stage is used here, and the full history stays in
 * the dataset (see `countReentries`). Bots are out of scope through the filters' `leadMask`.
 */
import { summableCents, type Dataset } from '../model/columns';
import { STATUS_LOST, STATUS_WON } from '../model/stages';

export const REACH_STAGES = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const;
export type ReachStage = (typeof REACH_STAGES)[number];

/** The ordered funnel steps that stage counts and conversions run over. */
export const STEP_STAGES = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won'] as const;
export type StepStage = (typeof STEP_STAGES)[number];

/** Stages whose skipping is counted: a later stage was recorded without an entry of this one. */
export const SKIPPABLE_STAGES = ['mql', 'sal', 'sql', 'sqo'] as const;
export type SkippableStage = (typeof SKIPPABLE_STAGES)[number];

export type FunnelMode = 'inclusive' | 'strict';

type PerStage<T> = Readonly<Record<ReachStage, T>>;

export interface StageReach {
  readonly mode: FunnelMode;
  /** Epoch ms. */
  readonly asOf: number;
  /** 1 when the lead is in scope: it passes the filters (bots never do) and was created by asOf. */
  readonly inScope: Uint8Array;
  /** 1 when the lead reached the stage in this mode. */
  readonly reached: PerStage<Uint8Array>;
  /** Entry time (epoch ms) in this mode; NaN when not reached or when the time is unknown. */
  readonly at: PerStage<Float64Array>;
  /** 1 when the stage entry is recorded (the strict-mode reach). */
  readonly recorded: PerStage<Uint8Array>;
  /** Recorded entry time, epoch ms; NaN when not recorded or unknown. */
  readonly recordedAt: PerStage<Float64Array>;
  /** 1 when the lead reached a later stage (recorded) without a recorded entry of this one. */
  readonly skipped: Readonly<Record<SkippableStage, Uint8Array>>;
  /** Sum of the amounts of the lead's opportunities created by asOf, integer cents. */
  readonly amountCents: Float64Array;
  /** Sum of the amounts of the lead's won opportunities, integer cents. */
  readonly wonCents: Float64Array;
}

function perStage<T>(make: () => T): Record<ReachStage, T> {
  return Object.fromEntries(REACH_STAGES.map((s) => [s, make()])) as Record<ReachStage, T>;
}

const minTime = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b));

/** Recorded entries of every in-scope lead, opportunities folded in. */
function recordEntries(ds: Dataset, inScope: Uint8Array, asOf: number) {
  const L = ds.leads;
  const n = L.count;
  const recorded = perStage(() => new Uint8Array(n));
  const recordedAt = perStage(() => new Float64Array(n).fill(NaN));
  const amountCents = new Float64Array(n);
  const wonCents = new Float64Array(n);
  const lostByOpp = new Uint8Array(n);
  const lostOppAt = new Float64Array(n).fill(NaN);
  const createdAt = L.createdAt;
  const leadRecorded = recorded.lead;
  const leadAt = recordedAt.lead;
  for (let i = 0; i < n; i++) {
    if (!inScope[i]) continue;
    leadRecorded[i] = 1;
    leadAt[i] = createdAt[i]!;
  }
  // Stage by stage, so each loop reads and writes three arrays only.
  for (const s of ['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const) {
    const stageAt = L.stageAt[s];
    const rec = recorded[s];
    const at = recordedAt[s];
    for (let i = 0; i < n; i++) {
      if (!inScope[i]) continue;
      const t = stageAt[i]!;
      if (t <= asOf) {
        rec[i] = 1;
        at[i] = t;
      }
    }
  }
  const O = ds.opportunities;
  for (let j = 0; j < O.count; j++) {
    const i = O.lead[j]!;
    if (i < 0 || !inScope[i] || !(O.createdAt[j]! <= asOf)) continue;
    recorded.sqo[i] = 1;
    recordedAt.sqo[i] = minTime(recordedAt.sqo[i]!, O.createdAt[j]!);
    amountCents[i] = amountCents[i]! + summableCents(O.amountCents[j]!);
    const close = O.closeDate[j]!;
    if (close > asOf) continue; // closed after asOf: still open as of then
    if (O.status[j] === STATUS_WON) {
      recorded.won[i] = 1;
      recordedAt.won[i] = minTime(recordedAt.won[i]!, close);
      wonCents[i] = wonCents[i]! + summableCents(O.amountCents[j]!);
    } else if (O.status[j] === STATUS_LOST) {
      lostByOpp[i] = 1;
      lostOppAt[i] = minTime(lostOppAt[i]!, close);
    }
  }
  // A lead whose opportunity is won counts as won; lost only when not won.
  for (let i = 0; i < n; i++) {
    if (lostByOpp[i]) {
      recorded.lost[i] = 1;
      recordedAt.lost[i] = minTime(recordedAt.lost[i]!, lostOppAt[i]!);
    }
  }
  return { recorded, recordedAt, amountCents, wonCents };
}

/** Rank of each stage for skips and inclusive reach: `lost` ranks with `won`, after `sqo`. */
const WON = 5;

/** Computes stage reach for the leads the mask keeps (see the module comment). O(leads + opportunities). */
export function computeReach(ds: Dataset, mask: Uint8Array, asOf: number, mode: FunnelMode = 'inclusive'): StageReach {
  const n = ds.leads.count;
  const inScope = new Uint8Array(n);
  for (let i = 0; i < n; i++) inScope[i] = mask[i] && ds.leads.createdAt[i]! <= asOf ? 1 : 0;
  const { recorded, recordedAt, amountCents, wonCents } = recordEntries(ds, inScope, asOf);
  const skipped = Object.fromEntries(SKIPPABLE_STAGES.map((s) => [s, new Uint8Array(n)])) as Record<
    SkippableStage,
    Uint8Array
  >;
  // Recorded steps below won (lead … sqo), highest first, and the skippable stages in rank order.
  const stepsDown = STEP_STAGES.slice(1, WON)
    .reverse()
    .map((s) => recorded[s]);
  const skippable = SKIPPABLE_STAGES.map((s) => ({ recorded: recorded[s], skipped: skipped[s] }));
  const won = recorded.won;
  const lost = recorded.lost;
  const lostAt = recordedAt.lost;
  for (let i = 0; i < n; i++) {
    if (!inScope[i]) continue;
    let top = won[i] || lost[i] ? WON : 0;
    for (let k = 0; k < stepsDown.length && top === 0; k++) if (stepsDown[k]![i]) top = WON - 1 - k;
    for (let r = 0; r < skippable.length; r++) {
      const stage = skippable[r]!;
      if (top > r + 1 && !stage.recorded[i]) stage.skipped[i] = 1;
    }
    if (won[i]) {
      lost[i] = 0;
      lostAt[i] = NaN;
    }
  }
  if (mode === 'strict') {
    return {
      mode,
      asOf,
      inScope,
      reached: recorded,
      at: recordedAt,
      recorded,
      recordedAt,
      skipped,
      amountCents,
      wonCents,
    };
  }
  const reached = perStage(() => new Uint8Array(n));
  const at = perStage(() => new Float64Array(n).fill(NaN));
  for (const s of ['won', 'lost', 'disqualified'] as const) {
    const rec = recorded[s];
    const recAt = recordedAt[s];
    const reach = reached[s];
    const entry = at[s];
    for (let i = 0; i < n; i++) {
      if (!inScope[i]) continue;
      reach[i] = rec[i]!;
      entry[i] = recAt[i]!;
    }
  }
  // Walk down from sqo: a stage is reached when it or any later one (lost included) is recorded.
  const down = STEP_STAGES.slice(0, WON)
    .reverse()
    .map((s) => ({ rec: recorded[s], recAt: recordedAt[s], reach: reached[s], entry: at[s] }));
  const wonAt = recordedAt.won;
  for (let i = 0; i < n; i++) {
    if (!inScope[i]) continue;
    let later = won[i] || lost[i] ? 1 : 0;
    let laterAt = minTime(wonAt[i]!, lostAt[i]!);
    for (let k = 0; k < down.length; k++) {
      const d = down[k]!;
      if (d.rec[i]) {
        d.reach[i] = 1;
        d.entry[i] = d.recAt[i]!;
        later = 1;
        laterAt = minTime(laterAt, d.recAt[i]!);
      } else if (later) {
        d.reach[i] = 1;
        d.entry[i] = laterAt;
      }
    }
  }
  return { mode, asOf, inScope, reached, at, recorded, recordedAt, skipped, amountCents, wonCents };
}
