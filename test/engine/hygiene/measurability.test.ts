import { describe, expect, it } from 'vitest';
import { NEEDS } from '../../../src/engine/capabilities';
import { FT_CRITERIA } from '../../../src/engine/hygiene/detectors';
import { runHygiene } from '../../../src/engine/hygiene/hygiene';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { uncheckedText } from '../../../src/lib/unchecked-text';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';

const AS_OF = ms('2026-09-30');
const won = { status: 'won' as const, closeDate: ms('2026-06-01') };

describe('a detector never flags a deal for data the dataset never had', () => {
  it('opportunities alone (no leads, criteria, history or touches): every detector is not measurable and flags nothing', () => {
    const ds = buildDataset(
      recordSet({
        opportunities: [
          opportunity('O1', '2026-03-01', won),
          opportunity('O2', '2026-03-02'),
          opportunity('O3', '2026-03-03', { sourcedBy: 'ae' }),
        ],
      }),
    );
    const h = runHygiene(ds, { asOf: AS_OF });
    expect(h.fastTrack.notMeasurable?.reason).toBe(
      `not measurable — needs ${NEEDS.leads} and ${NEEDS.sqlDates} and ${NEEDS.qualification}`,
    );
    expect(h.fastTrack.count).toBe(0);
    expect(h.passThrough.notMeasurable?.reason).toBe(`not measurable — needs ${NEEDS.touches}`);
    expect(h.restaged.notMeasurable?.reason).toBe(`not measurable — needs ${NEEDS.stageHistory}`);
    expect(h.marketing.notMeasurable?.reason).toBe(`not measurable — needs ${NEEDS.touches}`);
    expect(h.marketing.share.anyTouch).toBeNull();
    expect(h.marketing.share.firstTouchWindow).toBeNull();
  });

  it('criteria recorded but no SQL dates: only the criteria part runs, and the SQL part is said to be unchecked', () => {
    const ds = buildDataset(
      recordSet({
        opportunities: [
          opportunity('O1', '2026-03-01', {
            ...won,
            qualification: { budget: true, authority: true, need: true, timeline: true },
          }),
          opportunity('O2', '2026-03-01', {
            qualification: { budget: false, authority: true, need: true, timeline: true },
          }),
        ],
      }),
    );
    const h = runHygiene(ds, { asOf: AS_OF });
    expect(h.fastTrack.notMeasurable).toBeNull();
    expect(h.fastTrack.count).toBe(1);
    expect(h.fastTrack.detail.reason[1]).toBe(FT_CRITERIA);
    expect(h.fastTrack.unchecked).toEqual([{ part: 'sqlTiming', needs: ['leads', 'sqlDates'] }]);
    expect(uncheckedText(h.fastTrack.unchecked[0]!)).toBe(
      `SQL→SQO time not checked — needs ${NEEDS.leads} and ${NEEDS.sqlDates}`,
    );
  });

  it('SQL dates on linked leads but no criteria: the time part runs, a missing SQL still flags, criteria are unchecked', () => {
    const ds = buildDataset(
      recordSet({
        leads: [
          lead('L1', '2026-01-01', { sql: '2026-02-01', sqo: '2026-03-01' }),
          lead('L2', '2026-01-01', { sqo: '2026-03-01' }),
        ],
        opportunities: [
          opportunity('O1', '2026-03-01', { leadId: 'L1' }),
          opportunity('O2', '2026-03-01', { leadId: 'L2' }),
        ],
      }),
    );
    const h = runHygiene(ds, { asOf: AS_OF });
    expect(h.fastTrack.notMeasurable).toBeNull();
    expect(Array.from(h.fastTrack.rows)).toEqual([1]);
    expect(h.fastTrack.unchecked).toEqual([{ part: 'criteria', needs: ['qualification'] }]);
    expect(uncheckedText(h.fastTrack.unchecked[0]!)).toBe(`criteria not checked — needs ${NEEDS.qualification}`);
  });

  it('touches without sourced_by: marketing share is measured, pass-through is not', () => {
    const ds = buildDataset(
      recordSet({
        opportunities: [
          opportunity('O1', '2026-03-01', { amountCents: 1_000_000 }),
          opportunity('O2', '2026-03-01', { amountCents: 3_000_000 }),
        ],
        touches: [{ opportunityId: 'O1', channel: 'webinar', at: ms('2026-02-01') }],
      }),
    );
    const h = runHygiene(ds, { asOf: AS_OF });
    expect(h.passThrough.notMeasurable?.reason).toBe(`not measurable — needs ${NEEDS.sourcedBy}`);
    expect(h.marketing.notMeasurable).toBeNull();
    // $10,000 of $40,000 has a marketing touch, and its first touch is 28 days before the SQO.
    expect(h.marketing.share.anyTouch).toBe(0.25);
    expect(h.marketing.share.firstTouchWindow).toBe(0.25);
  });
});
