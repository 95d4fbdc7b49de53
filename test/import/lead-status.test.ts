import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/import/mapping/schema';
import { importFiles } from '../../src/import/pipeline';
import { expectBalanced } from '../fixtures/import-report';

const enc = (s: string) => new TextEncoder().encode(s);
const disqualifiedAt = (lead: { stageHistory: readonly { stage: string; at: number }[] }) =>
  lead.stageHistory.find((e) => e.stage === 'disqualified')?.at;

describe('lead status: "Closed - Not Converted" and the like mean disqualified', () => {
  it('a Salesforce lead export: status values read as disqualified, dated at the last recorded date, said once for the file', () => {
    const csv = [
      'Id,IsDeleted,CreatedDate,Status,IsConverted,ConvertedDate,LeadSource,SystemModstamp',
      '00Q1,0,2024-01-10T09:00:00.000+0000,Closed - Not Converted,0,,Web,2024-05-01T00:00:00.000+0000',
      '00Q2,0,2024-01-11T09:00:00.000+0000,Working - Contacted,0,,Web,2024-05-01T00:00:00.000+0000',
      '00Q3,0,2024-01-12T09:00:00.000+0000,Closed - Converted,1,2024-02-01,Partner,2024-05-01T00:00:00.000+0000',
      '00Q4,0,2024-01-13T09:00:00.000+0000,Closed - Not Converted,0,,Web,2024-05-01T00:00:00.000+0000',
    ].join('\n');
    const { records, report, mode } = importFiles([{ name: 'Lead.csv', bytes: enc(csv) }]);
    expectBalanced(report);
    expect(mode).toBe('salesforce');
    const byId = new Map(records.leads.map((l) => [l.id, l]));
    // No date for the status: the lead is disqualified at its latest own date, here its creation.
    expect(disqualifiedAt(byId.get('00Q1')!)).toBe(Date.UTC(2024, 0, 10, 9));
    expect(disqualifiedAt(byId.get('00Q4')!)).toBe(Date.UTC(2024, 0, 13, 9));
    expect(disqualifiedAt(byId.get('00Q2')!)).toBeUndefined();
    expect(disqualifiedAt(byId.get('00Q3')!)).toBeUndefined();
    expect(report.accepted).toBe(4);
    const warnings = report.warnings.map((w) => w.message).join('\n');
    expect(warnings).toContain('2 leads read as disqualified from their status "Closed - Not Converted" (2)');
    expect(warnings).toMatch(
      /lead status values not read as disqualified: "Working - Contacted" \(1\), "Closed - Converted" \(1\)/,
    );
  });

  it('a disqualified_at date given in the file wins over the status', () => {
    const csv = 'id,created_at,disqualified_at,status\nL1,2024-01-10,2024-03-01,Unqualified\n';
    const { records } = importFiles([{ name: 'leads.csv', bytes: enc(csv) }]);
    expect(records.leads[0]!.stageHistory.filter((e) => e.stage === 'disqualified').map((e) => e.at)).toEqual([
      Date.UTC(2024, 2, 1),
    ]);
  });

  it('the mapping screen can map any other status value to disqualified', () => {
    const csv = 'Lead,Created,State\nA,2024-01-10,Nurture - bad fit\nB,2024-01-11,New\n';
    const mapping: Mapping = {
      version: 1,
      name: 'my CRM',
      tables: [
        {
          file: 'people.csv',
          target: 'leads',
          columns: [
            ['id', 'Lead'],
            ['created_at', 'Created'],
            ['status', 'State'],
          ],
          values: [['status', [['Nurture - bad fit', 'disqualified']]]],
          defaults: [],
        },
      ],
    } as Mapping;
    const { records, report } = importFiles([{ name: 'people.csv', bytes: enc(csv) }], { mapping });
    expectBalanced(report);
    expect(records.leads.map((l) => [l.id, disqualifiedAt(l) !== undefined])).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });

  const konsul = fileURLToPath(new URL('../../../shared/data/salesforce-konsul-org/Lead.csv', import.meta.url));
  it.runIf(existsSync(konsul))('the Konsul org: its 4 "Closed - Not Converted" leads are disqualified', () => {
    const { records, report } = importFiles([{ name: 'Lead.csv', bytes: new Uint8Array(readFileSync(konsul)) }]);
    expectBalanced(report);
    expect(records.leads.filter((l) => disqualifiedAt(l) !== undefined)).toHaveLength(4);
  });
});
