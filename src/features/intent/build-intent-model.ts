/**
 * Shapes the intent view-model for the charts and their CSV exports. Pure: no figure is computed
 * here beyond picking and labelling what the engine returned.
 */
import { DEFAULT_MIN_SAMPLE } from '../../engine/funnel/stats';
import type { Cell } from '../../lib/csv-export';
import { formatPercent, formatRateWithInterval, formatSample, type RateWithSample } from '../../lib/format';
import { TERMS } from '../../lib/wording';
import type { IntentViewModel } from '../../worker/api';

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface HistogramDatum {
  readonly label: string;
  readonly from: number;
  readonly converted: number;
  readonly notConverted: number;
}

export function histogramData(vm: IntentViewModel, which: 'fit' | 'intent'): { data: HistogramDatum[]; csv: CsvTable } {
  const bins = vm.histograms[which];
  return {
    data: bins.map((b) => ({
      label: `${b.from}–${b.to}`,
      from: b.from,
      converted: b.converted,
      notConverted: b.notConverted,
    })),
    csv: {
      header: ['score_from', 'score_to', 'reached_sqo', 'did_not'],
      rows: bins.map((b) => [b.from, b.to, b.converted, b.notConverted]),
    },
  };
}

/** Histogram bin labels where each threshold falls (the bin containing the threshold). */
export function thresholdMarkers(vm: IntentViewModel, which: 'fit' | 'intent'): { label: string; bin: string }[] {
  const r = vm.rules;
  const q = r.qualification;
  const marks =
    which === 'fit'
      ? [
          { label: `Tier 1 ≥ ${r.tiers.icpTier1}`, at: r.tiers.icpTier1 },
          { label: `Tier 2 ≥ ${r.tiers.icpTier2}`, at: r.tiers.icpTier2 },
          ...(q.mqlMode === 'two-score' ? [{ label: `MQL fit ≥ ${q.mqlMinFit}`, at: q.mqlMinFit }] : []),
        ]
      : [
          { label: `High ≥ ${r.tiers.intentHigh}`, at: r.tiers.intentHigh },
          { label: `Mid ≥ ${r.tiers.intentMid}`, at: r.tiers.intentMid },
          ...(q.mqlMode === 'two-score' ? [{ label: `MQL intent ≥ ${q.mqlMinIntent}`, at: q.mqlMinIntent }] : []),
        ];
  const bins = vm.histograms[which];
  // Thresholds in the same bin share one marker, so their labels never overlap.
  const byBin = new Map<string, string[]>();
  for (const m of marks) {
    const b = bins.find((x) => m.at >= x.from && m.at < x.to) ?? bins.at(-1)!;
    const key = `${b.from}–${b.to}`;
    byBin.set(key, [...(byBin.get(key) ?? []), m.label]);
  }
  return [...byBin].map(([bin, labels]) => ({ bin, label: labels.join(' · ') }));
}

export function tierCsv(vm: IntentViewModel): CsvTable {
  const total = vm.tiers.High + vm.tiers.Mid + vm.tiers.Low;
  return {
    header: [
      'tier',
      'leads_now',
      'share',
      'matured_leads',
      'reached_sqo',
      'sqo_rate',
      'sqo_rate_ci_low',
      'sqo_rate_ci_high',
      'sqo_rate_n',
      'won',
      TERMS.wonOfMatured.csv,
      `${TERMS.wonOfMatured.csv}_ci_low`,
      `${TERMS.wonOfMatured.csv}_ci_high`,
      `${TERMS.wonOfMatured.csv}_n`,
      'won_revenue_cents',
      'route',
    ],
    rows: vm.tierOutcomes.map((t) => [
      t.tier,
      vm.tiers[t.tier],
      total ? vm.tiers[t.tier] / total : null,
      t.leads,
      t.reachedSqo,
      t.sqoRate,
      t.sqo.lo,
      t.sqo.hi,
      t.sqo.n,
      t.won,
      t.winRate,
      t.win.lo,
      t.win.hi,
      t.win.n,
      t.wonCents,
      t.route,
    ]),
  };
}

export function matrixCsv(vm: IntentViewModel): CsvTable {
  return {
    header: ['icp_tier', 'intent_tier', 'matured_leads', 'reached_sqo', 'rate', 'route'],
    rows: vm.matrix.map((c) => [c.icpTier, c.intentTier, c.leads, c.converted, c.rate, c.route]),
  };
}

export function liftCsv(vm: IntentViewModel): CsvTable {
  return {
    header: ['decile', 'lift_fit', 'lift_intent', 'lift_combined', 'rate_combined'],
    rows: vm.lift.map((d) => [d.decile, d.fit, d.intent, d.combined, d.rateCombined]),
  };
}

export function calibrationData(vm: IntentViewModel) {
  const rows = vm.calibration.combined.map((c, k) => ({
    bin: `${c.from}–${c.from + 10}`,
    predicted: c.predicted,
    observed: c.observed,
    observedIntent: vm.calibration.intent[k]!.observed,
    leads: c.leads,
    leadsIntent: vm.calibration.intent[k]!.leads,
  }));
  return {
    data: rows,
    csv: {
      header: [
        'score_bin',
        'combined_leads',
        'combined_mean_score_as_probability',
        'combined_observed',
        'intent_leads',
        'intent_observed',
      ],
      rows: rows.map((r) => [r.bin, r.leads, r.predicted, r.observed, r.leadsIntent, r.observedIntent]),
    } as CsvTable,
  };
}

/** Matrix cells as a 3×3 grid (rows ICP tiers, columns intent High, Mid, Low), with a heat 0–1 by rate. */
export function matrixGrid(vm: IntentViewModel) {
  const maxRate = Math.max(0, ...vm.matrix.map((c) => c.rate ?? 0));
  const rows = ['Tier 1', 'Tier 2', 'Tier 3'].map((tier) => ({
    tier,
    cells: vm.matrix
      .filter((c) => c.icpTier === tier)
      .map((c) => ({ ...c, heat: maxRate > 0 && c.rate !== null ? c.rate / maxRate : 0 })),
  }));
  return rows;
}

/** A tier table cell: the rate, its full reading with the 95% interval, and "n = 2" under the sample threshold. */
export function tierRateCell(e: RateWithSample): { text: string; full: string; sample: string | null } {
  return {
    text: formatPercent(e.rate),
    full: formatRateWithInterval(e),
    sample: e.n > 0 && e.n < DEFAULT_MIN_SAMPLE ? formatSample(e.n) : null,
  };
}
