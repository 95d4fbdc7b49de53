/**
 * SQO hygiene (SPEC §7): the four detectors with their figures, over the filtered opportunities as
 * of a date. The marketing-sourced detector flags the deals that "any touch ever" credits to
 * marketing but "first touch within the window before SQO" does not.
 */
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

export interface MarketingShare {
  /** Σ amount of the opportunities considered (the SQO pipeline), cents. */
  readonly totalCents: number;
  readonly anyTouchCents: number;
  readonly firstTouchCents: number;
  /** anyTouchCents ÷ totalCents; null when the total is 0. */
  readonly anyTouch: number | null;
  /** firstTouchCents ÷ totalCents; null when the total is 0. */
  readonly firstTouchWindow: number | null;
}

export interface HygieneResult {
  readonly rules: HygieneRules;
  readonly fastTrack: DetectorFigures & { readonly detail: FastTrackDetail };
  readonly passThrough: DetectorFigures & { readonly detail: PassThroughDetail };
  readonly restaged: DetectorFigures & { readonly detail: RestageDetail };
  readonly marketing: DetectorFigures & { readonly detail: MarketingDetail; readonly share: MarketingShare };
}

export interface HygieneOptions {
  readonly asOf: number;
  readonly mask?: Uint8Array;
  readonly rules?: HygieneRules;
}

function marketingShare(ds: Dataset, d: MarketingDetail, asOf: number, mask?: Uint8Array): MarketingShare {
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
    anyTouch: total === 0 ? null : any / total,
    firstTouchWindow: total === 0 ? null : first / total,
  };
}

export function runHygiene(ds: Dataset, opts: HygieneOptions): HygieneResult {
  const rules = opts.rules ?? DEFAULT_HYGIENE_RULES;
  const { asOf, mask } = opts;
  const ft = detectFastTrack(ds, rules.fastTrack);
  const pt = detectPassThrough(ds, rules.passThrough);
  const rs = detectRestage(ds, rules.restage);
  const mk = detectMarketingCredit(ds, rules.marketing);
  const overCredited = Uint8Array.from(mk.anyTouch, (a, j) => (a && !mk.firstTouchWindow[j] ? 1 : 0));
  return {
    rules,
    fastTrack: { ...detectorFigures(ds, ft.reason, asOf, mask), detail: ft },
    passThrough: { ...detectorFigures(ds, pt.flags, asOf, mask), detail: pt },
    restaged: { ...detectorFigures(ds, rs.flags, asOf, mask), detail: rs },
    marketing: { ...detectorFigures(ds, overCredited, asOf, mask), detail: mk, share: marketingShare(ds, mk, asOf, mask) },
  };
}
