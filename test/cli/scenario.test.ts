import { describe, expect, it } from 'vitest';
import { runScenarioCommand } from '../../src/cli/commands/scenario';
import { CliError } from '../../src/cli/context';

const run = (flags: Record<string, string>, json = true) => runScenarioCommand({ json, flags });

describe('revlens scenario', () => {
  it('prints the worked example from counts', () => {
    const out = JSON.parse(
      run({ mqls: '4800', sals: '1440', sqls: '420', sqos: '168', acv: '48000', 'win-rate': '0.22' }),
    );
    expect(out.stages).toEqual({ mql: 4800, sal: 1440, sql: 420, sqo: 168 });
    expect(out.pipeline).toBe(8_064_000);
    expect(out.expectedBookings).toBe(1_774_080);
  });

  it('takes rates instead of counts', () => {
    const out = JSON.parse(
      run({
        mqls: '4800',
        'mql-to-sal': '0.3',
        'sal-to-sql': '0.29',
        'sql-to-sqo': '0.4',
        acv: '48000',
        'win-rate': '0.22',
      }),
    );
    // 4800 → 1440 → 417.6 ≈ 418 → 167.2 ≈ 167; 167 × $48,000 = $8,016,000.
    expect(out.stages.sqo).toBe(167);
    expect(out.pipeline).toBe(8_016_000);
  });

  it('refuses missing or contradictory inputs with a message', () => {
    expect(() => run({ mqls: '4800', acv: '48000', 'win-rate': '0.22' })).toThrow(CliError);
    expect(() =>
      run({ mqls: '10', sals: '5', 'mql-to-sal': '0.5', sqls: '1', sqos: '1', acv: '1', 'win-rate': '0.2' }),
    ).toThrow(/not both/);
    expect(() => run({ mqls: 'x', sals: '5', sqls: '1', sqos: '1', acv: '1', 'win-rate': '0.2' })).toThrow(/--mqls/);
  });
});
