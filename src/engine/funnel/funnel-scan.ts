/**
 * The Funnel view's figures from the lead facts (`lead-facts.ts`) and the leads in scope: one pass
 * over those leads counts them per group and pattern of reached stages, per quarter of each stage
 * entry and per conversion outcome; amounts and re-entries come from short lists of the leads that
 * have any; medians walk each pair's durations, kept sorted, picking the leads in scope. Every count
 * is an integer and every sum adds the same numbers in the same (lead) order as the per-lead
 * definitions, so the figures are equal to theirs (`reachFigures`) to the last bit.
 */
import type { Dataset } from '../model/columns';
import { LEAD_STAGES } from '../model/stages';
import { DAY_MS, quarterIndexOf } from '../time';
import type { CohortCell, CohortConversion, PeriodCell } from './conversion';
import {
  GROUPED_PAIRS,
  type ConversionFigures,
  type FigureOptions,
  type FunnelFigures,
  type GroupedPair,
  type LeadScope,
} from './figure-types';
import { NONE_LABEL } from './groups';
import { QUARTER_STAGES, stepTimes, type Durations, type LeadFacts } from './lead-facts';
import { quarterPeriods, type Period } from './periods';
import { REACH_STAGES, SKIPPABLE_STAGES, STEP_STAGES } from './reach';
import { quantileOfSorted, rateEstimate, ratio } from './stats';
import { finishTally, newTallyAcc, STAGE_PAIRS, type FunnelTally, type PairKey, type TallyAcc } from './tally';
import { stageDuration, type StageDuration } from './time-in-stage';
import type { ClosedWinRate } from './win-rate';

const PAIRS = STAGE_PAIRS.length;
const STEPS = STEP_STAGES.length;
const stageIndex = (s: string) => (REACH_STAGES as readonly string[]).indexOf(s);
const FROM = STAGE_PAIRS.map((p) => stageIndex(p.from));
const TO = STAGE_PAIRS.map((p) => stageIndex(p.to));
const WON_AT = stageIndex('won');
const LOST_AT = stageIndex('lost');
const WON = 1 << WON_AT;
const LOST = 1 << LOST_AT;
const CLOSED = LOST | (1 << stageIndex('disqualified'));
/** Cohort outcomes: converted, still open, neither (closed out, or past the window). */
const CONVERTED = 0;
const OPEN = 1;
const OTHER = 2;

interface Counts {
  /** Leads per group × pattern. */
  readonly byPattern: Int32Array;
  /** Cohort basis: leads per group × pair × period × outcome. */
  readonly cohort: Int32Array | null;
  /** Period basis: entries per group × step stage × period. */
  readonly entries: Int32Array | null;
  readonly won: Int32Array;
  readonly lost: Int32Array;
}

export function scanFigures(ds: Dataset, facts: LeadFacts, scope: LeadScope, opts: FigureOptions): FunnelFigures {
  const fy = ds.meta.fiscalYearStartMonth;
  const periods = quarterPeriods(scope.first, facts.asOf, fy);
  const G = opts.groups.labels.length + 1;
  const counts = countLeads(ds, facts, scope, opts, periods);
  const tallies = tallyOf(facts, scope, opts, counts.byPattern);
  const grouped = { labels: [] as string[], tallies: [] as FunnelTally[] };
  tallies.groups.forEach((acc, g) => {
    if (acc.counts.lead === 0) return; // groups without a lead in scope are left out
    grouped.labels.push(g === G - 1 ? NONE_LABEL : opts.groups.labels[g]!);
    grouped.tallies.push(finishTally(acc));
  });
  const P = periods.length;
  const scratch = new Float64Array(scope.count);
  const typical = new Map<number, number | null>();
  const typicalOf = (k: number) => {
    if (!typical.has(k)) typical.set(k, typicalDays(facts.conversionDurations[k]!, scope.mask, scratch));
    return typical.get(k)!;
  };
  const conversion = (k: number, grouped: boolean): ConversionFigures => {
    const rows = grouped ? G : 1;
    if (counts.cohort) {
      const c = counts.cohort;
      return { basis: 'cohort', cohort: cohortOf(k, rows, G, c, periods, facts.asOf, opts.windowDays, typicalOf(k)) };
    }
    const cells = Array.from({ length: rows }, (_, r) =>
      periods.map((period, p): PeriodCell => {
        let from = 0;
        let to = 0;
        for (let g = grouped ? r : 0; g < (grouped ? r + 1 : G); g++) {
          from += counts.entries![(g * STEPS + FROM[k]!) * P + p]!;
          to += counts.entries![(g * STEPS + TO[k]!) * P + p]!;
        }
        return { period: period.label, enteredFrom: from, enteredTo: to, rate: ratio(to, from) };
      }),
    );
    return { basis: 'period', cells };
  };
  const pairIndex = (key: PairKey) => STAGE_PAIRS.findIndex((p) => p.key === key);
  return {
    mode: facts.mode,
    asOf: facts.asOf,
    periods,
    total: finishTally(tallies.total),
    grouped: { dimension: opts.groups.name, ...grouped },
    reentries: reentriesOf(facts, scope.mask),
    conversions: Object.fromEntries(STAGE_PAIRS.map((p, k) => [p.key, conversion(k, false)])) as Record<
      PairKey,
      ConversionFigures
    >,
    groupedConversions: Object.fromEntries(
      GROUPED_PAIRS.map((key) => [key, conversion(pairIndex(key), true)]),
    ) as Record<GroupedPair, ConversionFigures>,
    timeInStage: timeInStageOf(facts, scope.mask, scratch),
    closedWinRates: periods.map((period, p): ClosedWinRate => {
      const won = counts.won[p]!;
      const lost = counts.lost[p]!;
      return { period: period.label, won, lost, ...rateEstimate(won, won + lost) };
    }),
  };
}

/** The one pass over the leads in scope. */
function countLeads(
  ds: Dataset,
  facts: LeadFacts,
  scope: LeadScope,
  opts: FigureOptions,
  periods: readonly Period[],
): Counts {
  const codes = opts.groups.codes;
  const G = opts.groups.labels.length;
  const NP = facts.reachedBits.length;
  const P = periods.length;
  // Quarter offset (in the facts) of the first period: that of the earliest creation in scope.
  const first = P > 0 ? quarterIndexOf(scope.first, ds.meta.fiscalYearStartMonth) - facts.quarterBase : 0;
  const byPattern = new Int32Array((G + 1) * NP);
  const cohort = opts.basis === 'cohort' ? new Int32Array((G + 1) * PAIRS * P * 3) : null;
  const entries = opts.basis === 'period' ? new Int32Array((G + 1) * STEPS * P) : null;
  const won = new Int32Array(P);
  const lost = new Int32Array(P);
  const { quarters, pattern, reachedBits } = facts;
  // Without a window a lead's cohort outcome follows from its pattern alone.
  const outcome = new Int8Array(NP * PAIRS);
  for (let p = 0; p < NP; p++) {
    const r = reachedBits[p]!;
    for (let k = 0; k < PAIRS; k++)
      outcome[p * PAIRS + k] = !((r >> FROM[k]!) & 1) ? -1 : (r >> TO[k]!) & 1 ? CONVERTED : r & CLOSED ? OTHER : OPEN;
  }
  const windowMs = opts.windowDays == null ? Infinity : opts.windowDays * DAY_MS;
  const times = cohort && opts.windowDays != null ? stepTimes(ds, facts) : null;
  const asOf = facts.asOf;
  const mask = scope.mask;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const c = codes[i]!;
    const g = c < 0 || c >= G ? G : c;
    const pat = pattern[i]!;
    byPattern[g * NP + pat]!++;
    const at = i * QUARTER_STAGES;
    const r = reachedBits[pat]!;
    if (cohort) {
      for (let k = 0; k < PAIRS; k++) {
        let o = outcome[pat * PAIRS + k]!;
        if (o < 0) continue;
        const q = quarters[at + FROM[k]!]! - first;
        if (q < 0 || q >= P) continue;
        if (times) {
          const a = times[FROM[k]!]![i]!;
          const reachedB = (r >> TO[k]!) & 1;
          o =
            reachedB && times[TO[k]!]![i]! - a <= windowMs
              ? CONVERTED
              : !reachedB && !(r & CLOSED) && asOf - a < windowMs
                ? OPEN
                : OTHER;
        }
        cohort[((g * PAIRS + k) * P + q) * 3 + o]!++;
      }
    } else {
      for (let s = 0; s < STEPS; s++) {
        const q = quarters[at + s]! - first;
        if (q >= 0 && q < P) entries![(g * STEPS + s) * P + q]!++;
      }
    }
    const closed = r & WON ? WON_AT : r & LOST ? LOST_AT : -1;
    if (closed >= 0) {
      const q = quarters[at + closed]! - first;
      if (q >= 0 && q < P) (r & WON ? won : lost)[q]!++;
    }
  }
  return { byPattern, cohort, entries, won, lost };
}

/** Stage counts, pairs and skips per group from the pattern counts; amounts from the leads that have any. */
function tallyOf(facts: LeadFacts, scope: LeadScope, opts: FigureOptions, byPattern: Int32Array) {
  const G = opts.groups.labels.length;
  const NP = facts.reachedBits.length;
  const groups = Array.from({ length: G + 1 }, newTallyAcc);
  const total = newTallyAcc();
  for (let g = 0; g <= G; g++) {
    for (let p = 0; p < NP; p++) {
      const n = byPattern[g * NP + p]!;
      if (n === 0) continue;
      for (const acc of [groups[g]!, total]) addPattern(acc, facts.reachedBits[p]!, facts.skippedBits[p]!, n);
    }
  }
  // Amounts in lead order, as the per-lead tally adds them (sums of cents may exceed 2^53).
  const { amountLeads, amountCents, wonCents, pattern, reachedBits } = facts;
  const codes = opts.groups.codes;
  for (let x = 0; x < amountLeads.length; x++) {
    const i = amountLeads[x]!;
    if (!scope.mask[i]) continue;
    const c = codes[i]!;
    const acc = groups[c < 0 || c >= G ? G : c]!;
    const r = reachedBits[pattern[i]!]!;
    for (let k = 0; k < REACH_STAGES.length; k++) {
      if (!((r >> k) & 1)) continue;
      const s = REACH_STAGES[k]!;
      const v = k === WON_AT ? wonCents[x]! : amountCents[x]!;
      acc.amountCents[s] += v;
      total.amountCents[s] += v;
    }
  }
  return { groups, total };
}

function addPattern(acc: TallyAcc, reached: number, skipped: number, n: number): void {
  for (let k = 0; k < REACH_STAGES.length; k++) if ((reached >> k) & 1) acc.counts[REACH_STAGES[k]!] += n;
  for (let k = 0; k < PAIRS; k++)
    if ((reached >> FROM[k]!) & 1 && (reached >> TO[k]!) & 1) acc.both[STAGE_PAIRS[k]!.key] += n;
  for (let k = 0; k < SKIPPABLE_STAGES.length; k++) if ((skipped >> k) & 1) acc.skipped[SKIPPABLE_STAGES[k]!] += n;
}

/** `cohortConversion`'s result for pair k: one row, or one per group. */
function cohortOf(
  k: number,
  rows: number,
  G: number,
  cohort: Int32Array,
  periods: readonly Period[],
  asOf: number,
  windowDays: number | null,
  typical: number | null,
): CohortConversion {
  const P = periods.length;
  const maturity = windowDays ?? typical;
  const cells = Array.from({ length: rows }, (_, r) =>
    periods.map((period, p): CohortCell => {
      const n = [0, 0, 0];
      for (let g = rows === 1 ? 0 : r; g < (rows === 1 ? G : r + 1); g++)
        for (let o = 0; o < 3; o++) n[o]! += cohort[((g * PAIRS + k) * P + p) * 3 + o]!;
      const entered = n[CONVERTED]! + n[OPEN]! + n[OTHER]!;
      return {
        period: period.label,
        entered,
        converted: n[CONVERTED]!,
        stillOpen: n[OPEN]!,
        rate: ratio(n[CONVERTED]!, entered),
        openShare: ratio(n[OPEN]!, entered),
        immature: maturity !== null && asOf - period.end < maturity * DAY_MS,
      };
    }),
  );
  return { pair: STAGE_PAIRS[k]!, typicalDays: typical, maturityDays: maturity, cells };
}

/**
 * The days of a pair's durations whose lead is in scope, ascending, written into `scratch` (room for
 * every lead in scope: a lead has at most one duration per pair) and valid until its next use.
 */
function daysInScope(d: Durations, mask: Uint8Array, scratch: Float64Array): { days: Float64Array; negative: number } {
  const days = scratch;
  let n = 0;
  let negative = 0;
  for (let x = 0; x < d.ms.length; x++) {
    if (!mask[d.lead[x]!]) continue;
    const v = d.ms[x]! / DAY_MS;
    if (v >= 0) days[n++] = v;
    else negative++;
  }
  return { days: days.subarray(0, n), negative };
}

/** Median days A→B of the leads in scope that reached B (`typicalDays`). */
function typicalDays(d: Durations, mask: Uint8Array, scratch: Float64Array): number | null {
  return quantileOfSorted(daysInScope(d, mask, scratch).days, 0.5);
}

function timeInStageOf(facts: LeadFacts, mask: Uint8Array, scratch: Float64Array): StageDuration[] {
  return facts.stageDurations.map((d, k) => {
    const { days, negative } = daysInScope(d, mask, scratch);
    return stageDuration(STEP_STAGES[k]!, STEP_STAGES[k + 1]!, days, negative);
  });
}

function reentriesOf(facts: LeadFacts, mask: Uint8Array): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(LEAD_STAGES.map((s) => [s, 0]));
  for (let x = 0; x < facts.reentryLeads.length; x++) {
    if (!mask[facts.reentryLeads[x]!]) continue;
    const bits = facts.reentryBits[x]!;
    for (let s = 0; s < LEAD_STAGES.length; s++) if ((bits >> s) & 1) out[LEAD_STAGES[s]!]!++;
  }
  return out;
}
