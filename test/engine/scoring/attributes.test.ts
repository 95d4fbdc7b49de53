import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { attributeView } from '../../../src/engine/scoring/attributes';
import { lead, recordSet } from '../../fixtures/records';

describe('e-mail domain attribute', () => {
  const emails = [
    'ana@Acme.COM',
    'bo@acme.com',
    'cy@x@stateu.edu',
    'no-at-sign',
    'di@ acme.com ',
    'ed@Gmail.com',
    'fay@acme.com',
    'ana@Acme.COM',
  ];
  const leads = emails.map((email, k) => lead(`l${k}`, '2026-01-01', {}, { email }));
  const ds = buildDataset(recordSet({ leads: [...leads, lead('none', '2026-01-01')] }));

  it('reads the text after the last @, trimmed and lower case, one code per domain in order of appearance', () => {
    const view = attributeView(ds, 'lead.emailDomain');
    if (view?.kind !== 'dict') throw new Error('expected a dictionary view');
    expect(view.values).toEqual(['acme.com', 'stateu.edu', 'gmail.com']);
    // A lead without an @ in its e-mail, or without an e-mail, has no domain.
    expect(Array.from(view.codes)).toEqual([0, 0, 1, -1, 0, 2, 0, 0, -1]);
  });
});
