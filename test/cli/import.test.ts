import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SF = join(ROOT, '../shared/data/salesforce-data-cloud-workshop/data');
const MAVEN = join(ROOT, '../shared/data/maven-crm-sales-opportunities');

function revlens(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('revlens import', () => {
  it('--json prints one object whose counts add up, with issues as file/row/column/value/reason', () => {
    const r = revlens('import', SF, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.mode).toBe('salesforce');
    expect(j.accepted + j.repaired + j.rejected).toBe(j.rowsRead);
    // 22 accounts + 60 leads + 50 opportunities + 68 campaign members.
    expect(j.rowsRead).toBe(200);
    expect(j.issues[0]).toEqual({
      file: 'CampaignMember.csv',
      row: 2,
      column: 'ContactId',
      value: '003Ec00000Cz310IAB',
      reason: 'campaign member is a contact, not a lead: contacts are not imported',
      outcome: 'rejected',
    });
    expect(j.warnings.length).toBeGreaterThan(0);
  }, 30_000);

  it('exits 1 when nothing usable was read (unmapped files), and names the unmapped files', () => {
    const r = revlens('import', join(MAVEN, 'sales_pipeline.csv'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).unmapped[0].proposal.target).toBe('opportunities');
  }, 30_000);

  it('--mapping reads a saved mapping; report accepts it too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'revlens-'));
    const mapping = {
      version: 1,
      name: 'Maven',
      tables: [
        {
          file: 'sales_pipeline.csv',
          target: 'opportunities',
          columns: [
            ['id', 'opportunity_id'],
            ['created_at', 'engage_date'],
            ['amount', 'close_value'],
            ['status', 'deal_stage'],
            ['stage', 'deal_stage'],
            ['close_date', 'close_date'],
          ],
          values: [
            [
              'status',
              [
                ['Won', 'won'],
                ['Lost', 'lost'],
                ['*', 'open'],
              ],
            ],
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'maven.json'), JSON.stringify(mapping));
    const r = revlens('import', join(MAVEN, 'sales_pipeline.csv'), '--mapping', join(dir, 'maven.json'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 4,238 won + 2,473 lost have an amount; the 1,589 Engaging deals have none and are kept, amount
    // unknown; the 500 Prospecting deals have no engage_date (creation date) and are rejected.
    expect([j.records.opportunities, j.rejected]).toEqual([8300, 500]);
    const rep = revlens('report', join(MAVEN, 'sales_pipeline.csv'), '--mapping', join(dir, 'maven.json'), '--json');
    expect(rep.code).toBe(0);
    expect(JSON.parse(rep.out).importReport.accepted).toBe(8300);
  }, 60_000);

  it('refuses an unknown preset and an invalid mapping with a reason', () => {
    expect(revlens('import', SF, '--preset', 'zoho')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--preset takes one of canonical, salesforce, hubspot/),
    });
    const dir = mkdtempSync(join(tmpdir(), 'revlens-'));
    writeFileSync(
      join(dir, 'bad.json'),
      '{"version":1,"name":"x","tables":[{"file":"a.csv","target":"__proto__","columns":[]}]}',
    );
    expect(revlens('import', SF, '--mapping', join(dir, 'bad.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a valid mapping: tables\.0\.target/),
    });
  }, 30_000);
});
