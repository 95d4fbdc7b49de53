import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { emptyRecordSet } from '../../src/engine/model/records';
import { projectionBasisText } from '../../src/lib/forecast-labels';
import { dealListView } from '../../src/worker/handlers/deal-list';
import { DEFAULT_FORECAST_SETTINGS } from '../../src/worker/handlers/forecast';
import { headlineProjectionView } from '../../src/worker/handlers/headline-projection';
import { ACCURACY_AS_OF, accuracyCompany, DEALS, usd } from '../engine/forecast/accuracy-fixture';
import type { MethodChoice } from '../../src/worker/api';

/**
 * The back-test company (test/engine/forecast/accuracy-fixture.ts), as of 2026-07-25 in 2026-Q3:
 * MAPE over 2026-Q1 and Q2 — best case 360,000 ÷ 910,000 ÷ 2 = 19.8%, weighted (519,000 ÷ 910,000
 * + 0.15) ÷ 2 = 36.0%, commit (660,000 ÷ 910,000 + 3/13) ÷ 2 = 47.8%. Q3 holds only D, $100,000 in
 * negotiation (Commit) due 09-15, nothing won: best case and commit project $100,000, weighted
 * $100,000 × 0.6 = $60,000.
 */
const headline = (method: MethodChoice, deals = DEALS, quotaCents?: number) => {
  const records = { ...emptyRecordSet('fixture'), opportunities: deals };
  const ds =
    quotaCents === undefined
      ? accuracyCompany(deals)
      : buildDataset({ ...records, plan: { ...records.plan, quotas: [{ quarter: '2026-Q3', quotaCents }] } });
  return headlineProjectionView(ds, { filters: {}, method }, ACCURACY_AS_OF);
};

describe('the headline projection: the most accurate method by default', () => {
  it('best case, MAPE 19.8% over 2 quarters, projects 2026-Q3 at $100,000 and lists those deals', () => {
    const h = headline('best');
    expect(h).toMatchObject({
      quarter: '2026-Q3',
      method: 'bestCase',
      basis: 'mostAccurate',
      cents: usd(100_000),
      reason: null,
      measuredQuarters: 2,
      best: 'bestCase',
      notRankedReason: null,
      wonCents: 0,
      quotaCents: null,
      gapCents: null,
      target: { kind: 'accuracy', part: 'bestCase' },
    });
    expect(h.mape).toBeCloseTo(360_000 / 910_000 / 2, 10);
    expect(projectionBasisText(h)).toBe('Best case — most accurate here, MAPE 19.8% over 2 quarters');
  });

  it('a chosen method projects instead, said beside the most accurate; its deals add up to it', () => {
    const h = headline('weighted');
    expect([h.method, h.basis, h.cents, h.best]).toEqual(['weighted', 'chosen', usd(60_000), 'bestCase']);
    expect(h.mape).toBeCloseTo((519_000 / 910_000 + 0.15) / 2, 10);
    expect(projectionBasisText(h)).toBe(
      'Weighted pipeline — chosen; MAPE 36.0% over 2 quarters (most accurate: Best case)',
    );
    const list = dealListView(
      accuracyCompany(),
      { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: h.target },
      ACCURACY_AS_OF,
    );
    expect(list.totalCents).toBe(h.cents);
  });

  it('against the quarter’s quota: gap = quota − projection ($150,000 − $100,000 = $50,000 short)', () => {
    const h = headline('best', DEALS, usd(150_000));
    expect([h.quotaCents, h.gapCents]).toEqual([usd(150_000), usd(50_000)]);
  });
});

describe('without deal history no method is ranked: the weighted pipeline projects, and says why', () => {
  const bare = DEALS.map(({ changes: _c, ...d }) => d);
  it('won + open due × p(stage): D $100,000 × 0.6 = $60,000, the deals behind the coverage table’s projection', () => {
    const h = headline('commit', bare);
    expect(h).toMatchObject({
      method: 'weighted',
      basis: 'notRanked',
      cents: usd(60_000),
      mape: null,
      best: null,
      target: { kind: 'projected', quarter: '2026-Q3' },
    });
    expect(projectionBasisText(h)).toBe(
      'Weighted pipeline — accuracy not measurable: needs deal history: opportunity_history.csv, or Salesforce OpportunityHistory / OpportunityFieldHistory',
    );
    const list = dealListView(
      accuracyCompany(bare),
      { filters: {}, settings: DEFAULT_FORECAST_SETTINGS, stageCategories: {}, target: h.target },
      ACCURACY_AS_OF,
    );
    expect(list.totalCents).toBe(usd(60_000));
  });
});
