import { describe, expect, it } from 'vitest';
import { emptyText } from '../../../src/features/funnel/empty-text';

describe('why the Funnel view shows no lead', () => {
  it('says a dataset without leads has no leads file, pointing to the Overview when it has opportunities', () => {
    const withOpps = emptyText({ kind: 'no-leads', opportunities: true });
    expect(withOpps.title).toBe('This dataset has no leads');
    expect(withOpps.body).toBe(
      'The lead funnel is not measurable — needs a leads file (leads.csv). The Overview counts its opportunities: their funnel and win rate.',
    );
    expect(emptyText({ kind: 'no-leads', opportunities: false }).body).toBe(
      'The lead funnel is not measurable — needs a leads file (leads.csv).',
    );
  });

  it('blames the filters only when a filter excludes every lead', () => {
    expect(emptyText({ kind: 'filtered' }).title).toBe('No leads match the filters');
    expect(emptyText({ kind: 'before-as-of' })).toEqual({
      title: 'No lead was created by the as-of date',
      body: 'Choose a later as-of date.',
    });
  });
});
