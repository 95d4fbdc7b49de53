import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { BOUNDS, clampTo } from '../../../src/engine/scoring/bounds';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import { intentTierCounts, matrixCounts } from '../../../src/engine/scoring/tiers';
import { lead, ms, recordSet } from '../../fixtures/records';

const ASOF = ms('2026-03-31');
const day = (iso: string) => ms(iso);

function rules(patch: Partial<RuleSet>): RuleSet {
  return { ...DEFAULT_RULE_SET, ...patch };
}

describe('fit score', () => {
  const accounts = [
    {
      id: 'a1',
      industry: 'Software',
      employees: 800,
      annualRevenueCents: 50_000_000_00,
      region: 'NA',
      techStack: [],
      custom: { plan: 'enterprise' },
    },
    {
      id: 'a2',
      industry: 'Retail',
      employees: 12,
      annualRevenueCents: 1_000_000_00,
      region: 'APAC',
      techStack: [],
      custom: { plan: 'free' },
    },
  ];
  const leads = [
    lead('l1', '2026-01-01', {}, { accountId: 'a1', persona: 'Sales Leader', seniority: 'VP', email: 'ana@acme.com' }),
    lead('l2', '2026-01-01', {}, { accountId: 'a2', persona: 'Student', seniority: 'Student', email: 'bo@stateu.edu' }),
    lead('l3', '2026-01-01', {}, { email: 'cy@gmail.com', custom: { score_hint: '7' } }),
  ];
  const ds = buildDataset(recordSet({ accounts, leads }));

  it('sums the default rules and clamps to 0–100', () => {
    const s = scoreLeads(ds, compileRules(ds, DEFAULT_RULE_SET), { asOf: ASOF });
    // l1: industry 25 + 200–4,999 employees 20 + revenue $50M ≥ $20M 10 + NA 10 + buyer persona 15
    //     + VP 10 = 90.
    expect(s.fit[0]).toBe(90);
    // l2: Retail, 12 employees, $1M, APAC: 0; student persona −40; .edu −30 → −70 → clamped to 0.
    expect(s.fit[1]).toBe(0);
    // l3: no account; gmail −20 → 0.
    expect(s.fit[2]).toBe(0);
  });

  it('reads custom columns with every operator, case-insensitively', () => {
    const r = rules({
      fitRules: [
        { id: 'a', label: 'plan', attribute: 'account.custom.plan', op: 'equals', value: 'ENTERPRISE', points: 30 },
        { id: 'b', label: 'hint', attribute: 'lead.custom.score_hint', op: 'range', min: 5, max: 10, points: 12 },
        { id: 'c', label: 'domain', attribute: 'lead.emailDomain', op: 'contains', value: 'acme', points: 7 },
        { id: 'd', label: 'plan in', attribute: 'account.custom.plan', op: 'in', values: ['free', 'trial'], points: 4 },
        { id: 'e', label: 'missing', attribute: 'lead.custom.nope', op: 'equals', value: 'x', points: 50 },
      ],
    });
    const c = compileRules(ds, r);
    expect(c.fit.missingAttributes).toEqual(['lead.custom.nope']);
    const s = scoreLeads(ds, c, { asOf: ASOF });
    expect(Array.from(s.fit)).toEqual([30 + 7, 4, 12]);
    // A rule on a missing attribute that scores 0 points changes nothing and is not reported.
    const zero = rules({
      fitRules: [{ id: 'e', label: 'missing', attribute: 'lead.custom.nope', op: 'equals', value: 'x', points: 0 }],
    });
    expect(compileRules(ds, zero).fit.missingAttributes).toEqual([]);
  });

  it('range is inclusive below, exclusive above; missing never matches', () => {
    const r = rules({
      fitRules: [{ id: 'x', label: 'emp', attribute: 'account.employees', op: 'range', min: 12, max: 800, points: 10 }],
    });
    const s = scoreLeads(ds, compileRules(ds, r), { asOf: ASOF });
    expect(Array.from(s.fit)).toEqual([0, 10, 0]); // 800 is excluded, 12 included, no account → no match
  });
});

describe('intent score', () => {
  const mk = (acts: [string, string][], asOfIso = '2026-03-31') => {
    const ds = buildDataset(
      recordSet({
        leads: [lead('l1', '2025-12-01')],
        activities: acts.map(([type, at]) => ({ leadId: 'l1', type, at: day(at) })),
      }),
    );
    return scoreLeads(ds, compileRules(ds, DEFAULT_RULE_SET), { asOf: ms(asOfIso) }).intent[0]!;
  };

  it('decays by half-life: a demo request 30 days old is worth 20 × 0.5 = 10', () => {
    expect(mk([['demo_request', '2026-03-01']])).toBeCloseTo(10, 5);
    // 60 days old: 20 × 0.25 = 5; today: 20.
    expect(mk([['demo_request', '2026-01-30']])).toBeCloseTo(5, 5);
    expect(mk([['demo_request', '2026-03-31']])).toBeCloseTo(20, 5);
  });

  it('caps each type: five pricing views today give min(20, 50) = 20, not High intent', () => {
    const five = Array.from({ length: 5 }, () => ['pricing_view', '2026-03-31'] as [string, string]);
    expect(mk(five)).toBeCloseTo(20, 5);
    expect(mk([['pricing_view', '2026-03-31']])).toBeCloseTo(10, 5);
    expect(mk([['pricing_view', '2026-03-31']])).toBeLessThan(DEFAULT_RULE_SET.tiers.intentHigh);
  });

  it('sums capped types, negative points lower the sum, then clamps to 0–100', () => {
    // demo 20 + comparison 12 + roi 12 + reply 10 = 54; unsubscribe −20 → 34.
    const acts: [string, string][] = [
      ['demo_request', '2026-03-31'],
      ['comparison_download', '2026-03-31'],
      ['roi_calculator', '2026-03-31'],
      ['email_reply', '2026-03-31'],
    ];
    expect(mk(acts)).toBeCloseTo(54, 5);
    expect(mk([...acts, ['unsubscribe', '2026-03-31']])).toBeCloseTo(34, 5);
    expect(mk([['unsubscribe', '2026-03-31']])).toBe(0);
    // Everything at its cap: 10+20+12+15+24+24+16+5+12+20+10+16+40+30+30+40 = 324 → 100.
    const all = DEFAULT_RULE_SET.activities
      .filter((a) => a.points > 0)
      .flatMap((a) => Array.from({ length: 10 }, () => [a.type, '2026-03-31'] as [string, string]));
    expect(mk(all)).toBe(100);
  });

  it('ignores activities after asOf and unknown types', () => {
    expect(
      mk([
        ['demo_request', '2026-04-02'],
        ['made_up_type', '2026-03-30'],
      ]),
    ).toBe(0);
  });

  it('a per-lead cut-off scores as of that instant, ignoring later activity', () => {
    const ds = buildDataset(
      recordSet({
        leads: [lead('l1', '2026-01-01')],
        activities: [
          { leadId: 'l1', type: 'demo_request', at: day('2026-01-01') },
          { leadId: 'l1', type: 'meeting_booked', at: day('2026-02-15') },
        ],
      }),
    );
    const c = compileRules(ds, DEFAULT_RULE_SET);
    const cutoff = Float64Array.of(day('2026-01-31'));
    // As of the cut-off: only the demo request, 30 days old → 10.
    expect(scoreLeads(ds, c, { asOf: ASOF, cutoff }).intent[0]).toBeCloseTo(10, 5);
    // As of 2026-03-31: demo (89 days: 20 × 0.5^(89/30)) + meeting (44 days: 20 × 0.5^(44/30)).
    const expected = 20 * 0.5 ** (89 / 30) + 20 * 0.5 ** (44 / 30);
    expect(scoreLeads(ds, c, { asOf: ASOF }).intent[0]).toBeCloseTo(expected, 4);
  });
});

describe('tiers and matrix', () => {
  it('counts intent tiers and the 3×3 matrix at the edges of the thresholds', () => {
    const fit = Float32Array.of(70, 69.9, 40, 39, 100);
    const intent = Float32Array.of(60, 59.5, 30, 29, 0);
    const t = DEFAULT_RULE_SET.tiers;
    expect(intentTierCounts(intent, t)).toEqual([1, 2, 2]);
    const m = Array.from(matrixCounts(fit, intent, t));
    // (T1,High) (T2,Mid) (T2,Mid) (T3,Low) (T1,Low)
    expect(m).toEqual([1, 0, 1, 0, 2, 0, 0, 0, 1]);
    // mask drops the last lead
    expect(intentTierCounts(intent, t, Uint8Array.of(1, 1, 1, 1, 0))).toEqual([1, 2, 1]);
  });
});

describe('bounds', () => {
  it('clamps and snaps to the step', () => {
    expect(clampTo(BOUNDS.threshold, 120)).toBe(100);
    expect(clampTo(BOUNDS.threshold, 40.4)).toBe(40);
    expect(clampTo(BOUNDS.threshold, Number.NaN)).toBe(0);
    expect(clampTo(BOUNDS.fitWeight, 0.33)).toBe(0.35);
    expect(clampTo(BOUNDS.halfLifeDays, 0)).toBe(1);
  });

  it('compileRules clamps an out-of-bounds rule set', () => {
    const ds = buildDataset(recordSet({ leads: [lead('l1', '2026-01-01')] }));
    const c = compileRules(
      ds,
      rules({ halfLifeDays: -5, tiers: { icpTier1: 50, icpTier2: 80, intentHigh: 200, intentMid: 30 } }),
    );
    expect(c.rules.halfLifeDays).toBe(1);
    expect(c.rules.tiers).toEqual({ icpTier1: 50, icpTier2: 50, intentHigh: 100, intentMid: 30 });
  });
});
