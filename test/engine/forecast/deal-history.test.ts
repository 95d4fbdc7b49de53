import { describe, expect, it } from 'vitest';
import { dealStateAt, hasDealHistory } from '../../../src/engine/forecast/deal-history';
import { AT_NONE } from '../../../src/engine/forecast/opportunity-time';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { STATUS_LOST, STATUS_OPEN, STATUS_WON } from '../../../src/engine/model/stages';
import { ms, opportunity, recordSet } from '../../fixtures/records';
import { historyBook, usd } from './history-fixture';

const ds = historyBook();
const row = (id: string) => ds.opportunities.id.indexOf(id);
const at = (id: string, iso: string) => dealStateAt(ds, row(id), ms(iso));

describe('dealStateAt: the state of a deal at a past instant, replayed from its changes', () => {
  it('the deal pushed twice: each instant shows the close date, stage, category and p then recorded', () => {
    // Replayed by hand from the fixture's four changes of P.
    expect(at('P', '2026-01-04')).toMatchObject({ status: AT_NONE });
    expect(at('P', '2026-01-05')).toEqual({
      status: STATUS_OPEN,
      stage: 'sqo',
      amountCents: usd(10_000),
      closeDate: ms('2026-02-15'),
      probability: 0.1,
      forecastCategory: 'pipeline',
    });
    expect(at('P', '2026-02-09T23:59:59Z')).toMatchObject({ stage: 'sqo', closeDate: ms('2026-02-15') });
    expect(at('P', '2026-02-10')).toEqual({
      status: STATUS_OPEN,
      stage: 'proposal',
      amountCents: usd(10_000),
      closeDate: ms('2026-03-10'),
      probability: 0.5,
      forecastCategory: 'pipeline',
    });
    expect(at('P', '2026-03-05')).toMatchObject({
      closeDate: ms('2026-04-20'),
      forecastCategory: 'commit',
      probability: 0.5,
    });
    expect(at('P', '2026-04-20')).toEqual({
      status: STATUS_WON,
      stage: 'won',
      amountCents: usd(10_000),
      closeDate: ms('2026-04-20'),
      probability: 1,
      forecastCategory: 'closed',
    });
  });

  it('the deal whose amount grew: $20,000 until 02-01, then $30,000, lost on 03-15', () => {
    expect(at('G', '2026-01-31')).toMatchObject({
      status: STATUS_OPEN,
      amountCents: usd(20_000),
      closeDate: ms('2026-03-31'),
    });
    expect(at('G', '2026-02-01')).toMatchObject({ status: STATUS_OPEN, amountCents: usd(30_000) });
    expect(at('G', '2026-03-15')).toMatchObject({
      status: STATUS_LOST,
      amountCents: usd(30_000),
      closeDate: ms('2026-03-15'),
    });
  });

  it('the deal pulled in: due 06-30 until 02-20, then 03-31', () => {
    expect(at('I', '2026-02-19')).toMatchObject({ closeDate: ms('2026-06-30') });
    expect(at('I', '2026-02-20')).toMatchObject({ closeDate: ms('2026-03-31') });
  });

  it('a category or probability is unset before the rep first sets it; a field never recorded keeps the current value', () => {
    // O's only change sets the category on 02-25.
    expect(at('O', '2026-01-21')).toMatchObject({
      forecastCategory: undefined,
      amountCents: usd(50_000),
      closeDate: ms('2026-03-20'),
      stage: 'negotiation',
    });
    expect(at('O', '2026-02-25').forecastCategory).toBe('omitted');
    expect(Number.isNaN(at('O', '2026-01-21').probability)).toBe(true);
    // G's first recorded amount ($20,000) holds from creation, though its first change is that day.
    expect(at('G', '2026-01-10').amountCents).toBe(usd(20_000));
    // W has no recorded change: its current values throughout, stage from its stage history.
    expect(at('W', '2026-01-15')).toMatchObject({
      status: STATUS_OPEN,
      stage: 'sqo',
      amountCents: usd(5_000),
      forecastCategory: undefined,
    });
    expect(at('W', '2026-01-31')).toMatchObject({ status: STATUS_WON, stage: 'won' });
  });

  it('changes at the same instant apply in recorded order: the later one wins', () => {
    const t = '2026-02-01T10:00:00Z';
    const same = buildDataset(
      recordSet({
        opportunities: [
          opportunity('S', '2026-01-01', {
            changes: [
              { at: ms(t), closeDate: ms('2026-03-01') },
              { at: ms(t), closeDate: ms('2026-05-01') },
            ],
          }),
        ],
      }),
    );
    expect(dealStateAt(same, 0, ms(t)).closeDate).toBe(ms('2026-05-01'));
    expect(hasDealHistory(same)).toBe(true);
    expect(hasDealHistory(buildDataset(recordSet({ opportunities: [opportunity('N', '2026-01-01')] })))).toBe(false);
  });
});
