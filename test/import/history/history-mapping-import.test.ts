import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAPPING_VERSION, type Mapping, type TableMapping } from '../../../src/import/mapping/schema';
import { importFiles, type ImportFile } from '../../../src/import/pipeline';
import { expectBalanced, fileReport, issuesAt } from '../../fixtures/import-report';

const enc = (s: string) => new TextEncoder().encode(s);
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
const mapping = (...tables: TableMapping[]): Mapping => ({ version: MAPPING_VERSION, name: 'history', tables });

const OPPORTUNITIES = ['id,created_at,status,amount', 'D1,2019-08-01,open,1500', 'D2,2019-08-02,lost,800'].join('\n');

describe('deal history, one row per change, through the mapping screen', () => {
  const changes = [
    'Deal,Changed At,Stage,Amount,Close',
    'D1,2019-08-08 20:24:50.000,Prospecting,"1,000",2019-09-30',
    'D1,2019-08-20 09:00:00.000,,,2019-10-31',
    'D1,not a date,Proposal,,',
    'D1,2019-09-01 10:00:00.000,,,',
  ].join('\n');
  const tm: TableMapping = {
    file: 'deal changes.csv',
    target: 'opportunity_history',
    columns: [
      ['opportunity_id', 'Deal'],
      ['at', 'Changed At'],
      ['stage', 'Stage'],
      ['amount', 'Amount'],
      ['close_date', 'Close'],
    ],
    values: [],
    defaults: [],
  };
  const r = importFiles(
    [
      { name: 'opportunities.csv', bytes: enc(OPPORTUNITIES) },
      { name: 'deal changes.csv', bytes: enc(changes) },
    ],
    { mapping: mapping(tm), now: utc(2026, 1, 1) },
  );

  it('reads the changes and reports each row: a bad instant and an empty change are rejected', () => {
    expectBalanced(r.report);
    expect(r.records.opportunities.find((o) => o.id === 'D1')!.changes).toEqual([
      { at: utc(2019, 8, 8, 20, 24, 50), stage: 'Prospecting', amountCents: 100_000, closeDate: utc(2019, 9, 30) },
      { at: utc(2019, 8, 20, 9), closeDate: utc(2019, 10, 31) },
    ]);
    expect(fileReport(r.report, 'deal changes.csv')).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 });
    expect(issuesAt(r.report, 'deal changes.csv', 3)).toMatchObject([
      { column: 'at', value: 'not a date', outcome: 'rejected' },
    ]);
    expect(issuesAt(r.report, 'deal changes.csv', 4)).toMatchObject([
      { outcome: 'rejected', reason: 'the row records no stage, amount, close date, probability or forecast category' },
    ]);
  });
});

describe('history snapshots through the mapping screen', () => {
  const snapshots = [
    'valid_from,deal,stage_name,amount,close_date,probability,forecast_category',
    '2019-08-08 20:24:50.000,D1,Prospecting,"1,000",2019-09-30 00:00:00,10,Pipeline',
    '2019-08-20 09:00:00.000,D1,Prospecting,1000,2019-10-31 00:00:00,10,Pipeline',
    '2019-09-01 10:00:00.000,D1,Proposal,"1,500",2019-11-30 00:00:00,60,BestCase',
    '2019-09-15 08:00:00.000,D1,Proposal,1500,2019-11-30 00:00:00,60,BestCase',
    '2019-08-10 7:05:00,D2,Qualification,800,2019-12-15 00:00:00,20,Pipeline',
    '2019-09-05 12:00:00.000,D2,Closed Lost,,2019-12-15 00:00:00,0,Omitted',
    '2019-09-06 12:00:00.000,D3,Closed Lost,,2019-12-15 00:00:00,0,Omitted',
  ].join('\n');
  const tm: TableMapping = {
    file: 'deal_snapshots.csv',
    target: 'opportunity_history',
    columns: [
      ['opportunity_id', 'deal'],
      ['at', 'valid_from'],
      ['stage', 'stage_name'],
      ['amount', 'amount'],
      ['close_date', 'close_date'],
      ['probability', 'probability'],
      ['forecast_category', 'forecast_category'],
    ],
    values: [],
    defaults: [],
    shape: { kind: 'snapshots', probability: 'percent' },
  };
  const r = importFiles(
    [
      { name: 'opportunities.csv', bytes: enc(OPPORTUNITIES) },
      { name: 'deal_snapshots.csv', bytes: enc(snapshots) },
    ],
    { mapping: mapping(tm), now: utc(2026, 1, 1) },
  );
  const d1 = r.records.opportunities.find((o) => o.id === 'D1')!;
  const d2 = r.records.opportunities.find((o) => o.id === 'D2')!;

  it('a deal pushed twice with its amount changed: one change per version that moved something', () => {
    expect(d1.changes).toEqual([
      {
        at: utc(2019, 8, 8, 20, 24, 50),
        stage: 'Prospecting',
        amountCents: 100_000,
        closeDate: utc(2019, 9, 30),
        probability: 0.1,
        forecastCategory: 'pipeline',
      },
      { at: utc(2019, 8, 20, 9), closeDate: utc(2019, 10, 31) },
      {
        at: utc(2019, 9, 1, 10),
        stage: 'Proposal',
        amountCents: 150_000,
        closeDate: utc(2019, 11, 30),
        probability: 0.6,
        forecastCategory: 'best_case',
      },
    ]);
    expect(d2.changes).toEqual([
      {
        at: utc(2019, 8, 10, 7, 5),
        stage: 'Qualification',
        amountCents: 80_000,
        closeDate: utc(2019, 12, 15),
        probability: 0.2,
        forecastCategory: 'pipeline',
      },
      { at: utc(2019, 9, 5, 12), stage: 'Closed Lost', probability: 0, forecastCategory: 'omitted' },
    ]);
  });

  it('the report accounts for every row: 4 accepted, 1 repaired, 2 rejected, each with file, row, column, value and reason', () => {
    expectBalanced(r.report);
    expect(fileReport(r.report, 'deal_snapshots.csv')).toEqual({
      file: 'deal_snapshots.csv',
      rowsRead: 7,
      accepted: 4,
      repaired: 1,
      rejected: 2,
    });
    expect(issuesAt(r.report, 'deal_snapshots.csv', 4)).toEqual([
      {
        file: 'deal_snapshots.csv',
        row: 4,
        column: undefined,
        value: undefined,
        reason:
          'no tracked field (stage, amount, close date, probability, forecast category) changed since row 3, the previous version of deal D1',
        outcome: 'rejected',
      },
    ]);
    expect(issuesAt(r.report, 'deal_snapshots.csv', 6)).toMatchObject([
      { outcome: 'repaired', reason: expect.stringMatching(/^amount \(was "800"\) emptied in this version/) },
    ]);
    expect(issuesAt(r.report, 'deal_snapshots.csv', 7)).toMatchObject([
      { outcome: 'rejected', column: 'opportunity_id', value: 'D3', reason: expect.stringMatching(/orphan reference/) },
    ]);
  });
});

describe('HubSpot deal property history through the mapping screen', () => {
  const history = [
    'Record ID,Property,Value,Timestamp',
    'D1,dealstage,appointmentscheduled,2019-08-08 20:24:50.000',
    'D1,amount,"1,000",2019-08-08 20:24:50.000',
    'D1,closedate,2019-09-30,2019-08-08 20:24:50.000',
    'D1,closedate,2019-10-31,2019-08-20 09:00:00.000',
    'D1,closedate,2019-11-30,2019-09-01 10:00:00.000',
    'D1,amount,1500,2019-09-01 10:00:00.000',
    'D1,hs_forecast_category,BEST_CASE,2019-09-01 10:00:00.000',
    'D1,hs_deal_stage_probability,0.6,2019-09-01 10:00:00.000',
    'D1,dealname,"Acme, ""big"" deal",2019-09-01 10:00:00.000',
  ].join('\n');
  const tm: TableMapping = {
    file: 'deal-property-history.csv',
    target: 'opportunity_history',
    columns: [
      ['opportunity_id', 'Record ID'],
      ['at', 'Timestamp'],
    ],
    values: [],
    defaults: [],
    shape: {
      kind: 'changes',
      field: 'Property',
      value: 'Value',
      names: [
        ['dealstage', 'stage'],
        ['amount', 'amount'],
        ['closedate', 'close_date'],
        ['hs_forecast_category', 'forecast_category'],
        ['hs_deal_stage_probability', 'probability'],
      ],
      probability: 'fraction',
    },
  };
  const r = importFiles(
    [
      { name: 'opportunities.csv', bytes: enc(OPPORTUNITIES) },
      { name: 'deal-property-history.csv', bytes: enc(history) },
    ],
    { mapping: mapping(tm), now: utc(2026, 1, 1) },
  );

  it('reads each change of a deal pushed twice, its amount change and its category', () => {
    const d1 = r.records.opportunities.find((o) => o.id === 'D1')!;
    const at = utc(2019, 8, 8, 20, 24, 50);
    expect(d1.changes).toEqual([
      { at, stage: 'appointmentscheduled' },
      { at, amountCents: 100_000 },
      { at, closeDate: utc(2019, 9, 30) },
      { at: utc(2019, 8, 20, 9), closeDate: utc(2019, 10, 31) },
      { at: utc(2019, 9, 1, 10), closeDate: utc(2019, 11, 30) },
      { at: utc(2019, 9, 1, 10), amountCents: 150_000 },
      { at: utc(2019, 9, 1, 10), forecastCategory: 'best_case' },
      { at: utc(2019, 9, 1, 10), probability: 0.6 },
    ]);
  });

  it('the deal name row is rejected with its value; nothing else is lost', () => {
    expectBalanced(r.report);
    expect(fileReport(r.report, 'deal-property-history.csv')).toMatchObject({ rowsRead: 9, accepted: 8, rejected: 1 });
    expect(issuesAt(r.report, 'deal-property-history.csv', 9)).toMatchObject([
      { column: 'Property', value: 'dealname', outcome: 'rejected' },
    ]);
  });
});

const SEEDS = fileURLToPath(new URL('../../../../shared/data/fivetran-crm-seeds/', import.meta.url));
function seed(name: string): ImportFile {
  if (!existsSync(SEEDS))
    throw new Error(`shared data not found at ${SEEDS}: the shared data folder must sit beside the project`);
  return { name, bytes: new Uint8Array(readFileSync(`${SEEDS}${name}`)) };
}

describe('Fivetran seeds: history-mode snapshots', () => {
  it('Salesforce sf_opportunity_history_data: the proposal reads it as snapshots; 10 versions of 10 deals give 10 change rows', () => {
    const files = [seed('sf_opportunity_data.csv'), seed('sf_opportunity_history_data.csv')];
    const first = importFiles(files);
    const proposal = first.unmapped.find((u) => u.file === 'sf_opportunity_history_data.csv')!.proposal;
    expect(proposal).toMatchObject({
      target: 'opportunity_history',
      columns: [
        ['opportunity_id', 'id'],
        ['at', '_fivetran_start'],
        ['stage', 'stage_name'],
        ['amount', 'amount'],
        ['close_date', 'close_date'],
        ['probability', 'probability'],
        ['forecast_category', 'forecast_category'],
      ],
      shape: { kind: 'snapshots', probability: 'percent' },
    });
    const r = importFiles(files, { mapping: mapping(...first.unmapped.map((u) => u.proposal)), now: utc(2026, 1, 1) });
    expectBalanced(r.report);
    // Every row is the only version of its deal: all 10 are read. Every forecast_category is a hashed
    // string (dropped, a repair), and the $1m deal's probability 1000 (10 as a fraction) is dropped.
    expect(fileReport(r.report, 'sf_opportunity_history_data.csv')).toMatchObject({
      rowsRead: 10,
      accepted: 0,
      repaired: 10,
      rejected: 0,
    });
    const repairs = r.report.issues.filter((i) => i.file === 'sf_opportunity_history_data.csv');
    expect(repairs.filter((i) => i.column === 'forecast_category')).toHaveLength(10);
    expect(repairs.filter((i) => i.column === 'probability')).toEqual([
      expect.objectContaining({ row: 1, value: '10' }),
    ]);
    const changes = r.records.opportunities.flatMap((o) => o.changes ?? []);
    expect(changes).toHaveLength(10);
    // Amounts in rows 1, 6, 8 and 10 only; every row has a close date.
    expect(changes.filter((c) => c.amountCents !== undefined)).toHaveLength(4);
    expect(changes.filter((c) => c.closeDate !== undefined)).toHaveLength(10);
    const won = r.records.opportunities.find((o) => o.id === '006q000000HddohAAB')!;
    expect(won.changes).toEqual([
      {
        at: utc(2019, 10, 17, 21, 10, 19),
        stage: 'GavUFuuf4DrnQAoiRGlWpQ==',
        amountCents: 2_412_000_000,
        closeDate: utc(2018, 12, 19),
      },
    ]);
    const open = r.records.opportunities.find((o) => o.id === '006q000000HdOhuAAF')!;
    expect(open.changes).toEqual([
      {
        at: utc(2019, 4, 3, 18, 36, 6),
        stage: '9RN9J3tlxr89gDctReax5w==',
        amountCents: 21_000_000,
        closeDate: utc(2018, 12, 19),
        probability: 0.65,
      },
    ]);
  });

  it('HubSpot deal_stage_data: each stage entered becomes a stage change at date_entered (one-digit hours read)', () => {
    const stages = seed('deal_stage_data.csv');
    const first = importFiles([stages]);
    const proposal = first.unmapped[0]!.proposal;
    expect(proposal).toMatchObject({
      target: 'opportunity_history',
      columns: [
        ['opportunity_id', 'deal_id'],
        ['at', 'date_entered'],
        ['stage', 'value'],
      ],
      shape: { kind: 'snapshots' },
    });
    // The seed's deal_data.csv holds none of these 14 deals: give them an opportunity each.
    const ids = new TextDecoder()
      .decode(stages.bytes)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    const opportunities = ['id,created_at,status', ...ids.map((id) => `${id},2021-01-01,open`)].join('\n');
    const r = importFiles([{ name: 'opportunities.csv', bytes: enc(opportunities) }, stages], {
      mapping: mapping(proposal),
      now: utc(2026, 1, 1),
    });
    expectBalanced(r.report);
    expect(fileReport(r.report, 'deal_stage_data.csv')).toMatchObject({ rowsRead: 14, accepted: 14 });
    const changes = r.records.opportunities.flatMap((o) => o.changes ?? []);
    expect(changes).toHaveLength(14);
    const count = (stage: string) => changes.filter((c) => c.stage === stage).length;
    expect(count('09a969da1d61b38bd3746f0f49c1475a')).toBe(7);
    expect(count('f66ca9bc5a02c2f1513ce83f0a0e117d')).toBe(6);
    expect(count('6e81db225a3757a3fc20cc9b1b3d9e1b')).toBe(1);
    expect(r.records.opportunities.find((o) => o.id === '3954699413')!.changes).toEqual([
      { at: utc(2021, 1, 7, 6, 49, 18), stage: 'f66ca9bc5a02c2f1513ce83f0a0e117d' },
    ]);
  });

  it('HubSpot deal_stage_data beside the seed deal_data: the 14 rows are rejected as orphans, each saying so', () => {
    const stages = seed('deal_stage_data.csv');
    const deals = seed('deal_data.csv');
    const first = importFiles([stages]);
    const dealsMapping: TableMapping = {
      file: 'deal_data.csv',
      target: 'opportunities',
      columns: [
        ['id', 'deal_id'],
        ['created_at', 'property_createdate'],
      ],
      values: [],
      defaults: [['status', 'open']],
    };
    const r = importFiles([deals, stages], { mapping: mapping(dealsMapping, first.unmapped[0]!.proposal) });
    expectBalanced(r.report);
    expect(fileReport(r.report, 'deal_stage_data.csv')).toMatchObject({ rowsRead: 14, rejected: 14 });
    const reasons = r.report.issues.filter((i) => i.file === 'deal_stage_data.csv');
    expect(reasons).toHaveLength(14);
    expect(reasons.every((i) => /orphan reference: opportunity_id "\d+" not found/.test(i.reason))).toBe(true);
  });
});
