import { describe, expect, it } from 'vitest';
import { currentWindowLabel, headlineCards, previousWindowLabel } from '../../../src/features/overview/build-headline';

describe('the Overview headline windows in words', () => {
  it('names the quarter to date, or to the end of the date filter when the filter cuts it', () => {
    const q3 = { quarter: '2026-Q3', from: '2026-07-01', to: '2026-07-16' };
    expect(currentWindowLabel({ ...q3, clipped: false })).toBe('2026-Q3 to date');
    expect(currentWindowLabel({ ...q3, clipped: true })).toBe('2026-Q3 to the end of the date filter');
  });

  it('names the previous window as the same days of its quarter', () => {
    expect(previousWindowLabel({ quarter: '2026-Q2', clipped: false, from: '2026-04-01', to: '2026-04-16' })).toBe(
      '2026-Q2, same days',
    );
  });
});

describe('the Overview headline figures in words', () => {
  const windows = {
    currency: 'USD',
    current: { quarter: '2026-Q2', clipped: false, from: '2026-04-01', to: '2026-06-30' },
    previous: { quarter: '2026-Q1', clipped: false, from: '2026-01-01', to: '2026-03-31' },
  };
  const dates = ' Current: Apr 1, 2026 – Jun 30, 2026; previous: Jan 1, 2026 – Mar 31, 2026.';

  it('names and defines the figures counted on leads', () => {
    const cards = headlineCards({
      ...windows,
      basis: 'leads',
      headline: [
        // 1 lead against 5: (1 − 5) ÷ 5 = −80%.
        { key: 'leads', kind: 'count', current: 1, previous: 5, change: -0.8 },
        // 3 SQO entries ÷ 4 MQL entries = 75% last quarter; none now: −75 points.
        { key: 'mqlToSqo', kind: 'rate', current: 0, previous: 0.75, change: -0.75 },
      ],
    });
    expect(cards).toEqual([
      {
        key: 'leads',
        label: 'Leads',
        value: '1',
        note: '▼ 80.0% vs 2026-Q1, same days (5)',
        help: `Leads created in the window (bots excluded).${dates}`,
        direction: 'down',
      },
      {
        key: 'mqlToSqo',
        label: 'MQL→SQO (period)',
        value: '0.0%',
        note: '−75.0 pts vs 2026-Q1, same days (75.0%)',
        help: `SQO entries ÷ MQL entries in the window: a period conversion that mixes cohorts.${dates}`,
        direction: 'down',
      },
    ]);
  });

  it('defines won, won amount and the win rate by close date when counted on opportunities', () => {
    const cards = headlineCards({
      ...windows,
      basis: 'opportunities',
      headline: [
        { key: 'opportunities', kind: 'count', current: 3, previous: 3, change: 0 },
        { key: 'won', kind: 'count', current: 1, previous: 2, change: -0.5 },
        { key: 'wonAmount', kind: 'money', current: 500_000, previous: 1_000_000, change: -0.5 },
        // 1 won of 1 closed against 2 won of 3 closed: +33.3 points.
        { key: 'winRate', kind: 'rate', current: 1, previous: 2 / 3, change: 1 / 3 },
      ],
    });
    expect(cards.map((c) => [c.label, c.value, c.help])).toEqual([
      ['Opportunities', '3', `Opportunities created in the window.${dates}`],
      ['Won', '1', `Opportunities closed won in the window (by close date).${dates}`],
      ['Won amount', '$5.0K', `Amount of the opportunities closed won in the window.${dates}`],
      ['Win rate (won ÷ closed)', '100.0%', `Won ÷ (won + lost) of the opportunities closed in the window.${dates}`],
    ]);
    expect(cards[3]!.note).toBe('+33.3 pts vs 2026-Q1, same days (66.7%)');
  });

  it('defines the lead-based won figures by the leads won', () => {
    const [won, wonAmount, winRate] = headlineCards({
      ...windows,
      basis: 'leads',
      headline: [
        { key: 'won', kind: 'count', current: 0, previous: 2, change: -1 },
        { key: 'wonAmount', kind: 'money', current: 0, previous: 1_000_000, change: -1 },
        { key: 'winRate', kind: 'rate', current: null, previous: 1, change: null },
      ],
    });
    expect(won!.help).toBe(`Leads won in the window (won opportunity closed, or a won date).${dates}`);
    expect(wonAmount!.help).toBe(`Amount of the won opportunities of the leads won in the window.${dates}`);
    expect(wonAmount!.note).toBe('▼ 100.0% vs 2026-Q1, same days ($10.0K)');
    expect(winRate!.help).toBe(`Won ÷ (won + lost) of the deals closed in the window.${dates}`);
    expect(winRate!.note).toBe('no comparison vs 2026-Q1, same days (100.0%)');
    expect(winRate!.direction).toBe('none');
  });
});
