import { describe, expect, it } from 'vitest';
import { readCanonicalCsv } from '../../src/import/canonical/read-csv-folder';
import { expectBalanced } from '../fixtures/import-report';
import { ms } from '../fixtures/records';

const OPPS = 'id,created_at,amount,status,stage\nA,2026-01-01,1000,open,proposal\nB,2026-01-01,2000,open,sqo\n';

function read(history: string, stages?: string) {
  const files = [
    { name: 'opportunities.csv', text: OPPS },
    { name: 'opportunity_history.csv', text: history },
    ...(stages === undefined ? [] : [{ name: 'opportunity_stages.csv', text: stages }]),
  ];
  return readCanonicalCsv(files);
}

describe('opportunity_history.csv', () => {
  it('reads each change; empty cells leave a field unchanged; probability as a fraction or a percentage', () => {
    const { records, report } = read(
      'opportunity_id,at,stage,amount,close_date,probability,forecast_category\n' +
        'A,2026-01-01,sqo,1000,2026-03-31,0.1,Pipeline\n' +
        'A,2026-02-01,,1500,,,\n' +
        'A,2026-03-01T12:00:00Z,proposal,,2026-05-31,40%,best case\n',
    );
    expectBalanced(report);
    expect(records.opportunities[0]!.changes).toEqual([
      {
        at: ms('2026-01-01'),
        stage: 'sqo',
        amountCents: 100_000,
        closeDate: ms('2026-03-31'),
        probability: 0.1,
        forecastCategory: 'pipeline',
      },
      { at: ms('2026-02-01'), amountCents: 150_000 },
      {
        at: ms('2026-03-01T12:00:00Z'),
        stage: 'proposal',
        closeDate: ms('2026-05-31'),
        probability: 0.4,
        forecastCategory: 'best_case',
      },
    ]);
    expect(records.opportunities[1]!.changes).toBeUndefined();
  });

  it('bad values are dropped and reported with file, row and field; orphan and empty rows are rejected', () => {
    const { records, report } = read(
      'opportunity_id,at,probability,forecast_category,amount\n' +
        'A,2026-01-01,1.5,maybe,100\n' +
        'Z,2026-01-01,,,100\n' +
        'B,2026-01-01,,,\n' +
        'B,not a date,,,5\n',
    );
    expectBalanced(report);
    const issues = report.issues.filter((i) => i.file === 'opportunity_history.csv');
    expect(issues.map((i) => [i.row, i.column, i.outcome])).toEqual([
      [1, 'probability', 'repaired'],
      [1, 'forecast_category', 'repaired'],
      [2, 'opportunity_id', 'rejected'],
      [3, undefined, 'rejected'],
      [4, 'at', 'rejected'],
    ]);
    expect(records.opportunities[0]!.changes).toEqual([{ at: ms('2026-01-01'), amountCents: 10_000 }]);
  });

  it('prev_amount and prev_close_date of the first change give the values from creation', () => {
    const { records } = read(
      'opportunity_id,at,amount,close_date,prev_amount,prev_close_date\nA,2026-02-01,1500,2026-06-30,1000,2026-03-31\nA,2026-03-01,1800,,1500,\n',
    );
    expect(records.opportunities[0]!.changes).toEqual([
      { at: ms('2026-01-01'), amountCents: 100_000, closeDate: ms('2026-03-31') },
      { at: ms('2026-02-01'), amountCents: 150_000, closeDate: ms('2026-06-30') },
      { at: ms('2026-03-01'), amountCents: 180_000 },
    ]);
  });

  it('gives the stage history when opportunity_stages.csv does not; that file still wins where it has one', () => {
    const history =
      'opportunity_id,at,stage,amount\nA,2026-01-01,sqo,\nA,2026-01-15,,1200\nA,2026-02-01,proposal,\nB,2026-01-01,sqo,\nB,2026-03-01,discovery,\n';
    const alone = read(history).records.opportunities;
    expect(alone[0]!.stageHistory).toEqual([
      { stage: 'sqo', at: ms('2026-01-01') },
      { stage: 'proposal', at: ms('2026-02-01') },
    ]);
    const both = read(history, 'opportunity_id,stage,entered_at\nA,sqo,2026-01-02\n').records.opportunities;
    expect(both[0]!.stageHistory).toEqual([{ stage: 'sqo', at: ms('2026-01-02') }]);
    expect(both[1]!.stageHistory.map((e) => e.stage)).toEqual(['sqo', 'discovery']);
  });
});
