/**
 * Report key `hygiene`: the four detectors (SPEC §7). A detector the dataset cannot run reads `null`
 * with its reason under `notMeasurable`; parts of the fast-track rule left unchecked are listed
 * under `unchecked`. Rates are fractions 0–1.
 */
import { opportunityMask } from '../../engine/filters/filters';
import { runHygiene, type HygieneResult } from '../../engine/hygiene/hygiene';
import { uncheckedText } from '../../lib/unchecked-text';
import type { DatasetContext } from '../context';
import type { ReportSection } from './section';

const KEYS = ['fastTrack', 'passThrough', 'restaged', 'marketing'] as const;

const cache = new WeakMap<DatasetContext, HygieneResult>();
function hygieneOf(ctx: DatasetContext): HygieneResult {
  let h = cache.get(ctx);
  if (!h) cache.set(ctx, (h = runHygiene(ctx.dataset, { asOf: ctx.asOf, mask: opportunityMask(ctx.dataset, {}) })));
  return h;
}

const pct = (r: number | null): string => (r === null ? 'no data' : `${(r * 100).toFixed(1)}%`);

export function hygieneJson(ctx: DatasetContext): Record<string, unknown> {
  const h = hygieneOf(ctx);
  const count = (k: (typeof KEYS)[number]) => (h[k].notMeasurable ? null : h[k].count);
  const rates = (k: (typeof KEYS)[number]) =>
    h[k].notMeasurable ? null : { flagged: h[k].flagged.winRate, clean: h[k].clean.winRate };
  const notMeasurable: Record<string, string> = {};
  for (const k of KEYS) {
    const nm = h[k].notMeasurable;
    if (nm) notMeasurable[k] = nm.reason;
  }
  return {
    hygiene: {
      fastTrack: count('fastTrack'),
      passThrough: count('passThrough'),
      restaged: count('restaged'),
      considered: h.fastTrack.considered,
      marketingSourcedShare: {
        anyTouch: h.marketing.share.anyTouch,
        firstTouch90d: h.marketing.share.firstTouchWindow,
      },
      winRates: { fastTrack: rates('fastTrack'), passThrough: rates('passThrough'), restaged: rates('restaged') },
      notMeasurable,
      unchecked: { fastTrack: h.fastTrack.unchecked.map(uncheckedText) },
    },
  };
}

export function hygieneText(ctx: DatasetContext): string[] {
  const h = hygieneOf(ctx);
  const line = (label: string, k: 'fastTrack' | 'passThrough' | 'restaged') => {
    const d = h[k];
    if (d.notMeasurable) return `  ${label}: ${d.notMeasurable.reason}`;
    return `  ${label}: ${d.count} of ${d.considered} SQOs (win rate ${pct(d.flagged.winRate)} flagged vs ${pct(d.clean.winRate)} clean)`;
  };
  const mk = h.marketing;
  return [
    'Hygiene',
    line('Fast-tracked', 'fastTrack'),
    ...h.fastTrack.unchecked.map((u) => `    ${uncheckedText(u)}`),
    line('Pass-through', 'passThrough'),
    line('Re-staged', 'restaged'),
    mk.notMeasurable
      ? `  Marketing-sourced share of SQO pipeline: ${mk.notMeasurable.reason}`
      : `  Marketing-sourced share of SQO pipeline: ${pct(mk.share.anyTouch)} any touch ever, ${pct(mk.share.firstTouchWindow)} first touch within ${h.rules.marketing.windowDays} days`,
  ];
}

export const hygieneSection: ReportSection = { json: hygieneJson, text: hygieneText };
