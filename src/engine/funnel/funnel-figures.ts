/**
 * Every figure of the Funnel view for one filter: the stage tally (in total and per group of the
 * breakdown), re-entries, conversion by quarter for every stage pair (MQL→SQO and SQL→SQO also per
 * group), time in stage and win rates by quarter.
 *
 * `reachFigures` computes them from a stage reach by the per-lead definitions (tally.ts,
 * conversion.ts, time-in-stage.ts, win-rate.ts, reentries.ts). `funnelFigures` gives the same figures,
 * equal to the last bit, from the lead facts kept per dataset (`lead-facts.ts`): a filter change is
 * one pass over the leads in scope through small typed arrays, then walks over the sorted stage
 * durations for the medians. A property test holds the two equal.
 */
import { leadMask, NO_SOURCE, type Filters } from '../filters/filters';
import type { Dataset } from '../model/columns';
import { SEGMENTS } from '../segments';
import { cohortConversion, periodConversion } from './conversion';
import type { ConversionFigures, FigureOptions, FunnelFigures, LeadScope } from './figure-types';
import { scanFigures } from './funnel-scan';
import type { GroupCodes } from './groups';
import { leadSegmentCodes } from './groups';
import { leadFacts } from './lead-facts';
import { funnelPeriods } from './periods';
import { computeReach, type FunnelMode, type StageReach } from './reach';
import { countReentries } from './reentries';
import { pairOf, STAGE_PAIRS, tallyByGroup, tallyFunnel, type PairKey } from './tally';
import { timeInStage } from './time-in-stage';
import { closedWinRates } from './win-rate';

export type {
  ConversionBasis,
  ConversionFigures,
  FigureOptions,
  FunnelFigures,
  GroupedPair,
  LeadScope,
} from './figure-types';

/** The figures of the leads a stage reach holds in scope, by the per-lead definitions. */
export function reachFigures(ds: Dataset, reach: StageReach, opts: FigureOptions): FunnelFigures {
  const periods = funnelPeriods(reach, ds.meta.fiscalYearStartMonth);
  const conversion = (key: PairKey, groups?: GroupCodes): ConversionFigures => {
    const pair = pairOf(key);
    return opts.basis === 'cohort'
      ? { basis: 'cohort', cohort: cohortConversion(reach, pair, { periods, windowDays: opts.windowDays, groups }) }
      : { basis: 'period', cells: periodConversion(reach, pair, { periods, groups }) };
  };
  return {
    mode: reach.mode,
    asOf: reach.asOf,
    periods,
    total: tallyFunnel(reach),
    grouped: tallyByGroup(reach, opts.groups),
    reentries: countReentries(ds, reach),
    conversions: Object.fromEntries(STAGE_PAIRS.map((p) => [p.key, conversion(p.key)])) as Record<
      PairKey,
      ConversionFigures
    >,
    groupedConversions: {
      mqlToSqo: conversion('mqlToSqo', opts.groups),
      sqlToSqo: conversion('sqlToSqo', opts.groups),
    },
    timeInStage: timeInStage(reach),
    closedWinRates: closedWinRates(reach, periods),
  };
}

/**
 * The Funnel view's figures for the leads the filters keep (bots never; created by asOf), as
 * `reachFigures(ds, computeReach(ds, leadMask(ds, filters), asOf, mode), opts)` gives them.
 */
export function funnelFigures(
  ds: Dataset,
  filters: Filters,
  asOf: number,
  mode: FunnelMode,
  opts: FigureOptions,
): FunnelFigures {
  const facts = leadFacts(ds, asOf, mode);
  if (!facts) return reachFigures(ds, computeReach(ds, leadMask(ds, filters), asOf, mode), opts);
  return scanFigures(ds, facts, scopeOf(ds, facts.eligible, filters, maskOf(facts)), opts);
}

const masks = new WeakMap<object, Uint8Array>();

/** A lead mask kept with the facts and rewritten by every call (a megabyte per million leads not allocated each time). */
function maskOf(facts: { readonly eligible: Uint8Array }): Uint8Array {
  let mask = masks.get(facts);
  if (!mask) masks.set(facts, (mask = new Uint8Array(facts.eligible.length)));
  return mask;
}

/** The eligible leads that pass the filters, exactly as `leadMask` decides. */
function scopeOf(ds: Dataset, eligible: Uint8Array, f: Filters, mask: Uint8Array): LeadScope {
  const L = ds.leads;
  const n = L.count;
  mask.fill(0);
  const wanted = f.sources && f.sources.length > 0 ? new Set(f.sources) : null;
  const sourceOk = wanted ? Uint8Array.from(L.source.values, (v) => (wanted.has(v) ? 1 : 0)) : null;
  const keepNoSource = f.sources?.includes(NO_SOURCE) ?? true;
  const segmentOk =
    f.segments && f.segments.length ? Uint8Array.from(SEGMENTS, (s) => (f.segments!.includes(s) ? 1 : 0)) : null;
  const segment = segmentOk ? leadSegmentCodes(ds) : null;
  const owners = f.owners && f.owners.length > 0 ? leadMask(ds, { owners: f.owners }) : null;
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  const dated = f.from !== undefined || f.to !== undefined; // an eligible lead has a creation instant
  const created = L.createdAt;
  const source = L.source.codes;
  let m = 0;
  let first = Infinity;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const t = created[i]!;
    if (dated && !(t >= from && t < to)) continue;
    if (sourceOk) {
      const c = source[i]!;
      if (c < 0 ? !keepNoSource : !sourceOk[c]) continue;
    }
    if (segmentOk && !segmentOk[segment![i]!]) continue;
    if (owners && !owners[i]) continue;
    mask[i] = 1;
    m++;
    if (t < first) first = t;
  }
  return { mask, count: m, first };
}
