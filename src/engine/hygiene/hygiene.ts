/**
 * SQO hygiene (SPEC §7): the four detectors with their figures, over the filtered opportunities as
 * of a date. The marketing-sourced detector flags the deals that "any touch ever" credits to
 * marketing but "first touch within the window before SQO" does not.
 */
import {
  criteriaRecorded,
  datasetCapabilities,
  missingFor,
  needsText,
  type Capabilities,
  type Capability,
  type NotMeasurable,
} from '../capabilities';
import { summableCents, type Dataset } from '../model/columns';
import { statusAt } from '../forecast/opportunity-time';
import { detectorFigures, type DetectorFigures } from './cohorts';
import {
  detectFastTrack,
  detectMarketingCredit,
  detectPassThrough,
  detectRestage,
  type FastTrackDetail,
  type MarketingDetail,
  type PassThroughDetail,
  type RestageDetail,
} from './detectors';
import { DEFAULT_HYGIENE_RULES, type HygieneRules } from './rules';

/** Whether a detector could run on this dataset, and what it could not check. */
export interface DetectorMeasurability {
  /** Null when the detector ran; else why it could not (its figures are then not shown). */
  readonly notMeasurable: NotMeasurable | null;
  /** Parts of the rule left unchecked for lack of data. */
  readonly unchecked: readonly UncheckedPart[];
}

/** A part of the fast-track rule the data cannot check, and the inputs it would need. */
export interface UncheckedPart {
  /** `sqlTiming`: the time from SQL to SQO; `criteria`: the required qualification criteria. */
  readonly part: 'sqlTiming' | 'criteria';
  readonly needs: readonly Capability[];
}

export interface MarketingShare {
  /** Σ amount of the opportunities considered (the SQO pipeline), cents. */
  readonly totalCents: number;
  readonly anyTouchCents: number;
  readonly firstTouchCents: number;
  /** anyTouchCents ÷ totalCents; null when the total is 0 or there are no touches. */
  readonly anyTouch: number | null;
  /** firstTouchCents ÷ totalCents; null when the total is 0 or there are no touches. */
  readonly firstTouchWindow: number | null;
}

type Figures = DetectorFigures & DetectorMeasurability;

export interface HygieneResult {
  readonly rules: HygieneRules;
  readonly capabilities: Capabilities;
  readonly fastTrack: Figures & { readonly detail: FastTrackDetail };
  readonly passThrough: Figures & { readonly detail: PassThroughDetail };
  readonly restaged: Figures & { readonly detail: RestageDetail };
  readonly marketing: Figures & { readonly detail: MarketingDetail; readonly share: MarketingShare };
}

export interface HygieneOptions {
  readonly asOf: number;
  readonly mask?: Uint8Array;
  readonly rules?: HygieneRules;
}

function marketingShare(
  ds: Dataset,
  d: MarketingDetail,
  asOf: number,
  measurable: boolean,
  mask?: Uint8Array,
): MarketingShare {
  const O = ds.opportunities;
  let total = 0;
  let any = 0;
  let first = 0;
  for (let j = 0; j < O.count; j++) {
    if ((mask && !mask[j]) || statusAt(ds, j, asOf) < 0) continue;
    const a = summableCents(O.amountCents[j]!);
    total += a;
    if (d.anyTouch[j]) any += a;
    if (d.firstTouchWindow[j]) first += a;
  }
  return {
    totalCents: total,
    anyTouchCents: any,
    firstTouchCents: first,
    anyTouch: total === 0 || !measurable ? null : any / total,
    firstTouchWindow: total === 0 || !measurable ? null : first / total,
  };
}

const ran = (caps: Capabilities, required: readonly Capability[]): DetectorMeasurability => ({
  notMeasurable: missingFor(caps, ['opportunities', ...required]),
  unchecked: [],
});

/**
 * Fast-track has two parts (SPEC §10): the SQL→SQO time, which needs SQL dates on leads linked to
 * the deals, and the required criteria, which need recorded criteria. Each part runs only where the
 * data carries it; with neither, the detector is not measurable.
 */
function fastTrackMeasurability(
  ds: Dataset,
  caps: Capabilities,
  rules: HygieneRules,
): DetectorMeasurability & { sqlTiming: boolean; criteria: boolean } {
  const timingNeeds: Capability[] = caps.has.sqlDates
    ? caps.has.leadLinks
      ? []
      : ['leadLinks']
    : caps.has.leads
      ? ['sqlDates']
      : ['leads', 'sqlDates'];
  const sqlTiming = timingNeeds.length === 0;
  const criteria =
    rules.fastTrack.requiredCriteria.length > 0 && criteriaRecorded(ds, rules.fastTrack.requiredCriteria);
  const criteriaNeeds: Capability[] =
    criteria || rules.fastTrack.requiredCriteria.length === 0 ? [] : ['qualification'];
  if (!caps.has.opportunities)
    return { notMeasurable: missingFor(caps, ['opportunities']), unchecked: [], sqlTiming, criteria };
  if (!sqlTiming && !criteria) {
    const needs = [...timingNeeds, ...criteriaNeeds];
    return { notMeasurable: { needs, reason: needsText(needs) }, unchecked: [], sqlTiming, criteria };
  }
  const unchecked: UncheckedPart[] = [
    ...(sqlTiming ? [] : [{ part: 'sqlTiming' as const, needs: timingNeeds }]),
    ...(criteriaNeeds.length ? [{ part: 'criteria' as const, needs: criteriaNeeds }] : []),
  ];
  return { notMeasurable: null, unchecked, sqlTiming, criteria };
}

export function runHygiene(ds: Dataset, opts: HygieneOptions): HygieneResult {
  const rules = opts.rules ?? DEFAULT_HYGIENE_RULES;
  const { asOf, mask } = opts;
  const caps = datasetCapabilities(ds);
  const ftm = fastTrackMeasurability(ds, caps, rules);
  const ptm = ran(caps, ['touches', 'sourcedBy']);
  const rsm = ran(caps, ['stageHistory']);
  const mkm = ran(caps, ['touches']);
  const ft = detectFastTrack(ds, rules.fastTrack, ftm);
  const pt = detectPassThrough(ds, rules.passThrough);
  const rs = detectRestage(ds, rules.restage);
  const mk = detectMarketingCredit(ds, rules.marketing);
  const overCredited = Uint8Array.from(mk.anyTouch, (a, j) => (a && !mk.firstTouchWindow[j] ? 1 : 0));
  const { notMeasurable, unchecked } = ftm;
  return {
    rules,
    capabilities: caps,
    fastTrack: { ...detectorFigures(ds, ft.reason, asOf, mask), notMeasurable, unchecked, detail: ft },
    passThrough: { ...detectorFigures(ds, pt.flags, asOf, mask), ...ptm, detail: pt },
    restaged: { ...detectorFigures(ds, rs.flags, asOf, mask), ...rsm, detail: rs },
    marketing: {
      ...detectorFigures(ds, overCredited, asOf, mask),
      ...mkm,
      detail: mk,
      share: marketingShare(ds, mk, asOf, mkm.notMeasurable === null, mask),
    },
  };
}
