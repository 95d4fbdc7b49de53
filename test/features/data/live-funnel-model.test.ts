import { describe, expect, it } from 'vitest';
import { buildLiveFunnelModel } from '../../../src/features/data/live-funnel-model';

const counts = { lead: 400, mql: 100, sal: 80, sql: 40, sqo: 20, won: 5, lost: 3, disqualified: 9 };

describe('the live funnel of an import', () => {
  it('says it is partial, with the rows read so far out of the estimate', () => {
    const m = buildLiveFunnelModel({ rowsRead: 1_234, estimatedRows: 98_765, complete: false, counts });
    expect(m.caption).toBe('So far: 1,234 of ~98,765 rows read');
    expect(m.rows.map((r) => [r.label, r.countText, r.shareText])).toEqual([
      ['Leads', '400', '100.0%'],
      ['MQL', '100', '25.0%'],
      ['SAL', '80', '20.0%'],
      ['SQL', '40', '10.0%'],
      ['SQO', '20', '5.0%'],
      ['Won', '5', '1.3%'],
    ]);
  });

  it('drops the estimate when the size is unknown, and says when every row is read', () => {
    expect(buildLiveFunnelModel({ rowsRead: 10, estimatedRows: null, complete: false, counts }).caption).toBe(
      'So far: 10 rows read',
    );
    expect(buildLiveFunnelModel({ rowsRead: 10, estimatedRows: 10, complete: true, counts }).caption).toBe(
      'All 10 rows read; checking every row before loading',
    );
  });

  it('shows no share before the first lead in scope (0/0)', () => {
    const none = { lead: 0, mql: 0, sal: 0, sql: 0, sqo: 0, won: 0, lost: 0, disqualified: 0 };
    const m = buildLiveFunnelModel({ rowsRead: 3, estimatedRows: 300, complete: false, counts: none });
    expect(m.rows.every((r) => r.share === 0 && r.shareText === '–')).toBe(true);
  });
});
