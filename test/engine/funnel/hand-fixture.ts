/**
 * A small funnel worked out by hand (figures in the tests). As of 2026-06-30:
 * - L1 2026-01-05: mql 01-10, sal 01-15, sql 01-20, sqo 02-01; opportunity O1 won 03-01, $10,000.
 *   Its own history has no won entry: it is won through the opportunity.
 * - L2 2026-01-10: mql 01-12, sql 01-20 (skips sal), sqo 02-10; O2 lost 04-01, $5,000.
 * - L3 2026-02-01: mql 02-05, disqualified 02-10.
 * - L4 2026-02-15: only won_at 03-20 (no opportunity): skips mql, sal, sql and sqo.
 * - L5 2026-04-01: mql 04-02, recycled 04-20, mql again 05-01 (re-staged), sal 05-05.
 * - L6 a bot (excluded); L7 created after the as-of date (out of scope); L8 2026-03-01, a lead only.
 * Sources: webinar L1, L2, L8; paid L3, L5; none L4.
 */
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach, type FunnelMode } from '../../../src/engine/funnel/reach';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';

export const AS_OF = ms('2026-06-30');

export function handRecords() {
  const l5 = lead(
    'L5',
    '2026-04-01',
    { mql: '2026-04-02', recycled: '2026-04-20', sal: '2026-05-05' },
    { source: 'paid' },
  );
  l5.stageHistory.push({ stage: 'mql', at: ms('2026-05-01') });
  return recordSet({
    leads: [
      lead(
        'L1',
        '2026-01-05',
        { mql: '2026-01-10', sal: '2026-01-15', sql: '2026-01-20', sqo: '2026-02-01' },
        { source: 'webinar' },
      ),
      lead('L2', '2026-01-10', { mql: '2026-01-12', sql: '2026-01-20', sqo: '2026-02-10' }, { source: 'webinar' }),
      lead('L3', '2026-02-01', { mql: '2026-02-05', disqualified: '2026-02-10' }, { source: 'paid' }),
      lead('L4', '2026-02-15', { won: '2026-03-20' }),
      l5,
      lead('L6', '2026-01-01', { mql: '2026-01-02' }, { isBot: true, source: 'paid' }),
      lead('L7', '2026-07-15', { mql: '2026-07-16' }, { source: 'paid' }),
      lead('L8', '2026-03-01', {}, { source: 'webinar' }),
    ],
    opportunities: [
      opportunity('O1', '2026-02-01', {
        leadId: 'L1',
        status: 'won',
        closeDate: ms('2026-03-01'),
        amountCents: 1_000_000,
      }),
      opportunity('O2', '2026-02-10', {
        leadId: 'L2',
        status: 'lost',
        closeDate: ms('2026-04-01'),
        amountCents: 500_000,
      }),
    ],
  });
}

export function handDataset() {
  return buildDataset(handRecords());
}

export function handReach(mode: FunnelMode = 'inclusive', filters = {}) {
  const ds = handDataset();
  return { ds, reach: computeReach(ds, leadMask(ds, filters), AS_OF, mode) };
}

/** Row index of a lead id. */
export const row = (ds: ReturnType<typeof handDataset>, id: string) => ds.leads.id.indexOf(id);
