import { describe, expect, it } from 'vitest';
import { FT_CRITERIA, FT_FAST, FT_NO_SQL } from '../../../src/engine/hygiene/detectors';
import { runHygiene } from '../../../src/engine/hygiene/hygiene';
import { DEFAULT_HYGIENE_RULES } from '../../../src/engine/hygiene/rules';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Qualification } from '../../../src/engine/model/records';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';

const BANT_OK: Qualification = { budget: true, authority: true, need: true, timeline: true };
const AS_OF = ms('2026-09-30');

/*
 * Leads and deals:
 *   L1 SQL 2026-03-01, SQO 2026-03-10 (9 days)  → O1 clean ($10,000, won)
 *   L2 SQL 2026-03-01 09:00, SQO 2026-03-01 15:00 (6 h) → O2 fast-track ($20,000, lost)
 *   L3 no SQL, SQO 2026-03-05                  → O3 fast-track, no SQL ($30,000, open)
 *   L4 SQL 2026-02-01, SQO 2026-03-01, budget false → O4 fast-track by criteria ($40,000, lost)
 *   L5 clean, AE-sourced, first touch organic (inbound) → O5 pass-through ($50,000, won)
 *   L6 clean, AE-sourced, first touch outbound → O6 not a pass-through ($60,000, open)
 *   O7 (L7 clean) stage history sqo → proposal → sqo: re-staged ($70,000, lost)
 *   O8 (L8 clean) sqo → proposal → negotiation: not re-staged ($80,000, open)
 */
function fixture() {
  const clean = (id: string) => lead(id, '2026-01-01', { sql: '2026-02-01', sqo: '2026-03-01' });
  const leads = [
    lead('L1', '2026-01-01', { sql: '2026-03-01', sqo: '2026-03-10' }),
    lead('L2', '2026-01-01', { sql: '2026-03-01T09:00:00Z', sqo: '2026-03-01T15:00:00Z' }),
    lead('L3', '2026-01-01', { sqo: '2026-03-05' }),
    clean('L4'),
    clean('L5'),
    clean('L6'),
    clean('L7'),
    clean('L8'),
  ];
  const deal = (n: number, extra: Parameters<typeof opportunity>[2] = {}) =>
    opportunity(`O${n}`, '2026-03-01', {
      leadId: `L${n}`,
      amountCents: n * 1_000_000,
      qualification: BANT_OK,
      sourcedBy: 'marketing',
      ...extra,
    });
  const closed = (status: 'won' | 'lost') => ({ status, closeDate: ms('2026-06-01') });
  const opportunities = [
    deal(1, closed('won')),
    deal(2, closed('lost')),
    deal(3),
    deal(4, { ...closed('lost'), qualification: { ...BANT_OK, budget: false } }),
    deal(5, { ...closed('won'), sourcedBy: 'ae' }),
    deal(6, { sourcedBy: 'ae' }),
    deal(7, {
      ...closed('lost'),
      stageHistory: [
        { stage: 'sqo', at: ms('2026-03-01') },
        { stage: 'proposal', at: ms('2026-03-20') },
        { stage: 'sqo', at: ms('2026-04-01') },
        { stage: 'lost', at: ms('2026-06-01') },
      ],
    }),
    deal(8, {
      stageHistory: [
        { stage: 'sqo', at: ms('2026-03-01') },
        { stage: 'proposal', at: ms('2026-03-20') },
        { stage: 'negotiation', at: ms('2026-04-01') },
      ],
    }),
  ];
  const touches = [
    { leadId: 'L5', channel: 'organic', at: ms('2026-01-01') },
    { leadId: 'L6', channel: 'outbound', at: ms('2026-01-01') },
    { opportunityId: 'O6', channel: 'webinar', at: ms('2026-04-01') },
    // Marketing credit: L1 first touch paid 2025-06-01 (> 90 days before its SQO), O1 a webinar later.
    { leadId: 'L1', channel: 'paid', at: ms('2025-06-01') },
    // L2 first touch paid 2026-01-15, 45 days before SQO: credited under both definitions.
    { leadId: 'L2', channel: 'paid', at: ms('2026-01-15') },
  ];
  return buildDataset(recordSet({ leads, opportunities, touches }));
}

const ids = (ds: ReturnType<typeof fixture>, rows: Int32Array) => Array.from(rows, (j) => ds.opportunities.id[j]);

describe('SQO hygiene detectors', () => {
  const ds = fixture();
  const h = runHygiene(ds, { asOf: AS_OF });

  it('fast-track: SQO within a day of SQL, no SQL at all, or a BANT criterion missing', () => {
    expect(ids(ds, h.fastTrack.rows)).toEqual(['O2', 'O3', 'O4']);
    expect(h.fastTrack.detail.reason[1]).toBe(FT_FAST);
    expect(h.fastTrack.detail.hoursSqlToSqo[1]).toBe(6);
    expect(h.fastTrack.detail.reason[2]).toBe(FT_NO_SQL);
    expect(h.fastTrack.detail.reason[3]).toBe(FT_CRITERIA);
    expect(h.fastTrack.detail.missing[3]).toEqual(['budget']);
    // $20,000 + $30,000 + $40,000; open: O3.
    expect(h.fastTrack.amountCents).toBe(9_000_000);
    expect(h.fastTrack.openAmountCents).toBe(3_000_000);
    // Flagged closed: O2 lost, O4 lost → 0 / 2. Clean closed: O1 won, O5 won, O7 lost → 2 / 3.
    expect(h.fastTrack.flagged).toEqual({ won: 0, closed: 2, winRate: 0 });
    expect(h.fastTrack.clean.winRate).toBeCloseTo(2 / 3, 12);
  });

  it('fast-track follows its editable rule', () => {
    const loose = runHygiene(ds, {
      asOf: AS_OF,
      rules: {
        ...DEFAULT_HYGIENE_RULES,
        fastTrack: { maxHoursSqlToSqo: 1, requiredCriteria: [], flagMissingSql: false },
      },
    });
    expect(loose.fastTrack.count).toBe(0);
  });

  it('pass-through: AE claims the deal although the first touch was inbound', () => {
    expect(ids(ds, h.passThrough.rows)).toEqual(['O5']);
    expect(h.passThrough.amountCents).toBe(5_000_000);
    expect(h.passThrough.flagged).toEqual({ won: 1, closed: 1, winRate: 1 });
  });

  it('re-stage: back to sqo after a later stage, not a forward walk', () => {
    expect(ids(ds, h.restaged.rows)).toEqual(['O7']);
    expect(h.restaged.detail.restagedAt[6]).toBe(ms('2026-04-01'));
  });

  it('marketing-sourced share: any touch ever against first touch within 90 days before SQO', () => {
    // Any marketing touch: O1 (paid), O2 (paid), O5 (organic), O6 (webinar on the deal) = $10k+$20k+$50k+$60k.
    // First touch marketing within 90 days before SQO: O2 (45 days) and O5 (organic 2026-01-01, SQO
    // 2026-03-01: 59 days) = $70k. O1's first touch is 282 days old; O6's first touch is outbound.
    const total = 36_000_000; // $10k + … + $80k
    expect(h.marketing.share.totalCents).toBe(total);
    expect(h.marketing.share.anyTouchCents).toBe(14_000_000);
    expect(h.marketing.share.firstTouchCents).toBe(7_000_000);
    expect(h.marketing.share.anyTouch).toBeCloseTo(14 / 36, 12);
    expect(h.marketing.share.firstTouchWindow).toBeCloseTo(7 / 36, 12);
    // Over-credited: O1 (first touch too old) and O6 (first touch outbound).
    expect(ids(ds, h.marketing.rows)).toEqual(['O1', 'O6']);
  });

  it('flags nothing and returns null rates on an empty dataset', () => {
    const e = runHygiene(buildDataset(recordSet()), { asOf: AS_OF });
    expect(e.fastTrack.count).toBe(0);
    expect(e.fastTrack.flagged.winRate).toBeNull();
    expect(e.marketing.share.anyTouch).toBeNull();
  });
});
