/**
 * A hand-made book of deals, as of 2026-06-30 (calendar quarters):
 * open  A $10,000 sqo,      created 2026-03-15, due 2026-07-15 (Q3)
 * open  B $20,000 proposal, created 2026-05-01, due 2026-08-01 (Q3)
 * open  C $30,000 proposal, created 2026-02-01, due 2026-06-30 (Q2)
 * won   D $40,000 created 2026-01-01, closed 2026-03-02 (60 days, Q1)
 * won   E $20,000 created 2026-02-01, closed 2026-04-12 (70 days, Q2)
 * won   H $30,000 created 2026-03-01, closed 2026-03-11 (10 days, Q1)
 * lost  F $50,000 created 2026-03-20, closed 2026-05-01 (Q2)
 * lost  G $99,000 created 2023-10-01, closed 2024-01-01 (outside the 4-quarter lookback)
 * Quotas: Q1 $60,000, Q2 $100,000, Q3 $50,000.
 */
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { OpportunityRecord, StageEvent } from '../../../src/engine/model/records';
import { ms, opportunity, recordSet } from '../../fixtures/records';

const usd = (dollars: number) => dollars * 100;

function deal(
  id: string,
  created: string,
  dollars: number,
  stages: [string, string][],
  extra: Partial<OpportunityRecord> = {},
): OpportunityRecord {
  const history: StageEvent<string>[] = [
    { stage: 'sqo', at: ms(created) },
    ...stages.map(([stage, at]) => ({ stage, at: ms(at) })),
  ];
  return opportunity(id, created, {
    amountCents: usd(dollars),
    stageHistory: history,
    stage: history[history.length - 1]!.stage,
    ...extra,
  });
}

export const AS_OF = ms('2026-06-30T12:00:00Z');

export function bookOfDeals(extra: OpportunityRecord[] = []) {
  const opportunities = [
    deal('A', '2026-03-15', 10_000, [], { closeDate: ms('2026-07-15') }),
    deal('B', '2026-05-01', 20_000, [['proposal', '2026-05-20']], { closeDate: ms('2026-08-01') }),
    deal('C', '2026-02-01', 30_000, [['proposal', '2026-03-01']], { closeDate: ms('2026-06-30') }),
    deal(
      'D',
      '2026-01-01',
      40_000,
      [
        ['proposal', '2026-02-01'],
        ['won', '2026-03-02'],
      ],
      { status: 'won', closeDate: ms('2026-03-02') },
    ),
    deal(
      'E',
      '2026-02-01',
      20_000,
      [
        ['proposal', '2026-03-01'],
        ['won', '2026-04-12'],
      ],
      { status: 'won', closeDate: ms('2026-04-12') },
    ),
    deal('H', '2026-03-01', 30_000, [['won', '2026-03-11']], { status: 'won', closeDate: ms('2026-03-11') }),
    deal(
      'F',
      '2026-03-20',
      50_000,
      [
        ['proposal', '2026-04-01'],
        ['lost', '2026-05-01'],
      ],
      { status: 'lost', closeDate: ms('2026-05-01') },
    ),
    deal('G', '2023-10-01', 99_000, [['lost', '2024-01-01']], { status: 'lost', closeDate: ms('2024-01-01') }),
    ...extra,
  ];
  return buildDataset(
    recordSet({
      opportunities,
      plan: {
        currency: 'USD',
        fiscalYearStartMonth: 1,
        quotas: [
          { quarter: '2026-Q1', quotaCents: usd(60_000) },
          { quarter: '2026-Q2', quotaCents: usd(100_000) },
          { quarter: '2026-Q3', quotaCents: usd(50_000) },
        ],
      },
    }),
  );
}

export { deal, usd };
