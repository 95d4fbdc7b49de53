import { describe, expect, it } from 'vitest';
import { detectPreset, importFiles } from '../../src/import/pipeline';
import { IMPORT_PRESETS, PRESET_BY_ID, PRESET_IDS, isPresetId } from '../../src/import/presets/registry';
import type { ParsedFile } from '../../src/import/presets/types';

/** A parsed file with a header and no rows: detection reads only names and headers. */
const file = (name: string, ...header: string[]): ParsedFile => ({
  name,
  table: { header, rows: [], errors: [], delimiter: ',' },
});

describe('the preset registry', () => {
  it('lists each preset once, in the order the CLI names them, each under its own id', () => {
    expect(PRESET_IDS).toEqual(['canonical', 'salesforce', 'hubspot']);
    for (const p of IMPORT_PRESETS) expect(PRESET_BY_ID[p.id]).toBe(p);
    expect(isPresetId('hubspot')).toBe(true);
    expect(isPresetId('zoho')).toBe(false);
  });

  it('lets only the canonical folder stream (the CRM presets compute columns from whole rows)', () => {
    expect(IMPORT_PRESETS.filter((p) => p.streams).map((p) => p.id)).toEqual(['canonical']);
  });
});

describe('detection order', () => {
  // Both Salesforce's check (Id with IsDeleted: API names) and the canonical folder's (the name
  // leads.csv with its key column, id) hold for this file.
  const salesforceLeadsAsLeadsCsv = file('leads.csv', 'Id', 'IsDeleted', 'Email', 'CreatedDate');

  it('asks the CRM presets before the canonical folder, whatever the registry order', () => {
    expect(PRESET_BY_ID.canonical.detects(salesforceLeadsAsLeadsCsv)).toBe(true);
    expect(PRESET_BY_ID.salesforce.detects(salesforceLeadsAsLeadsCsv)).toBe(true);
    expect(detectPreset([salesforceLeadsAsLeadsCsv])).toBe('salesforce');
  });

  it('asks Salesforce before HubSpot (registry order among CRM presets)', () => {
    // Salesforce by its API names; HubSpot by Lifecycle Stage with another HubSpot column (Record ID).
    const both = file('export.csv', 'Id', 'IsDeleted', 'Record ID', 'Lifecycle Stage');
    expect(PRESET_BY_ID.hubspot.detects(both)).toBe(true);
    expect(detectPreset([both])).toBe('salesforce');
  });

  it('falls back to the canonical folder, and to nothing when no preset fits', () => {
    expect(detectPreset([file('notes.csv', 'x'), file('leads.csv', 'id', 'created_at')])).toBe('canonical');
    expect(detectPreset([file('accounts.csv', 'account', 'sector')])).toBeUndefined();
    expect(detectPreset([])).toBeUndefined();
  });

  it('reads a selection with the detected preset, and with the forced one', () => {
    const text =
      'Id,IsDeleted,IsConverted,Status,Email,CreatedDate\n00Q1,0,0,Working,a@b.co,2024-01-05T10:00:00.000+0000\n';
    const detected = importFiles([{ name: 'leads.csv', text }]);
    expect(detected.mode).toBe('salesforce');
    expect(detected.records.leads.map((l) => [l.id, l.email])).toEqual([['00Q1', 'a@b.co']]);
    const forced = importFiles([{ name: 'leads.csv', text }], { preset: 'canonical' });
    expect(forced.mode).toBe('canonical');
  });
});
