/**
 * Display shaping of the hygiene view-model: card titles and rule text, the win-rate contrast
 * rows, and the columns and rows of each detector's opportunity list.
 */
import { needsText } from '../../engine/capabilities';
import type { Cell } from '../../lib/csv-export';
import { formatDecimal, formatMoney } from '../../lib/format';
import type { TableColumn } from '../../ui/data-table';
import type { DetectorKey, DetectorView, HygieneRow, HygieneView } from '../../worker/api';

export const DETECTOR_TITLES: Record<DetectorKey, string> = {
  fastTrack: 'Fast-track conversions',
  passThrough: 'Pass-through opportunities',
  restaged: 'Re-stage gymnastics',
  marketing: 'Marketing-sourced tagging',
};

/** The rule each detector applies, in words. */
export function ruleText(key: DetectorKey, v: HygieneView): string {
  const r = v.rules;
  switch (key) {
    case 'fastTrack':
      return `SQO less than ${formatDecimal(r.fastTrack.maxHoursSqlToSqo)} h after the lead's SQL${r.fastTrack.flagMissingSql ? ', or no SQL at all' : ''}${
        r.fastTrack.requiredCriteria.length
          ? `, or any of ${r.fastTrack.requiredCriteria.join(', ')} false or empty`
          : ''
      }.`;
    case 'passThrough':
      return `Sourced by “${r.passThrough.claimedBy}” while the first touch came through a channel other than ${r.passThrough.ownChannels.join(', ') || '(none)'}.`;
    case 'restaged':
      return `Stage history enters “${r.restage.backTo}” after having been in a later stage.`;
    case 'marketing':
      return `Credited to marketing by any marketing touch ever, but not by a marketing first touch within ${formatDecimal(r.marketing.windowDays)} days before the SQO (not marketing: ${r.marketing.nonMarketingChannels.join(', ') || '(none)'}).`;
  }
}

export interface ContrastRow {
  readonly detector: string;
  /** Percent 0–100, null when nothing closed. */
  readonly flagged: number | null;
  readonly clean: number | null;
  /** Null when the detector is unmeasurable (then both rates are null too). */
  readonly flaggedClosed: number | null;
  readonly cleanClosed: number | null;
  /** "not measurable — needs …", or '' when the detector ran. */
  readonly note: string;
}

/** Win rates per detector; an unmeasurable detector has no rates, only its reason. */
export function buildContrastRows(v: HygieneView): ContrastRow[] {
  return v.detectors.map((d) => {
    const off = d.notMeasurable !== null;
    return {
      detector: DETECTOR_TITLES[d.key],
      flagged: off || d.flagged.winRate === null ? null : d.flagged.winRate * 100,
      clean: off || d.clean.winRate === null ? null : d.clean.winRate * 100,
      flaggedClosed: off ? null : d.flagged.closed,
      cleanClosed: off ? null : d.clean.closed,
      note: d.notMeasurable ? needsText(d.notMeasurable) : '',
    };
  });
}

function fastTrackWhy(r: HygieneRow): string {
  const parts: string[] = [];
  if (r.reasons?.includes('no SQL')) parts.push('no SQL entry');
  if (r.reasons?.includes('fast') && r.hoursSqlToSqo !== null && r.hoursSqlToSqo !== undefined)
    parts.push(`SQO ${formatDecimal(r.hoursSqlToSqo)} h after SQL`);
  if (r.reasons?.includes('criteria')) parts.push(`missing ${(r.missing ?? []).join(', ')}`);
  return parts.join('; ');
}

function why(key: DetectorKey, r: HygieneRow): string {
  switch (key) {
    case 'fastTrack':
      return fastTrackWhy(r);
    case 'passThrough':
      return `first touch: ${r.firstChannel || 'none'}`;
    case 'restaged':
      return `back on ${r.restagedOn ?? ''}`;
    case 'marketing':
      return r.firstTouchDate ? `first touch ${r.firstChannel} on ${r.firstTouchDate}` : 'no first touch';
  }
}

export interface ListModel {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly exportName: string;
}

/** The list of a detector: raw values in the cells (what CSV writes), formatted for display. */
export function buildListModel(d: DetectorView, currency: string): ListModel {
  const money = (v: Cell) => (typeof v === 'number' ? formatMoney(v * 100, currency) : '');
  return {
    caption: `${DETECTOR_TITLES[d.key]}: flagged opportunities`,
    exportName: `hygiene-${d.key}.csv`,
    columns: [
      { key: 'id', label: 'Opportunity' },
      { key: 'owner', label: 'Owner (AE)' },
      { key: 'sqo', label: 'SQO date' },
      { key: 'amount', label: `Amount (${currency})`, numeric: true, format: money },
      { key: 'status', label: 'Status' },
      { key: 'stage', label: 'Stage' },
      { key: 'sourced', label: 'Sourced by' },
      { key: 'why', label: 'Why flagged' },
    ],
    rows: d.rows.map((r) => [
      r.id,
      r.owner,
      r.sqoDate,
      r.amountCents / 100,
      r.status,
      r.stage,
      r.sourcedBy,
      why(d.key, r),
    ]),
  };
}
