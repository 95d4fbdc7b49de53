/** SQO hygiene: the four detectors' figures and the opportunities behind each, as view-models. */
import { opportunityMask, type Filters } from '../../engine/filters/filters';
import type { DetectorFigures } from '../../engine/hygiene/cohorts';
import { firstTouch, FT_CRITERIA, FT_FAST, FT_NO_SQL, sqoInstant } from '../../engine/hygiene/detectors';
import type { Capability } from '../../engine/capabilities';
import { runHygiene, type HygieneResult, type MarketingShare, type UncheckedPart } from '../../engine/hygiene/hygiene';
import type { HygieneRules } from '../../engine/hygiene/rules';
import { dictValue, type Dataset } from '../../engine/model/columns';
import { OPPORTUNITY_STATUSES } from '../../engine/model/stages';
import { isoDate } from '../../engine/time';
import { requireDataset, type EngineState } from '../state';

export type DetectorKey = 'fastTrack' | 'passThrough' | 'restaged' | 'marketing';

/** One flagged opportunity, with what made the detector flag it. */
export interface HygieneRow {
  readonly id: string;
  readonly owner: string;
  /** ISO date of the SQO. */
  readonly sqoDate: string;
  readonly amountCents: number;
  readonly status: string;
  readonly stage: string;
  readonly sourcedBy: string;
  /** Fast-track: hours from SQL to SQO (null without SQL entry). */
  readonly hoursSqlToSqo?: number | null;
  /** Fast-track: why (`no SQL`, `fast`, `criteria`). */
  readonly reasons?: readonly ('no SQL' | 'fast' | 'criteria')[];
  /** Fast-track: required criteria false or unrecorded. */
  readonly missing?: readonly string[];
  /** Pass-through and marketing: channel of the first touch ('' when none). */
  readonly firstChannel?: string;
  /** Marketing: ISO date of the first touch (null when none). */
  readonly firstTouchDate?: string | null;
  /** Re-stage: ISO date the deal went back to the earlier stage. */
  readonly restagedOn?: string;
}

/** A detector's engine figures, with its flagged opportunities as rows to list. */
export interface DetectorView extends Omit<DetectorFigures, 'rows'> {
  readonly key: DetectorKey;
  /** The inputs the dataset lacks to run this detector (its figures are then 0 and not shown); null when it ran. */
  readonly notMeasurable: readonly Capability[] | null;
  /** Parts of the rule the data cannot check, and what each needs. */
  readonly unchecked: readonly UncheckedPart[];
  readonly rows: readonly HygieneRow[];
}

export interface HygieneView {
  readonly currency: string;
  readonly asOf: string;
  readonly rules: HygieneRules;
  readonly detectors: readonly DetectorView[];
  readonly marketingShare: MarketingShare;
}

export interface HygieneInput {
  readonly filters: Filters;
  readonly rules: HygieneRules;
}

export interface HygieneHandlers {
  hygiene(input: HygieneInput): Promise<HygieneView>;
}

function baseRow(ds: Dataset, j: number): HygieneRow {
  const O = ds.opportunities;
  return {
    id: O.id[j]!,
    owner: dictValue(O.owner, j) ?? '',
    sqoDate: isoDate(sqoInstant(ds, j)),
    amountCents: O.amountCents[j]!,
    status: OPPORTUNITY_STATUSES[O.status[j]!] ?? '',
    stage: dictValue(O.stage, j) ?? '',
    sourcedBy: dictValue(O.sourcedBy, j) ?? '',
  };
}

function firstTouchOf(ds: Dataset, j: number): { firstChannel: string; firstTouchDate: string | null } {
  const t = firstTouch(ds, j);
  if (t < 0) return { firstChannel: '', firstTouchDate: null };
  const c = ds.touches.channel.codes[t]!;
  return { firstChannel: c < 0 ? '' : ds.touches.channel.values[c]!, firstTouchDate: isoDate(ds.touches.at[t]!) };
}

export function hygieneView(ds: Dataset, input: HygieneInput): HygieneView {
  const asOf = ds.meta.latestAt;
  const h: HygieneResult = runHygiene(ds, { asOf, mask: opportunityMask(ds, input.filters), rules: input.rules });
  const view = (key: DetectorKey, rowOf: (j: number) => HygieneRow): DetectorView => {
    const d = h[key];
    return {
      key,
      notMeasurable: d.notMeasurable?.needs ?? null,
      unchecked: d.unchecked,
      considered: d.considered,
      count: d.count,
      amountCents: d.amountCents,
      openAmountCents: d.openAmountCents,
      flagged: d.flagged,
      clean: d.clean,
      rows: Array.from(d.rows, rowOf),
    };
  };
  const ft = h.fastTrack.detail;
  return {
    currency: ds.meta.currency,
    asOf: isoDate(asOf),
    rules: h.rules,
    marketingShare: h.marketing.share,
    detectors: [
      view('fastTrack', (j) => {
        const r = ft.reason[j]!;
        const hours = ft.hoursSqlToSqo[j]!;
        return {
          ...baseRow(ds, j),
          hoursSqlToSqo: Number.isNaN(hours) ? null : hours,
          reasons: [
            ...(r & FT_NO_SQL ? (['no SQL'] as const) : []),
            ...(r & FT_FAST ? (['fast'] as const) : []),
            ...(r & FT_CRITERIA ? (['criteria'] as const) : []),
          ],
          missing: ft.missing[j] ?? [],
        };
      }),
      view('passThrough', (j) => ({ ...baseRow(ds, j), firstChannel: h.passThrough.detail.firstChannel[j] ?? '' })),
      view('restaged', (j) => ({ ...baseRow(ds, j), restagedOn: isoDate(h.restaged.detail.restagedAt[j]!) })),
      view('marketing', (j) => ({ ...baseRow(ds, j), ...firstTouchOf(ds, j) })),
    ],
  };
}

export function hygieneHandlers(state: EngineState): HygieneHandlers {
  return {
    async hygiene(input) {
      return hygieneView(requireDataset(state), input);
    },
  };
}
