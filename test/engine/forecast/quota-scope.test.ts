/**
 * Quota that follows the filters (SPEC §3, §10): plan.csv may split the quota by segment, owner or
 * team; a filter the plan splits by uses the slice's quota, any other filter gets "quota is
 * company-wide", never a filtered pipeline set against the whole company's quota.
 */
import { describe, expect, it } from 'vitest';
import { quotaScope } from '../../../src/engine/forecast/quota-scope';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { AccountRecord, QuotaRecord } from '../../../src/engine/model/records';
import { readCanonicalCsv } from '../../../src/import/canonical/read-csv-folder';
import { DEFAULT_FORECAST_SETTINGS, forecastView } from '../../../src/worker/handlers/forecast';
import { ms, opportunity, recordSet } from '../../fixtures/records';

const usd = (d: number) => d * 100;
const account = (id: string, employees: number): AccountRecord => ({ id, employees, techStack: [], custom: {} });
const bySegment: QuotaRecord[] = [
  { quarter: '2026-Q3', quotaCents: usd(100_000), slice: { dimension: 'segment', value: 'Enterprise' } },
  { quarter: '2026-Q3', quotaCents: usd(50_000), slice: { dimension: 'segment', value: 'Mid-market' } },
  { quarter: '2026-Q3', quotaCents: usd(30_000), slice: { dimension: 'segment', value: 'SMB' } },
];

/**
 * As of 2026-07-15 (Q3). Enterprise (account E, 5,000 employees): won $40,000 closed 2026-07-10,
 * open $120,000 due 2026-09-01. SMB (account S, 50 employees): won $10,000 closed 2026-07-05, open
 * $20,000 due 2026-08-15.
 */
function company(quotas: QuotaRecord[]) {
  return buildDataset(
    recordSet({
      accounts: [account('E', 5000), account('S', 50)],
      opportunities: [
        opportunity('E1', '2026-05-01', {
          accountId: 'E',
          amountCents: usd(40_000),
          status: 'won',
          closeDate: ms('2026-07-10'),
        }),
        opportunity('E2', '2026-06-01', { accountId: 'E', amountCents: usd(120_000), closeDate: ms('2026-09-01') }),
        opportunity('S1', '2026-05-01', {
          accountId: 'S',
          amountCents: usd(10_000),
          status: 'won',
          closeDate: ms('2026-07-05'),
        }),
        opportunity('S2', '2026-07-15', { accountId: 'S', amountCents: usd(20_000), closeDate: ms('2026-08-15') }),
      ],
      plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas },
    }),
  );
}

describe('quotaScope', () => {
  const ds = company(bySegment);

  it('a plan split by segment only: the company quota is the sum of the segments', () => {
    expect(ds.quotas.get('2026-Q3')).toBe(usd(180_000));
    expect(quotaScope(ds, {})).toMatchObject({ kind: 'company', note: 'the company quota' });
  });

  it("a segment filter uses the selected segments' quotas", () => {
    expect(quotaScope(ds, { segments: ['Enterprise'] }).quotas?.get('2026-Q3')).toBe(usd(100_000));
    expect(quotaScope(ds, { segments: ['Enterprise', 'SMB'] }).quotas?.get('2026-Q3')).toBe(usd(130_000));
    expect(quotaScope(ds, { segments: ['Enterprise'] }).note).toBe("the plan's quota for segment Enterprise");
  });

  it('a filter the plan does not split by: company-wide, no quota for the selection', () => {
    for (const f of [
      { sources: ['paid'] },
      { owners: ['Ann'] },
      { segments: ['Enterprise' as const], sources: ['paid'] },
      { from: ms('2026-01-01') },
    ]) {
      const s = quotaScope(ds, f);
      expect(s.kind).toBe('companyWide');
      expect(s.quotas).toBeNull();
      expect(s.note).toMatch(
        /^quota is company-wide: the filters select by .+, and the plan splits the quota by segment only;/,
      );
    }
    const flat = company([{ quarter: '2026-Q3', quotaCents: usd(180_000) }]);
    expect(quotaScope(flat, { segments: ['Enterprise'] }).note).toContain(
      'the plan has one quota for the whole company',
    );
  });
});

describe('the Forecast view under a segment filter', () => {
  const view = (quotas: QuotaRecord[], segments: ('Enterprise' | 'SMB')[]) =>
    forecastView(company(quotas), { filters: { segments }, settings: DEFAULT_FORECAST_SETTINGS }).quarters.find(
      (q) => q.quarter === '2026-Q3',
    )!;

  it('with a plan by segment: Enterprise coverage = $120,000 ÷ ($100,000 − $40,000) = 2×, attainment 40%', () => {
    const q = view(bySegment, ['Enterprise']);
    expect(q.quotaCents).toBe(usd(100_000));
    expect(q.coverage).toMatchObject({ coverage: 2, attainment: 0.4 });
  });

  it('with one company quota: no coverage for the Enterprise selection, and the view says the quota is company-wide', () => {
    const flat = [{ quarter: '2026-Q3', quotaCents: usd(180_000) }];
    const q = view(flat, ['Enterprise']);
    expect(q.quotaCents).toBeNull();
    expect(q.coverage).toBeNull();
    const v = forecastView(company(flat), {
      filters: { segments: ['Enterprise'] },
      settings: DEFAULT_FORECAST_SETTINGS,
    });
    expect(v.quota.kind).toBe('companyWide');
    // Without the filter the company figures stand: ($120,000 + $20,000) ÷ ($180,000 − $50,000).
    const all = forecastView(company(flat), { filters: {}, settings: DEFAULT_FORECAST_SETTINGS }).quarters.find(
      (x) => x.quarter === '2026-Q3',
    )!;
    expect(all.coverage?.coverage).toBeCloseTo(140_000 / 130_000, 12);
  });
});

describe('plan.csv with segment, owner or team columns', () => {
  it('reads one quota per quarter and slice; a row naming two slices, or a repeated quarter and slice, is rejected', () => {
    const text = [
      'quarter,quota,segment,owner,team',
      '2026-Q3,100000,Enterprise,,',
      '2026-Q3,30000,SMB,,',
      '2026-Q3,5000,SMB,Ann,',
      '2026-Q3,1,Enterprise,,',
      '2026-Q3,70000,,,East',
    ].join('\n');
    const { records, report } = readCanonicalCsv([{ name: 'plan.csv', text }]);
    expect(records.plan.quotas).toEqual([
      { quarter: '2026-Q3', quotaCents: usd(100_000), slice: { dimension: 'segment', value: 'Enterprise' } },
      { quarter: '2026-Q3', quotaCents: usd(30_000), slice: { dimension: 'segment', value: 'SMB' } },
      { quarter: '2026-Q3', quotaCents: usd(70_000), slice: { dimension: 'team', value: 'East' } },
    ]);
    const rejected = report.issues.filter((i) => i.outcome === 'rejected');
    expect(rejected.map((i) => [i.row, i.reason])).toEqual([
      [3, 'a quota row is for one slice: segment, owner or team, not segment and owner'],
      [4, 'duplicate quarter "2026-Q3 (segment Enterprise)": rows 1 and 4 (row 1 kept)'],
    ]);
    // Segments and teams overlap: the company quota is the segments' sum, never segments + teams.
    expect(buildDataset(records).quotas.get('2026-Q3')).toBe(usd(130_000));
  });
});
