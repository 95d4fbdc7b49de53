import { describe, expect, it } from 'vitest';
import { dimensionLabel, poorGroupText } from '../../../src/features/funnel/dimension-label';

describe('the names of the breakdown dimensions', () => {
  it('names the built-in dimensions and the ICP tier', () => {
    expect(dimensionLabel('source')).toBe('Source');
    expect(dimensionLabel('owner')).toBe('Owner (SDR)');
    expect(dimensionLabel('quarter')).toBe('Quarter created');
    expect(dimensionLabel('tier:icp')).toBe('ICP tier (default fit rules)');
  });

  it('names a custom column by its table and its name as the data gives it', () => {
    expect(dimensionLabel('lead:Lead_Score__c')).toBe('Lead: Lead_Score__c');
    expect(dimensionLabel('account:tier')).toBe('Account: tier');
    expect(dimensionLabel('icpTier')).toBe('icpTier');
  });

  it('says why a poor dimension is listed apart', () => {
    expect(poorGroupText({ kind: 'looks-like', what: 'ids' })).toBe('an id column');
    expect(poorGroupText({ kind: 'looks-like', what: 'record-ids' })).toBe('record ids');
    expect(poorGroupText({ kind: 'many-values', distinct: 1500 })).toBe('1,500 distinct values');
    expect(poorGroupText({ kind: 'one-per-lead' })).toBe('nearly one value per lead');
    expect(poorGroupText({ kind: 'no-values' })).toBe('no values');
  });
});
