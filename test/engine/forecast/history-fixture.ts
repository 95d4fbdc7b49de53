/**
 * A hand-made deal history over 2026-Q1 (calendar quarters, quota Q1 $100,000):
 * P  pushed twice and won: created 01-05 $10,000 due 02-15 (sqo, Pipeline); 02-10 proposal, due
 *    03-10; 03-05 due 04-20 (pushed out of Q1), category Commit; won 04-20.
 * G  amount grew, then lost: created 01-10 $20,000 due 03-31 (sqo); 02-01 amount $30,000; lost 03-15.
 * I  pulled in: created 2025-12-01 $40,000 due 06-30 (sqo); 02-20 due 03-31 (into Q1); open.
 * O  category override: created 01-20 $50,000 due 03-20 in negotiation (maps to Commit); 02-25 the
 *    rep set Omitted; open.
 * W  plain win: created 2025-11-01 $5,000 due 01-31, sqo → won 01-31, no recorded changes.
 */
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { OpportunityChange, OpportunityRecord } from '../../../src/engine/model/records';
import { ms, opportunity, recordSet } from '../../fixtures/records';

export const usd = (dollars: number) => dollars * 100;
export const Q1_START = ms('2026-01-01');
export const Q1_END = ms('2026-04-01');

const c = (at: string, fields: Omit<OpportunityChange, 'at'>): OpportunityChange => ({ at: ms(at), ...fields });

export const DEALS: OpportunityRecord[] = [
  opportunity('P', '2026-01-05', {
    amountCents: usd(10_000),
    status: 'won',
    closeDate: ms('2026-04-20'),
    stage: 'won',
    stageHistory: [
      { stage: 'sqo', at: ms('2026-01-05') },
      { stage: 'proposal', at: ms('2026-02-10') },
      { stage: 'won', at: ms('2026-04-20') },
    ],
    changes: [
      c('2026-01-05', {
        stage: 'sqo',
        amountCents: usd(10_000),
        closeDate: ms('2026-02-15'),
        forecastCategory: 'pipeline',
        probability: 0.1,
      }),
      c('2026-02-10', { stage: 'proposal', closeDate: ms('2026-03-10'), probability: 0.5 }),
      c('2026-03-05', { closeDate: ms('2026-04-20'), forecastCategory: 'commit' }),
      c('2026-04-20', { stage: 'won', forecastCategory: 'closed', probability: 1 }),
    ],
  }),
  opportunity('G', '2026-01-10', {
    amountCents: usd(30_000),
    status: 'lost',
    closeDate: ms('2026-03-15'),
    stage: 'lost',
    stageHistory: [
      { stage: 'sqo', at: ms('2026-01-10') },
      { stage: 'lost', at: ms('2026-03-15') },
    ],
    changes: [
      c('2026-01-10', { amountCents: usd(20_000), closeDate: ms('2026-03-31') }),
      c('2026-02-01', { amountCents: usd(30_000) }),
      c('2026-03-15', { closeDate: ms('2026-03-15') }),
    ],
  }),
  opportunity('I', '2025-12-01', {
    amountCents: usd(40_000),
    closeDate: ms('2026-03-31'),
    stage: 'sqo',
    stageHistory: [{ stage: 'sqo', at: ms('2025-12-01') }],
    changes: [c('2025-12-01', { closeDate: ms('2026-06-30') }), c('2026-02-20', { closeDate: ms('2026-03-31') })],
  }),
  opportunity('O', '2026-01-20', {
    amountCents: usd(50_000),
    closeDate: ms('2026-03-20'),
    stage: 'negotiation',
    stageHistory: [{ stage: 'negotiation', at: ms('2026-01-20') }],
    changes: [c('2026-02-25', { forecastCategory: 'omitted' })],
  }),
  opportunity('W', '2025-11-01', {
    amountCents: usd(5_000),
    status: 'won',
    closeDate: ms('2026-01-31'),
    stage: 'won',
    stageHistory: [
      { stage: 'sqo', at: ms('2025-11-01') },
      { stage: 'won', at: ms('2026-01-31') },
    ],
  }),
];

export function historyBook() {
  return buildDataset(
    recordSet({
      opportunities: DEALS,
      plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [{ quarter: '2026-Q1', quotaCents: usd(100_000) }] },
    }),
  );
}
