import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { explainLead } from '../../../src/engine/scoring/explain';
import { FRAMEWORK_CRITERIA } from '../../../src/engine/scoring/frameworks';
import { historyCutoff, leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { modelStages, qualificationFlags, sqlActivityRange } from '../../../src/engine/scoring/qualification';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';

const ASOF = ms('2026-06-30');

const rs = recordSet({
  accounts: [{ id: 'a1', industry: 'Software', employees: 800, region: 'NA', techStack: [], custom: {} }],
  leads: [
    // l1: MQL → SQL → SQO → won; activity before and after its SAL date.
    lead(
      'l1',
      '2026-01-01',
      { mql: '2026-01-05', sal: '2026-01-10', sql: '2026-01-12', sqo: '2026-01-20' },
      { accountId: 'a1', persona: 'Sales Leader', owner: 'sdr1' },
    ),
    // l2: recent, no outcome: not matured (created 30 days before asOf).
    lead('l2', '2026-05-31', {}, { owner: 'sdr1' }),
    // l3: old, no outcome: matured by age (> 180 days).
    lead('l3', '2025-10-01', {}, { owner: 'sdr2' }),
    // l4: disqualified: matured; skipped stages (sql recorded without mql) count as MQL inclusively.
    lead('l4', '2026-05-01', { sql: '2026-05-03', disqualified: '2026-05-10' }),
  ],
  activities: [
    { leadId: 'l1', type: 'demo_request', at: ms('2026-01-04') },
    { leadId: 'l1', type: 'meeting_booked', at: ms('2026-01-11') },
    { leadId: 'l1', type: 'pricing_view', at: ms('2026-02-01') },
  ],
  opportunities: [
    opportunity('o1', '2026-01-20', {
      leadId: 'l1',
      status: 'won',
      amountCents: 4_800_000,
      qualification: { budget: true, authority: true, need: true, timeline: true, metrics: false },
    }),
  ],
});
const ds = buildDataset(rs);
const out = leadOutcomes(ds, { asOf: ASOF, maturityDays: 180, scoringWindowDays: 30 });

describe('lead outcomes', () => {
  it('records reached SQO, won, revenue, maturity and the recorded stage', () => {
    expect(Array.from(out.reachedSqo)).toEqual([1, 0, 0, 0]);
    expect(Array.from(out.won)).toEqual([1, 0, 0, 0]);
    expect(out.wonCents[0]).toBe(4_800_000);
    expect(Array.from(out.matured)).toEqual([1, 0, 1, 1]);
    expect(Array.from(out.recordedStage)).toEqual([5, 0, 0, 3]);
    expect(Array.from(out.recordedMql)).toEqual([1, 0, 0, 1]);
  });

  it('cuts history at the first sales stage or after the scoring window', () => {
    expect(out.cutoff[0]).toBe(ms('2026-01-10')); // SAL on day 9 < day 30
    expect(out.cutoff[1]).toBe(ms('2026-06-30')); // 30 days after creation
    expect(out.cutoff[3]).toBe(ms('2026-05-03')); // SQL
  });

  it('has history instants that depend on the scoring window alone, computed once for any asOf or maturity', () => {
    const cutoff = historyCutoff(ds, 30);
    expect(out.cutoff).toBe(cutoff);
    expect(leadOutcomes(ds, { asOf: ms('2026-03-01'), maturityDays: 90, scoringWindowDays: 30 }).cutoff).toBe(cutoff);
    const wider = leadOutcomes(ds, { asOf: ASOF, maturityDays: 180, scoringWindowDays: 60 }).cutoff;
    expect(wider).toBe(historyCutoff(ds, 60));
    expect(wider[1]).toBe(ms('2026-07-30')); // 60 days after creation
    expect(wider[0]).toBe(cutoff[0]); // SAL first either way
  });
});

describe('qualification', () => {
  it('frameworks list their criteria; BANT is the default', () => {
    expect(DEFAULT_RULE_SET.qualification.framework).toBe('BANT');
    expect(FRAMEWORK_CRITERIA.BANT).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(FRAMEWORK_CRITERIA.MEDDPICC).toHaveLength(8);
    expect(FRAMEWORK_CRITERIA['SQO checklist']).toHaveLength(6);
  });

  it('gives model stages from scores, the SQL activity and the required criteria', () => {
    const fit = Float32Array.of(50, 50, 50, 10);
    const intent = Float32Array.of(40, 40, 20, 90);
    const bant = qualificationFlags(ds, DEFAULT_RULE_SET.qualification, out.opportunity, ASOF);
    expect(Array.from(bant.sqlActivity)).toEqual([1, 0, 0, 0]);
    expect(Array.from(bant.criteriaMet)).toEqual([1, 0, 0, 0]);
    // l1 passes MQL, has a meeting and BANT → SQO (4); l2 MQL only (1); l3 intent 20 < 30; l4 fit 10 < 40.
    expect(Array.from(modelStages(fit, intent, DEFAULT_RULE_SET.qualification, bant))).toEqual([4, 1, 0, 0]);
    // With MEDDIC required, metrics is false → l1 stops at SQL (3).
    const meddic = {
      ...DEFAULT_RULE_SET.qualification,
      framework: 'MEDDIC' as const,
      requiredCriteria: FRAMEWORK_CRITERIA.MEDDIC,
    };
    const f2 = qualificationFlags(ds, meddic, out.opportunity, ASOF);
    expect(Array.from(modelStages(fit, intent, meddic, f2))).toEqual([3, 1, 0, 0]);
    // Single-score mode: 0.5 × 10 + 0.5 × 90 = 50 ≥ 40 → l4 qualifies; l3 0.5×50+0.5×20 = 35 does not.
    const single = { ...DEFAULT_RULE_SET.qualification, mqlMode: 'single-score' as const };
    expect(Array.from(modelStages(fit, intent, single, bant))).toEqual([4, 1, 0, 1]);
  });
});

describe('explainLead', () => {
  it('lists matched fit rules and per-type decayed intent as of the cut-off', () => {
    const e = explainLead(ds, DEFAULT_RULE_SET, 0, out.cutoff[0]!);
    // Software 25 + 200–4,999 employees 20 + NA 10 + buyer persona 15 = 70.
    expect(e.fit.rules.map((r) => [r.ruleId, r.points])).toEqual([
      ['icp-industry', 25],
      ['employees-core', 20],
      ['icp-region', 10],
      ['buyer-persona', 15],
    ]);
    expect(e.fit.score).toBe(70);
    // At 2026-01-10: demo request 6 days old → 20 × 0.5^(6/30); the meeting and pricing view come later.
    expect(e.intent.types).toHaveLength(1);
    expect(e.intent.types[0]!.type).toBe('demo_request');
    expect(e.intent.score).toBeCloseTo(20 * 0.5 ** (6 / 30), 6);
  });
});

describe('SQL activity flag', () => {
  it('is set when, reading the activities in time order up to asOf, one of the SQL type comes up', () => {
    const types = ['meeting_booked', 'page_view', 'demo_request'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.nat(2), fc.integer({ min: -20, max: 20 })), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (perLead) => {
          const day = (d: number) => ASOF + d * 86_400_000;
          const flagsDs = buildDataset(
            recordSet({
              leads: perLead.map((_, i) => lead(`l${i}`, '2025-01-01')),
              activities: perLead.flatMap((acts, i) =>
                acts.map(([t, d]) => ({ leadId: `l${i}`, type: types[t]!, at: day(d) })),
              ),
            }),
          );
          const noOpportunity = new Int32Array(perLead.length).fill(-1);
          const got = qualificationFlags(flagsDs, DEFAULT_RULE_SET.qualification, noOpportunity, ASOF);
          const want = perLead.map((acts) => {
            const inOrder = [...acts].sort((a, b) => a[1] - b[1]);
            for (const [t, d] of inOrder) {
              if (day(d) > ASOF) return 0;
              if (types[t] === 'meeting_booked') return 1;
            }
            return 0;
          });
          expect(Array.from(got.sqlActivity)).toEqual(want);
          // Computed over lead ranges (as the scoring pool's workers do), split anywhere: the same.
          const code = flagsDs.activities.typeNames.indexOf('meeting_booked');
          if (code < 0) return;
          const cut = perLead.length >> 1;
          const split = new Uint8Array(perLead.length);
          sqlActivityRange(flagsDs.activities, code, ASOF, cut, perLead.length, split);
          sqlActivityRange(flagsDs.activities, code, ASOF, 0, cut, split);
          expect(Array.from(split)).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('SQL activity flags', () => {
  /** The definition, lead by lead: an activity of the type before the first one after asOf. */
  function reference(start: Int32Array, type: Uint8Array, at: Float64Array, code: number, asOf: number): number[] {
    const out: number[] = [];
    for (let i = 0; i + 1 < start.length; i++) {
      let flag = 0;
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        if (at[j]! > asOf) break;
        if (type[j] === code) {
          flag = 1;
          break;
        }
      }
      out.push(flag);
    }
    return out;
  }

  it('equal the per-lead definition on random activities (time order, missing instants included)', () => {
    const activity = fc.record({
      type: fc.integer({ min: 0, max: 3 }),
      at: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(NaN)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(activity, { maxLength: 6 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -1, max: 21 }),
        (leads, code, asOf) => {
          const sorted = leads.map((l) =>
            [...l].sort((a, b) => (a.at === b.at ? 0 : Number.isNaN(a.at) ? 0 : Number.isNaN(b.at) ? 0 : a.at - b.at)),
          );
          const all = sorted.flat();
          const start = Int32Array.from([
            0,
            ...sorted.map((_, i) => sorted.slice(0, i + 1).reduce((s, l) => s + l.length, 0)),
          ]);
          const type = Uint8Array.from(all, (a) => a.type);
          const at = Float64Array.from(all, (a) => a.at);
          const names = ['t0', 't1', 't2', 't3'];
          const fake = {
            leads: { count: leads.length },
            activities: { count: all.length, start, type, at, typeNames: names },
            opportunities: { qualification: {} },
          } as unknown as typeof ds;
          const q = { ...DEFAULT_RULE_SET.qualification, sqlActivity: names[code]!, requiredCriteria: [] };
          const flags = qualificationFlags(fake, q, new Int32Array(leads.length).fill(-1), asOf);
          expect(Array.from(flags.sqlActivity)).toEqual(reference(start, type, at, code, asOf));
        },
      ),
    );
  });
});
