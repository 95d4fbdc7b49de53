/** Stage funnel figures as labelled bars, shared by the Funnel and Overview views. Formatting only. */
import { formatCount, formatMoney, formatPercent, formatRateWithInterval, NO_DATA, type RateWithSample } from '../lib/format';
import type { StageBar } from './stage-funnel-chart';

/** The figures of one funnel stage, as the engine computed them. */
export interface StageFigures {
  readonly stage: string;
  readonly label: string;
  readonly leads: number;
  /** Integer cents. */
  readonly amountCents: number;
  /** Fraction 0–1 of the previous stage; null for the first stage or 0/0. */
  readonly stepRate: number | null;
  readonly cumulativeRate: number | null;
  /** The step rate with its sample and 95% interval, when the engine computed them. */
  readonly step?: RateWithSample | null;
  readonly skipped: number | null;
}

/** `noun` names what the counts count (leads, or opportunities in an opportunity funnel). */
export function stageBars(stages: readonly StageFigures[], currency: string, measure: 'count' | 'amount' = 'count', noun = 'leads'): StageBar[] {
  return stages.map((s, k) => {
    const value = measure === 'amount' ? s.amountCents : s.leads;
    const figure = measure === 'amount' ? formatMoney(value, currency, true) : formatCount(value);
    const step = s.stepRate === null ? NO_DATA : formatPercent(s.stepRate);
    return {
      stage: s.stage,
      label: s.label,
      value,
      barLabel: k === 0 ? figure : `${figure} · ${step} of previous`,
      tooltip: [
        s.label,
        `${formatCount(s.leads)} ${noun}`,
        `Pipeline ${formatMoney(s.amountCents, currency)}`,
        ...(k === 0 ? [] : [`Step conversion ${s.step ? formatRateWithInterval(s.step) : step}`, `Cumulative ${formatPercent(s.cumulativeRate)} of ${noun}`]),
        ...(s.skipped !== null ? [`Skipped by ${formatCount(s.skipped)} ${noun}`] : []),
      ],
    };
  });
}
