/**
 * What the Funnel view needs of each lead that no filter changes, kept per dataset, as-of instant and
 * mode, so that a filter change is one pass over small typed arrays (`funnel-figures.ts`) instead of a
 * new stage reach. Everything here is read from `computeReach` over every lead that is not a bot: a
 * lead's reach does not depend on which other leads are in scope, so the figures of any filter are
 * those of the leads it keeps. About 30 bytes per lead in the demo company.
 */
import { leadMask } from '../filters/filters';
import type { Dataset } from '../model/columns';
import { DAY_MS, quarterIndexOf, quarterNumber, quarterStartOf } from '../time';
import { computeReach, REACH_STAGES, SKIPPABLE_STAGES, STEP_STAGES, type FunnelMode, type StageReach } from './reach';
import { sortedOrder } from '../model/sorted-order';
import { STAGE_PAIRS } from './tally';

/** Stages whose entry quarter is kept per lead: REACH_STAGES up to `lost` (the steps, then lost). */
export const QUARTER_STAGES = 7;

/** Durations of one stage pair, ascending, with the lead of each. */
export interface Durations {
  /** Entry of B minus entry of A, ms. */
  readonly ms: Float64Array;
  readonly lead: Uint32Array;
}

export interface LeadFacts {
  readonly asOf: number;
  readonly mode: FunnelMode;
  /** 1 for a lead in scope without filters: not a bot, created by asOf. */
  readonly eligible: Uint8Array;
  /** Per lead, its combination of reached and skipped stages: an index into the two arrays below. */
  readonly pattern: Uint16Array;
  /** Per pattern: bit k set when REACH_STAGES[k] is reached (in the mode). */
  readonly reachedBits: Uint8Array;
  /** Per pattern: bit k set when SKIPPABLE_STAGES[k] is skipped. */
  readonly skippedBits: Uint8Array;
  /** Fiscal quarter number (`quarterIndexOf`) of quarter offset 0, the earliest creation in scope. */
  readonly quarterBase: number;
  /**
   * Per lead × QUARTER_STAGES: the quarter offset of the stage's entry (in the mode), -1 when the
   * stage is not reached, its time is unknown, or it falls before offset 0 or after asOf's quarter.
   */
  readonly quarters: Int16Array;
  /** Leads with a non-zero opportunity or won amount, ascending, with both amounts (integer cents). */
  readonly amountLeads: Uint32Array;
  readonly amountCents: Float64Array;
  readonly wonCents: Float64Array;
  /** Leads that entered a lead stage more than once by asOf, ascending; bit s: LEAD_STAGES[s] re-entered. */
  readonly reentryLeads: Uint32Array;
  readonly reentryBits: Uint16Array;
  /** Per STAGE_PAIRS pair: entry of B minus entry of A (in the mode), ≥ 0, of the leads that reached B. */
  readonly conversionDurations: readonly Durations[];
  /** Per adjacent pair of STEP_STAGES: recorded entry of B minus that of A, of the leads that recorded both. */
  readonly stageDurations: readonly Durations[];
}

const cache = new WeakMap<Dataset, Map<string, LeadFacts | null>>();

/**
 * The facts of a dataset at an as-of instant and mode, computed once and kept for the last two
 * (as-of, mode) asked. Null when they cannot be kept compactly (asOf not finite, or dates spanning
 * more than 32,000 quarters): the caller then computes from the stage reach.
 */
export function leadFacts(ds: Dataset, asOf: number, mode: FunnelMode): LeadFacts | null {
  let byKey = cache.get(ds);
  if (!byKey) cache.set(ds, (byKey = new Map()));
  const key = `${mode} ${asOf}`;
  let facts = byKey.get(key);
  if (facts === undefined) {
    facts = buildFacts(ds, asOf, mode);
    byKey.set(key, facts);
    if (byKey.size > 2) byKey.delete(byKey.keys().next().value!);
  }
  return facts;
}

function buildFacts(ds: Dataset, asOf: number, mode: FunnelMode): LeadFacts | null {
  const fy = ds.meta.fiscalYearStartMonth;
  const top = quarterIndexOf(asOf, fy);
  if (!Number.isFinite(top)) return null;
  const reach = computeReach(ds, leadMask(ds, {}), asOf, mode);
  const eligible = reach.inScope;
  const n = eligible.length;
  // quarterNumber never decreases with time: the earliest creation has the earliest quarter.
  const createdAt = reach.at.lead;
  let first = Infinity;
  for (let i = 0; i < n; i++) if (eligible[i] && !(createdAt[i]! >= first)) first = createdAt[i]!;
  const base = first === Infinity ? top : Math.min(top, quarterNumber(first, fy));
  if (!(top - base <= 32_000)) return null;
  return {
    asOf,
    mode,
    eligible,
    ...patternsOf(reach),
    quarterBase: base,
    quarters: quartersOf(reach, base, top, fy),
    ...amountsOf(reach),
    ...reentriesOf(ds, eligible, asOf),
    conversionDurations: STAGE_PAIRS.map((p) =>
      durations(eligible, reach.reached[p.to], null, reach.at[p.from], reach.at[p.to], false),
    ),
    stageDurations: STEP_STAGES.slice(1).map((to, k) => {
      const from = STEP_STAGES[k]!;
      return durations(
        eligible,
        reach.recorded[to],
        reach.recorded[from],
        reach.recordedAt[from],
        reach.recordedAt[to],
        true,
      );
    }),
  };
}

function patternsOf(reach: StageReach) {
  const n = reach.inScope.length;
  const reached = REACH_STAGES.map((s) => reach.reached[s]);
  const skipped = SKIPPABLE_STAGES.map((s) => reach.skipped[s]);
  const index = new Int16Array(1 << 12).fill(-1); // by reached bits | skipped bits << 8
  const reachedBits: number[] = [];
  const skippedBits: number[] = [];
  const pattern = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    if (!reach.inScope[i]) continue;
    let r = 0;
    for (let k = 0; k < reached.length; k++) if (reached[k]![i]) r |= 1 << k;
    let s = 0;
    for (let k = 0; k < skipped.length; k++) if (skipped[k]![i]) s |= 1 << k;
    const key = r | (s << 8);
    let p = index[key]!;
    if (p < 0) {
      index[key] = p = reachedBits.length;
      reachedBits.push(r);
      skippedBits.push(s);
    }
    pattern[i] = p;
  }
  return { pattern, reachedBits: Uint8Array.from(reachedBits), skippedBits: Uint8Array.from(skippedBits) };
}

function quartersOf(reach: StageReach, base: number, top: number, fy: number): Int16Array {
  const n = reach.inScope.length;
  const out = new Int16Array(n * QUARTER_STAGES).fill(-1);
  // starts[k]: the first instant of quarter base + k; quarter base + k holds [starts[k], starts[k + 1]).
  const starts = new Float64Array(top - base + 2);
  for (let k = 0; k < starts.length; k++) starts[k] = quarterStartOf(base + k, fy);
  const last = starts[starts.length - 1]!;
  const end = Number.isNaN(last) ? Infinity : last; // asOf's quarter is the last a Date can hold
  for (let k = 0; k < QUARTER_STAGES; k++) {
    const s = REACH_STAGES[k]!;
    const reached = reach.reached[s];
    const at = reach.at[s];
    for (let i = 0; i < n; i++) {
      if (!reach.inScope[i] || !reached[i]) continue;
      const t = Math.trunc(at[i]!); // as quarterNumber: a Date drops the fraction of a millisecond
      // Before offset 0, after asOf's quarter, unknown, or beyond a Date (quarterNumber: NaN).
      if (!(t >= starts[0]! && t < end && t <= 8.64e15)) continue;
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      out[i * QUARTER_STAGES + k] = lo;
    }
  }
  return out;
}

function amountsOf(reach: StageReach) {
  const { inScope, amountCents, wonCents } = reach;
  let m = 0;
  for (let i = 0; i < inScope.length; i++) if (inScope[i] && (amountCents[i] !== 0 || wonCents[i] !== 0)) m++;
  const out = { amountLeads: new Uint32Array(m), amountCents: new Float64Array(m), wonCents: new Float64Array(m) };
  for (let i = 0, x = 0; i < inScope.length; i++) {
    if (!inScope[i] || (amountCents[i] === 0 && wonCents[i] === 0)) continue;
    out.amountLeads[x] = i;
    out.amountCents[x] = amountCents[i]!;
    out.wonCents[x++] = wonCents[i]!;
  }
  return out;
}

/** As `countReentries`: a lead stage entered at least twice by asOf. */
function reentriesOf(ds: Dataset, eligible: Uint8Array, asOf: number) {
  const { start, stage, at } = ds.leads.events;
  const leads: number[] = [];
  const bits: number[] = [];
  for (let i = 0; i < eligible.length; i++) {
    if (!eligible[i]) continue;
    let once = 0;
    let twice = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      if (!(at[e]! <= asOf)) continue;
      const b = 1 << stage[e]!;
      if (once & b) twice |= b;
      once |= b;
    }
    if (twice !== 0) {
      leads.push(i);
      bits.push(twice);
    }
  }
  return { reentryLeads: Uint32Array.from(leads), reentryBits: Uint16Array.from(bits) };
}

/**
 * B − A of the eligible leads with `keep` (and `keepToo`, when given) set: those whose duration in
 * days is ≥ 0, and with `negative` those below 0 too (never an unknown duration), sorted ascending.
 */
function durations(
  eligible: Uint8Array,
  keep: Uint8Array,
  keepToo: Uint8Array | null,
  a: Float64Array,
  b: Float64Array,
  negative: boolean,
): Durations {
  const n = eligible.length;
  const kept = (i: number) => {
    if (!eligible[i] || !keep[i] || (keepToo !== null && !keepToo[i])) return false;
    const d = (b[i]! - a[i]!) / DAY_MS;
    return d >= 0 || (negative && d < 0);
  };
  let m = 0;
  for (let i = 0; i < n; i++) if (kept(i)) m++;
  const leads = new Uint32Array(m);
  const ms = new Float64Array(m);
  for (let i = 0, x = 0; i < n; i++) {
    if (!kept(i)) continue;
    leads[x] = i;
    ms[x++] = b[i]! - a[i]!;
  }
  const order = sortedOrder(ms);
  const out = { ms: new Float64Array(m), lead: new Uint32Array(m) };
  for (let x = 0; x < m; x++) {
    out.ms[x] = ms[order[x]!]!;
    out.lead[x] = leads[order[x]!]!;
  }
  return out;
}

const timesCache = new WeakMap<LeadFacts, readonly Float64Array[]>();

/**
 * Entry instants of the funnel steps (STEP_STAGES order, in the facts' mode) per lead: what a
 * conversion window needs. Computed the first time a window is asked for, then kept with the facts.
 */
export function stepTimes(ds: Dataset, facts: LeadFacts): readonly Float64Array[] {
  let times = timesCache.get(facts);
  if (!times) {
    const reach = computeReach(ds, leadMask(ds, {}), facts.asOf, facts.mode);
    times = STEP_STAGES.map((s) => reach.at[s]);
    timesCache.set(facts, times);
  }
  return times;
}
