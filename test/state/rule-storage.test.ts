import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/engine/scoring/defaults';
import { STORAGE_KEY, loadStoredRules, saveStoredRules } from '../../src/state/rule-storage';

function memory(initial?: string) {
  const m = new Map<string, string>();
  if (initial !== undefined) m.set(STORAGE_KEY, initial);
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('stored rule sets', () => {
  it('round-trips the applied and the named rule sets', () => {
    const s = memory();
    const custom = { ...DEFAULT_RULE_SET, halfLifeDays: 14 };
    expect(
      saveStoredRules(s, custom, [{ name: 'Q3 test', savedAt: '2026-11-01T00:00:00.000Z', rules: custom }]),
    ).toBeNull();
    const back = loadStoredRules(s);
    expect(back.notices).toEqual([]);
    expect(back.applied.halfLifeDays).toBe(14);
    expect(back.saved).toEqual([{ name: 'Q3 test', savedAt: '2026-11-01T00:00:00.000Z', rules: custom }]);
  });

  it('recovers from corrupt JSON with a notice and the defaults', () => {
    const back = loadStoredRules(memory('{not json'));
    expect(back.applied).toEqual(DEFAULT_RULE_SET);
    expect(back.saved).toEqual([]);
    expect(back.notices[0]).toMatch(/corrupt/);
  });

  it('keeps the valid parts of a partly invalid entry and drops an unreadable one', () => {
    const stored = {
      version: 2,
      applied: DEFAULT_RULE_SET,
      saved: [
        { name: 'half-broken', savedAt: 'x', rules: { ...DEFAULT_RULE_SET, halfLifeDays: 'forty', maturityDays: 90 } },
        { name: 'garbage', rules: 42 },
      ],
    };
    const back = loadStoredRules(memory(JSON.stringify(stored)));
    expect(back.saved.map((s) => s.name)).toEqual(['half-broken']);
    expect(back.saved[0]!.rules.halfLifeDays).toBe(DEFAULT_RULE_SET.halfLifeDays);
    expect(back.saved[0]!.rules.maturityDays).toBe(90);
    expect(back.notices.some((n) => n.includes('half-broken') && n.includes('partly invalid'))).toBe(true);
    expect(back.notices.some((n) => n.includes('garbage') && n.includes('dropped'))).toBe(true);
  });

  it('converts an older version (sets kept by name) with a notice, and clamps out-of-bounds values', () => {
    const old = { version: 1, sets: { legacy: { ...DEFAULT_RULE_SET, halfLifeDays: 5000 } } };
    const back = loadStoredRules(memory(JSON.stringify(old)));
    expect(back.saved.map((s) => s.name)).toEqual(['legacy']);
    expect(back.saved[0]!.rules.halfLifeDays).toBe(365);
    expect(back.notices[0]).toMatch(/another version/);
  });

  it('reports a failed write instead of throwing', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveStoredRules(full, DEFAULT_RULE_SET, [])).toMatch(/could not be saved/);
  });
});
