/**
 * `revlens scenario`: the scenario planner headless. Each step takes a count (`--sals 1440`) or a
 * rate (`--mql-to-sal 0.3`); money flags are in currency units.
 */
import { runScenario, type ScenarioStep } from '../../engine/forecast/scenario';
import { CliError, type CliOptions } from '../context';

/** Flags the command reads; main.ts declares them so their values parse as strings. */
export const SCENARIO_FLAGS = [
  'mqls',
  'sals',
  'sqls',
  'sqos',
  'mql-to-sal',
  'sal-to-sql',
  'sql-to-sqo',
  'acv',
  'win-rate',
  'quota',
] as const;

function num(flags: CliOptions['flags'], name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new CliError(`--${name} takes a number ≥ 0, not "${String(v)}"`);
  return n;
}

function step(flags: CliOptions['flags'], countFlag: string, rateFlag: string): ScenarioStep {
  const count = num(flags, countFlag);
  const rate = num(flags, rateFlag);
  if (count !== undefined && rate !== undefined) throw new CliError(`give --${countFlag} or --${rateFlag}, not both`);
  if (count !== undefined) return { kind: 'count', count };
  if (rate === undefined) throw new CliError(`scenario needs --${countFlag} <count> or --${rateFlag} <rate 0–1>`);
  if (rate > 1) throw new CliError(`--${rateFlag} is a rate between 0 and 1, not ${rate}`);
  return { kind: 'rate', rate };
}

export function runScenarioCommand(options: CliOptions): string {
  const f = options.flags;
  const mqls = num(f, 'mqls');
  const acv = num(f, 'acv');
  const winRate = num(f, 'win-rate');
  if (mqls === undefined || acv === undefined || winRate === undefined)
    throw new CliError('scenario needs --mqls, --acv and --win-rate');
  if (winRate > 1) throw new CliError(`--win-rate is a rate between 0 and 1, not ${winRate}`);
  const quota = num(f, 'quota');
  const r = runScenario({
    mqls,
    sal: step(f, 'sals', 'mql-to-sal'),
    sql: step(f, 'sqls', 'sal-to-sql'),
    sqo: step(f, 'sqos', 'sql-to-sqo'),
    acvCents: Math.round(acv * 100),
    winRate,
    quotaCents: quota === undefined ? null : Math.round(quota * 100),
  });
  const out = {
    stages: r.stages,
    rates: r.rates,
    pipeline: r.pipelineCents / 100,
    expectedBookings: r.expectedBookingsCents / 100,
    pipelineCents: r.pipelineCents,
    expectedBookingsCents: r.expectedBookingsCents,
    quota: r.quotaCents === null ? null : r.quotaCents / 100,
    gap: r.gapCents === null ? null : r.gapCents / 100,
    mqlsNeeded: r.mqlsNeeded,
    additionalMqls: r.additionalMqls,
  };
  if (options.json) return JSON.stringify(out, null, 2);
  const usd = (v: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 }).format(v);
  const s = r.stages;
  return [
    `Scenario: ${s.mql} MQLs → ${s.sal} SALs → ${s.sql} SQLs → ${s.sqo} SQOs`,
    `Pipeline ${usd(out.pipeline)}; expected bookings ${usd(out.expectedBookings)} at a ${(winRate * 100).toFixed(1)}% win rate`,
    ...(out.gap === null
      ? []
      : [`Gap to quota ${usd(out.gap)}; MQLs needed ${r.mqlsNeeded ?? 'n/a'} (${r.additionalMqls ?? 'n/a'} more)`]),
  ].join('\n');
}
