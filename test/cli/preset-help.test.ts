import { describe, expect, it } from 'vitest';
import { presetHelp } from '../../src/cli/preset-help';

describe('the --preset help', () => {
  const lines = presetHelp().split('\n');

  it('names every preset in registry order, each at the same column under the option', () => {
    const starts = lines.filter((l) => /^ {25}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(starts).toEqual(['canonical', 'salesforce', 'hubspot']);
    // The longest id (salesforce, 10 characters) and two spaces: every description starts at 25 + 12.
    expect(lines[0]).toMatch(/^ {25}canonical {3}the canonical folder: files named after the canonical tables/);
    expect(lines.find((l) => l.includes('salesforce'))).toMatch(/^ {25}salesforce {2}Salesforce: Lead, Opportunity,/);
  });

  it('wraps at 100 characters, continuation lines under the description', () => {
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines.filter((x) => !/^ {25}\S/.test(x))) expect(l).toMatch(/^ {37}\S/);
  });
});
