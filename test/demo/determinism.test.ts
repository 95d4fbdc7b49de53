import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../src/demo/generate';

describe('the demo generator', () => {
  it('gives byte-identical records and manifest for the same seed', () => {
    const a = generateDemoCompany({ seed: 7, leads: 2_000 });
    const b = generateDemoCompany({ seed: 7, leads: 2_000 });
    expect(JSON.stringify(a.records)).toBe(JSON.stringify(b.records));
    expect(JSON.stringify(a.manifest)).toBe(JSON.stringify(b.manifest));
  });

  it('gives different data for a different seed', () => {
    const a = generateDemoCompany({ seed: 7, leads: 2_000 });
    const b = generateDemoCompany({ seed: 8, leads: 2_000 });
    expect(JSON.stringify(a.records)).not.toBe(JSON.stringify(b.records));
    expect(a.records.leads[0]!.createdAt).not.toBe(b.records.leads[0]!.createdAt);
  });

  it('makes exactly the number of leads asked for, and an empty company when asked for none', () => {
    expect(generateDemoCompany({ leads: 1_234 }).records.leads).toHaveLength(1_234);
    const empty = generateDemoCompany({ leads: 0 });
    expect(empty.records.leads).toHaveLength(0);
    expect(empty.records.opportunities).toHaveLength(0);
    expect(empty.manifest.fastTracked).toBe(0);
  });

  it('produces a JSON-serialisable manifest', () => {
    const { manifest } = generateDemoCompany({ leads: 2_000 });
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(manifest.leads).toBe(2_000);
    expect(manifest.seed).toBe(20261115);
  });

  it('names the company and plans in USD with calendar-year quarters', () => {
    const { records } = generateDemoCompany({ leads: 500 });
    expect(records.name).toBe('Northwind Analytics (demo)');
    expect(records.plan.currency).toBe('USD');
    expect(records.plan.fiscalYearStartMonth).toBe(1);
  });

  it('rejects an as-of that is not an ISO date', () => {
    expect(() => generateDemoCompany({ leads: 10, asOf: '15/11/2026' })).toThrow(/ISO date/);
  });
});
