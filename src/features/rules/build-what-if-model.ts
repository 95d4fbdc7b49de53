/**
 * Shapes the what-if view-model into the comparison table, its CSV and the volume chart. Pure:
 * every figure comes from the engine; this only picks, labels and formats.
 */
import type { Cell } from '../../lib/csv-export';
import { formatCount, formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import type { WhatIfFigures } from '../../engine/scoring/what-if';
import type { WhatIfViewModel } from '../../worker/api';

export const COLUMNS = [
  { key: 'draft', label: 'Draft' },
  { key: 'applied', label: 'Last applied' },
  { key: 'recorded', label: 'Recorded process' },
] as const;

interface MetricRow {
  readonly label: string;
  readonly pick: (f: WhatIfFigures) => number | null;
  readonly format: (v: number | null, currency: string) => string;
}

const METRICS: readonly MetricRow[] = [
  { label: 'MQLs', pick: (f) => f.mql, format: (v) => formatCount(v) },
  { label: 'SQLs', pick: (f) => f.sql, format: (v) => formatCount(v) },
  { label: 'SQOs', pick: (f) => f.sqo, format: (v) => formatCount(v) },
  { label: 'New MQLs per SDR per week', pick: (f) => f.mqlPerSdrWeek, format: (v) => formatDecimal(v) },
  { label: 'Precision (MQLs that reached SQO)', pick: (f) => f.precisionSqo, format: (v) => formatPercent(v) },
  { label: 'Recall (SQOs the rule qualified)', pick: (f) => f.recallSqo, format: (v) => formatPercent(v) },
  { label: 'Precision (MQLs that were won)', pick: (f) => f.precisionWon, format: (v) => formatPercent(v) },
  { label: 'Recall (wins the rule qualified)', pick: (f) => f.recallWon, format: (v) => formatPercent(v) },
  { label: 'Won revenue captured', pick: (f) => f.wonCentsCaptured, format: (v, c) => formatMoney(v, c, true) },
  { label: 'Share of won revenue captured', pick: (f) => f.wonShareCaptured, format: (v) => formatPercent(v) },
  { label: 'Newly qualified vs the record', pick: (f) => f.newlyQualified, format: (v) => formatCount(v) },
  { label: 'Recorded MQLs not qualified', pick: (f) => f.dropped, format: (v) => formatCount(v) },
];

export interface WhatIfTableModel {
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[] }[];
  readonly csv: { readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] };
  readonly volumes: readonly {
    readonly stage: string;
    readonly draft: number;
    readonly applied: number;
    readonly recorded: number;
  }[];
}

export function buildWhatIfModel(vm: WhatIfViewModel, currency: string): WhatIfTableModel {
  const figures = COLUMNS.map((c) => vm[c.key]);
  return {
    rows: METRICS.map((m) => ({ label: m.label, cells: figures.map((f) => m.format(m.pick(f), currency)) })),
    csv: {
      header: ['metric', ...COLUMNS.map((c) => c.label)],
      rows: METRICS.map((m) => [m.label, ...figures.map((f) => m.pick(f))]),
    },
    volumes: (['mql', 'sql', 'sqo'] as const).map((k) => ({
      stage: k.toUpperCase(),
      draft: vm.draft[k],
      applied: vm.applied[k],
      recorded: vm.recorded[k],
    })),
  };
}
