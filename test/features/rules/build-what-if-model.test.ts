import { describe, expect, it } from 'vitest';
import type { WhatIfFigures } from '../../../src/engine/scoring/what-if';
import { buildWhatIfModel } from '../../../src/features/rules/build-what-if-model';
import type { WhatIfViewModel } from '../../../src/worker/api';

const fig = (mql: number, precision: number | null): WhatIfFigures => ({
  mql,
  sql: mql / 2,
  sqo: mql / 4,
  mqlPerSdrWeek: mql / 100,
  precisionSqo: precision,
  recallSqo: 0.5,
  precisionWon: null,
  recallWon: 0.25,
  wonCentsCaptured: 806_400_000,
  wonShareCaptured: 0.5,
  newlyQualified: 3,
  dropped: 4,
});

describe('the what-if table model', () => {
  const vm: WhatIfViewModel = {
    asOf: '2026-11-15',
    matured: 1000,
    totals: { reachedSqo: 10, won: 4, wonCents: 1 },
    draft: fig(400, 0.25),
    applied: fig(200, null),
    recorded: fig(800, 0.1),
  };
  const m = buildWhatIfModel(vm, 'USD');

  it('puts draft, last applied and recorded side by side, formatted', () => {
    expect(m.rows[0]).toEqual({ label: 'MQLs', cells: ['400', '200', '800'] });
    expect(m.rows.find((r) => r.label.startsWith('Precision (MQLs that reached'))!.cells).toEqual([
      '25.0%',
      'no data',
      '10.0%',
    ]);
    expect(m.rows.find((r) => r.label === 'Won revenue captured')!.cells[0]).toBe('$8.06M');
  });

  it('exports raw figures and gives the volume chart three stages', () => {
    expect(m.csv.header).toEqual(['metric', 'Draft', 'Last applied', 'Recorded process']);
    expect(m.csv.rows[0]).toEqual(['MQLs', 400, 200, 800]);
    expect(m.volumes.map((v) => v.stage)).toEqual(['MQL', 'SQL', 'SQO']);
    expect(m.volumes[2]).toEqual({ stage: 'SQO', draft: 100, applied: 50, recorded: 200 });
  });
});
