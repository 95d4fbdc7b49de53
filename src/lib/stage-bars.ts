/** Stage funnel figures as labelled bars, shared by the Funnel and Overview views. Formatting only. */
import type { OverviewStageRow } from '../worker/api';
import { formatCount, formatMoney, formatPercent, formatRateWithInterval, NO_DATA } from './format';
import { stageLabel } from './stage-labels';

/** One bar of the stage funnel chart, its figures formatted. */
export interface StageBar {
  readonly stage: string;
  readonly label: string;
  /** Leads, or integer cents when the chart shows amounts. */
  readonly value: number;
  /** The bar's label, e.g. "7,876 · 26.7% of previous". */
  readonly barLabel: string;
  readonly tooltip: readonly string[];
}

/** `noun` names what the counts count (leads, or opportunities in an opportunity funnel). */
export function stageBars(
  stages: readonly OverviewStageRow[],
  currency: string,
  measure: 'count' | 'amount' = 'count',
  noun = 'leads',
): StageBar[] {
  return stages.map((s, k) => {
    const label = s.label ?? stageLabel(s.stage);
    const value = measure === 'amount' ? s.amountCents : s.leads;
    const figure = measure === 'amount' ? formatMoney(value, currency, true) : formatCount(value);
    const step = s.stepRate === null ? NO_DATA : formatPercent(s.stepRate);
    return {
      stage: s.stage,
      label,
      value,
      barLabel: k === 0 ? figure : `${figure} · ${step} of previous`,
      tooltip: [
        label,
        `${formatCount(s.leads)} ${noun}`,
        `Pipeline ${formatMoney(s.amountCents, currency)}`,
        ...(k === 0
          ? []
          : [
              `Step conversion ${s.step ? formatRateWithInterval(s.step) : step}`,
              `Cumulative ${formatPercent(s.cumulativeRate)} of ${noun}`,
            ]),
        ...(s.skipped !== null ? [`Skipped by ${formatCount(s.skipped)} ${noun}`] : []),
      ],
    };
  });
}
