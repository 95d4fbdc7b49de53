/**
 * View-model of the stage funnel shown while a leads file is read: one bar per funnel step, sized
 * against the leads read so far, and a caption that says it is partial.
 */
import type { LeadsFunnelSnapshot } from '../../import/leads-funnel-stream';
import { formatCount, formatPercent } from '../../lib/format';

const STEPS = [
  ['lead', 'Leads'],
  ['mql', 'MQL'],
  ['sal', 'SAL'],
  ['sql', 'SQL'],
  ['sqo', 'SQO'],
  ['won', 'Won'],
] as const;

export interface LiveFunnelRow {
  readonly stage: string;
  readonly label: string;
  readonly count: number;
  /** Share of the leads in scope so far, 0–1 (0 when there are none yet). */
  readonly share: number;
  readonly countText: string;
  readonly shareText: string;
}

export interface LiveFunnelModel {
  readonly caption: string;
  readonly rows: readonly LiveFunnelRow[];
}

export function buildLiveFunnelModel(s: LeadsFunnelSnapshot): LiveFunnelModel {
  const leads = s.counts.lead;
  const rows = STEPS.map(([stage, label]) => {
    const count = s.counts[stage];
    const share = leads > 0 ? count / leads : 0;
    return {
      stage,
      label,
      count,
      share,
      countText: formatCount(count),
      shareText: leads > 0 ? formatPercent(share) : '–',
    };
  });
  const caption = s.complete
    ? `All ${formatCount(s.rowsRead)} rows read; checking every row before loading`
    : s.estimatedRows === null
      ? `So far: ${formatCount(s.rowsRead)} rows read`
      : `So far: ${formatCount(s.rowsRead)} of ~${formatCount(s.estimatedRows)} rows read`;
  return { caption, rows };
}
