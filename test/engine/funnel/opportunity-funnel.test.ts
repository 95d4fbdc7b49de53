import { describe, expect, it } from 'vitest';
import { opportunityFunnel, opportunityWindow } from '../../../src/engine/funnel/opportunity-funnel';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { ms, opportunity, recordSet } from '../../fixtures/records';

const AS_OF = ms('2026-06-30');
const h = (...entries: [string, string][]) => entries.map(([stage, at]) => ({ stage, at: ms(at) }));

/*
 * Five deals, Salesforce stage names, listed out of pipeline order on purpose:
 *   O1 Prospecting → Qualification → Closed Won (won $10,000, closed 2026-03-01)
 *   O2 Prospecting → Closed Lost (lost $20,000, closed 2026-04-10)
 *   O3 Prospecting → Qualification (open $30,000)
 *   O4 Prospecting (open $40,000)
 *   O5 created 2026-08-01: after the as-of date, not counted
 * Reach: created 4, Prospecting 4, Qualification 2 (O1 won, O3 entered), won 1; win rate 1 ÷ 2.
 */
function fixture() {
  return buildDataset(
    recordSet({
      opportunities: [
        opportunity('O1', '2026-01-05', {
          amountCents: 1_000_000,
          status: 'won',
          closeDate: ms('2026-03-01'),
          stageHistory: h(['Prospecting', '2026-01-05'], ['Qualification', '2026-02-01'], ['Closed Won', '2026-03-01']),
        }),
        opportunity('O2', '2026-01-06', {
          amountCents: 2_000_000,
          status: 'lost',
          closeDate: ms('2026-04-10'),
          stageHistory: h(['Prospecting', '2026-01-06'], ['Closed Lost', '2026-04-10']),
        }),
        opportunity('O3', '2026-02-01', {
          amountCents: 3_000_000,
          stageHistory: h(['Qualification', '2026-03-01'], ['Prospecting', '2026-02-01']),
        }),
        opportunity('O4', '2026-04-02', { amountCents: 4_000_000, stageHistory: h(['Prospecting', '2026-04-02']) }),
        opportunity('O5', '2026-08-01', { amountCents: 5_000_000, stageHistory: h(['Prospecting', '2026-08-01']) }),
      ],
    }),
  );
}

describe('opportunity funnel', () => {
  it('orders known stages, counts inclusively from the history and gives won ÷ (won + lost)', () => {
    const f = opportunityFunnel(fixture(), AS_OF);
    expect(f.source).toBe('history');
    expect(f.stages.map((s) => [s.label, s.count])).toEqual([
      ['Opportunities', 4],
      ['Prospecting', 4],
      ['Qualification', 2],
      ['Won', 1],
    ]);
    expect(f.stages[2]!.stepRate).toBe(0.5);
    expect(f.stages[3]!.cumulativeRate).toBe(0.25);
    expect(f.stages[2]!.amountCents).toBe(4_000_000);
    expect([f.open, f.won, f.lost, f.winRate]).toEqual([2, 1, 1, 0.5]);
  });

  it('without a history uses the status only: created → won', () => {
    const f = opportunityFunnel(fixture(), AS_OF, undefined, false);
    expect(f.source).toBe('status');
    expect(f.stages.map((s) => [s.stage, s.count])).toEqual([
      ['created', 4],
      ['won', 1],
    ]);
  });

  it('a deal closed after the as-of date is still open then; nothing closed gives a null win rate, not 0%', () => {
    const early = opportunityFunnel(fixture(), ms('2026-03-15'));
    expect([early.open, early.won, early.lost, early.winRate]).toEqual([2, 1, 0, 1]);
    const none = opportunityFunnel(fixture(), ms('2026-02-15'));
    expect(none.winRate).toBeNull();
  });

  it('counts a window by creation and by close date', () => {
    const q2 = opportunityWindow(fixture(), AS_OF, ms('2026-04-01'), ms('2026-07-01'));
    expect(q2).toEqual({ created: 1, won: 0, lost: 1, wonCents: 0, winRate: 0 });
    const q1 = opportunityWindow(fixture(), AS_OF, ms('2026-01-01'), ms('2026-04-01'));
    expect(q1).toEqual({ created: 3, won: 1, lost: 0, wonCents: 1_000_000, winRate: 1 });
  });
});
