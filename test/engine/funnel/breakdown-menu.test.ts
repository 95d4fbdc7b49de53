import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/demo/generate';
import { listDimensions, notAGroup, type GroupCodes, type NotACategory } from '../../../src/engine/funnel/groups';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { importFiles } from '../../../src/import/pipeline';

const groups = (values: readonly string[]): GroupCodes => {
  const labels = [...new Set(values.filter((v) => v !== ''))];
  return { name: 'x', labels, codes: Int32Array.from(values, (v) => (v === '' ? -1 : labels.indexOf(v))) };
};

const like = (what: NotACategory) => ({ kind: 'looks-like', what });

describe('which columns make a breakdown', () => {
  it('a few repeated values are a good group', () => {
    expect(notAGroup('Rating', groups(['Hot', 'Warm', 'Hot', 'Cold', 'Warm', 'Hot']))).toBeUndefined();
  });

  it('ids, links, phones, emails, timestamps and one-value or all-distinct columns are not', () => {
    expect(notAGroup('OwnerId', groups(['005A', '005A', '005B']))).toEqual(like('ids'));
    expect(notAGroup('PhotoUrl', groups(['/a', '/a', '/b']))).toEqual(like('links'));
    expect(notAGroup('Site', groups(['https://a.example', 'https://b.example', 'https://a.example']))).toEqual(
      like('links'),
    );
    expect(notAGroup('Contact', groups(['(555) 010-1234', '(555) 010-9876', '(555) 010-1234']))).toEqual(
      like('phones'),
    );
    expect(notAGroup('Who', groups(['a@x.io', 'b@y.io', 'a@x.io']))).toEqual(like('emails'));
    expect(
      notAGroup('SystemModstamp', groups(['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'])),
    ).toEqual(like('dates'));
    expect(notAGroup('Company', groups(['001Ec00000GINb1IAH', '001Ec00000GINb2IAH', '001Ec00000GINb1IAH']))).toEqual(
      like('record-ids'),
    );
    expect(notAGroup('IsDeleted', groups(['false', 'false', 'false']))).toEqual({ kind: 'one-value' });
    expect(notAGroup('Empty', groups(['', '', '']))).toEqual({ kind: 'no-values' });
    expect(notAGroup('LastName', groups(['Ng', 'Diaz', 'Roy', 'Kim', 'Lee', 'Wu', 'Ng']))).toEqual({
      kind: 'one-per-lead',
    });
    expect(notAGroup('Code', groups(Array.from({ length: 200 }, (_, k) => `c${k % 60}`)))).toEqual({
      kind: 'many-values',
      distinct: 60,
    });
  });

  it('plain numbers are judged by their count of values, not mistaken for phone numbers', () => {
    expect(notAGroup('Employees', groups(['1500000', '250000', '1500000', '250000']))).toBeUndefined();
  });

  it('on the demo company every built-in breakdown is offered up front', () => {
    const ds = buildDataset(generateDemoCompany({ leads: 2000 }).records);
    const up = listDimensions(ds)
      .filter((d) => d.more === undefined)
      .map((d) => d.id);
    expect(up).toEqual(
      expect.arrayContaining([
        'source',
        'owner',
        'segment',
        'quarter',
        'country',
        'persona',
        'seniority',
        'industry',
        'region',
      ]),
    );
  });

  const dir = fileURLToPath(new URL('../../../../shared/data/salesforce-data-cloud-workshop/data', import.meta.url));
  it.runIf(existsSync(dir))(
    'the Salesforce sample: system columns go under "more", a handful of real groups stay up front',
    () => {
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(`${dir}/${f}`)) }));
      const ds = buildDataset(importFiles(files).records);
      const dims = listDimensions(ds);
      const up = dims.filter((d) => d.more === undefined).map((d) => d.id);
      const more = new Map(dims.filter((d) => d.more !== undefined).map((d) => [d.id, d.more]));
      for (const raw of ['PhotoUrl', 'SystemModstamp', 'Phone', 'Email', 'LastModifiedDate', 'CreatedById']) {
        const id = [...more.keys()].find((l) => l === `lead:${raw}`);
        if (id !== undefined) expect(more.get(id)).toBeDefined();
        expect(up).not.toContain(`lead:${raw}`);
      }
      expect(up).toContain('source');
      expect(up.length).toBeLessThan(20);
      expect(more.size).toBeGreaterThan(10);
    },
  );
});
