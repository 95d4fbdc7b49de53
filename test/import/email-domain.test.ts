/**
 * The e-mail domain column made when leads are read (`leads.emailDomain`) gives the scoring engine
 * the same codes and values it derives from the e-mails, for leads read from bytes, from cells and
 * from records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDirtyRows, generateDemoCompany } from '../../src/demo/generate';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { Dataset } from '../../src/engine/model/columns';
import { attributeView } from '../../src/engine/scoring/attributes';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { importFiles } from '../../src/import/pipeline';

const NOW = Date.UTC(2026, 10, 20);
const enc = new TextEncoder();

/** The domain view read from the column, and derived from the e-mails without it. */
function bothWays(ds: Dataset) {
  expect(ds.leads.emailDomain).toBeDefined();
  const read = attributeView(ds, 'lead.emailDomain');
  const derived = attributeView({ ...ds, leads: { ...ds.leads, emailDomain: undefined } }, 'lead.emailDomain');
  return { read, derived };
}

function importLeads(leadsCsv: string) {
  const r = importFiles([{ name: 'leads.csv', bytes: enc.encode(leadsCsv) }], { now: NOW });
  return buildDataset(r.records);
}

describe('leads.emailDomain', () => {
  it('equals the domains derived from the e-mails on the demo company, clean and with dirty rows', () => {
    const company = generateDemoCompany({ seed: 3, leads: 600 });
    const files = writeCanonicalCsv(company.records);
    for (const set of [files, withDirtyRows(files)]) {
      const r = importFiles(
        Object.entries(set).map(([name, text]) => ({ name, bytes: enc.encode(text) })),
        { now: NOW },
      );
      const { read, derived } = bothWays(buildDataset(r.records));
      expect(read).toEqual(derived);
    }
    const { read, derived } = bothWays(buildDataset(company.records));
    expect(read).toEqual(derived);
  });

  const email = fc.oneof(
    fc.constantFrom('', 'a@X.com', 'b@x.COM', 'c@ x.com', 'no-at', 'd@e@Shop.fr', 'e@', '@', 'f@Éte.fr', 'g@éte.FR'),
    fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom('@', ''), fc.string({ maxLength: 6 })).map((p) => p.join('')),
  );

  it('equals the derived domains for any e-mails, read from bytes or (quoted) from cells', () => {
    fc.assert(
      fc.property(fc.array(email, { minLength: 1, maxLength: 30 }), fc.boolean(), (emails, quoted) => {
        const q = (v: string) => (quoted ? `"${v.replaceAll('"', '""')}"` : v.replaceAll(/[",\r\n]/g, ''));
        const rows = emails.map((e, i) => `L${i},2025-01-0${1 + (i % 9)},${q(e)}`);
        const ds = importLeads(['id,created_at,email', ...rows].join('\n'));
        const { read, derived } = bothWays(ds);
        expect(read).toEqual(derived);
      }),
      { numRuns: 150 },
    );
  });
});
