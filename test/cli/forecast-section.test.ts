import { describe, expect, it } from 'vitest';
import { forecastSection } from '../../src/cli/sections/forecast';
import { hygieneSection } from '../../src/cli/sections/hygiene';
import { NEEDS } from '../../src/engine/capabilities';
import type { DatasetContext } from '../../src/cli/context';
import { AS_OF, bookOfDeals } from '../engine/forecast/pipeline-fixture';
import { recordSet } from '../fixtures/records';

describe('report keys pipeline, coverage and hygiene', () => {
  it('prints money in currency units and coverage per planned quarter', () => {
    const ctx: DatasetContext = {
      records: recordSet(),
      dataset: bookOfDeals(),
      report: { files: [], rowsRead: 0, accepted: 0, repaired: 0, rejected: 0, issues: [], warnings: [] },
      asOf: AS_OF,
      options: { json: true, flags: {} },
    };
    const out = forecastSection.json(ctx) as Record<string, Record<string, unknown>>;
    // Open A + B + C = $60,000; weighted with the default user probabilities (few closed deals):
    // $10,000 × 0.1 (sqo) + $50,000 × 0.35 (proposal) = $18,500.
    expect(out.pipeline).toMatchObject({ open: 60_000, weighted: 18_500, expectedBookings: 18_500 });
    expect(Object.keys(out.coverage!)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(out.coverage!['2026-Q1']).toMatchObject({ coverage: 'quota met' });
    expect(out.coverage!['2026-Q2']).toMatchObject({ coverage: 0.375 });
    // The book has a stage history but no leads, criteria or touches: only re-staging can run.
    const h = hygieneSection.json(ctx).hygiene as Record<string, unknown>;
    expect(h).toMatchObject({
      fastTrack: null,
      passThrough: null,
      restaged: 0,
      marketingSourcedShare: { anyTouch: null, firstTouch90d: null },
    });
    expect(h.notMeasurable).toEqual({
      fastTrack: `not measurable — needs ${NEEDS.leads} and ${NEEDS.sqlDates} and ${NEEDS.qualification}`,
      passThrough: `not measurable — needs ${NEEDS.touches} and ${NEEDS.sourcedBy}`,
      marketing: `not measurable — needs ${NEEDS.touches}`,
    });
    expect(hygieneSection.text(ctx)).toContain(
      `  Pass-through: not measurable — needs ${NEEDS.touches} and ${NEEDS.sourcedBy}`,
    );
    // Status follows the projection (won + weighted open due) against quota: met, on track or at risk.
    expect(out.coverage!['2026-Q1']).toMatchObject({ status: 'met' });
    for (const q of Object.values(out.coverage!) as {
      status: string;
      projected: number;
      quota: number;
      coverage: unknown;
    }[]) {
      if (q.coverage !== 'quota met') expect(q.status).toBe(q.projected >= q.quota ? 'on track' : 'at risk');
    }
    expect(forecastSection.text(ctx).join('\n')).toMatch(
      /coverage 0\.38× \((on track|at risk)\), projected \$[\d,]+, (ahead|short) by \$/,
    );
    expect(forecastSection.text(ctx)[0]).toMatch(/^Pipeline: 3 open deals, \$60,000 open, \$18,500 weighted/);
  });
});
