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
    const entry = {
      name: 'Q3 test',
      savedAt: '2026-11-01T00:00:00.000Z',
      rules: custom,
      stageCategories: { proposal: 'commit', sqo: 'omitted' } as const,
    };
    expect(saveStoredRules(s, custom, [entry])).toBeNull();
    const back = loadStoredRules(s);
    expect(back.notices).toEqual([]);
    expect(back.applied.halfLifeDays).toBe(14);
    // The stage → forecast category edits come back with the set.
    expect(back.saved).toEqual([entry]);
  });

  it('reads a set saved before the category map was kept (version 2) with the default map, and no notice', () => {
    const v2 = {
      version: 2,
      applied: DEFAULT_RULE_SET,
      saved: [{ name: 'old', savedAt: '2026-10-01T00:00:00.000Z', rules: { ...DEFAULT_RULE_SET, halfLifeDays: 21 } }],
    };
    const back = loadStoredRules(memory(JSON.stringify(v2)));
    expect(back.notices).toEqual([]);
    expect(back.saved).toEqual([
      {
        name: 'old',
        savedAt: '2026-10-01T00:00:00.000Z',
        rules: { ...DEFAULT_RULE_SET, halfLifeDays: 21 },
        stageCategories: {},
      },
    ]);
  });

  it('keeps the readable category edits of a set and says how many it dropped', () => {
    const stored = {
      version: 3,
      applied: DEFAULT_RULE_SET,
      saved: [
        {
          name: 'edited',
          savedAt: '2026-10-01T00:00:00.000Z',
          rules: DEFAULT_RULE_SET,
          stageCategories: { proposal: 'commit', discovery: 'maybe', negotiation: 7 },
        },
      ],
    };
    const back = loadStoredRules(memory(JSON.stringify(stored)));
    expect(back.saved[0]!.stageCategories).toEqual({ proposal: 'commit' });
    expect(back.notices).toEqual([
      'Saved rule set "edited": 2 stage → forecast category entries were not readable and the default category is used instead.',
    ]);
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
