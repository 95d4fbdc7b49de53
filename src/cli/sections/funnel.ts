/**
 * The funnel part of `revlens report`: stage counts, all-data cohort rates and the breakdown by
 * source (SPEC §5), in inclusive mode unless `--mode strict` is given. Rates are fractions 0–1, null
 * where the denominator is 0; leads without a source are grouped under "(none)".
 */
import { leadMask } from '../../engine/filters/filters';
import { RATE_BENCHMARKS, CYCLE_BENCHMARK } from '../../engine/funnel/benchmarks';
import { groupsFor } from '../../engine/funnel/groups';
import { computeReach, type FunnelMode, type StageReach } from '../../engine/funnel/reach';
import { countReentries } from '../../engine/funnel/reentries';
import { STAGE_PAIRS, tallyByGroup, tallyFunnel, type FunnelTally } from '../../engine/funnel/tally';
import { timeInStage } from '../../engine/funnel/time-in-stage';
import { formatCount, formatDays, formatPercent } from '../../lib/format';
import { CliError, type DatasetContext } from '../context';
import type { ReportSection } from '../report-sections';

const STAGE_KEYS = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const;
const RATE_KEYS = ['leadToMql', 'mqlToSal', 'salToSql', 'sqlToSqo', 'mqlToSqo', 'mqlToWon', 'sqoToWon', 'winRate'] as const;

/** The `--mode` flag: inclusive (default) or strict. */
export function funnelMode(ctx: DatasetContext): FunnelMode {
  const mode = ctx.options.flags.mode;
  if (mode === undefined) return 'inclusive';
  if (mode === 'inclusive' || mode === 'strict') return mode;
  throw new CliError(`--mode takes inclusive or strict, not "${String(mode)}"`);
}

const reachCache = new WeakMap<DatasetContext, StageReach>();

function reachOf(ctx: DatasetContext): StageReach {
  let r = reachCache.get(ctx);
  if (!r) {
    r = computeReach(ctx.dataset, leadMask(ctx.dataset, {}), ctx.asOf, funnelMode(ctx));
    reachCache.set(ctx, r);
  }
  return r;
}

function pick<K extends string, V>(keys: readonly K[], from: Record<K, V>): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Record<K, V>;
}

const summary = (t: FunnelTally) => ({ stageCounts: pick(STAGE_KEYS, t.counts), rates: pick(RATE_KEYS, t.rates) });

export function funnelJson(ctx: DatasetContext): Record<string, unknown> {
  const reach = reachOf(ctx);
  const total = tallyFunnel(reach);
  const bySource = tallyByGroup(reach, groupsFor(ctx.dataset, 'source')!);
  // No prototype: a lead source named `__proto__` is a key like any other.
  const source = Object.create(null) as Record<string, ReturnType<typeof summary>>;
  bySource.labels.forEach((label, k) => (source[label] = summary(bySource.tallies[k]!)));
  return {
    ...summary(total),
    breakdown: { source },
    funnel: {
      mode: reach.mode,
      skippedStages: total.skipped,
      reentries: countReentries(ctx.dataset, reach),
      pipelineCents: pick(STAGE_KEYS, total.amountCents),
      timeInStage: timeInStage(reach).map(({ from, to, leads, medianDays, p75Days }) => ({ from, to, leads, medianDays, p75Days })),
      benchmarks: [...RATE_BENCHMARKS, CYCLE_BENCHMARK],
    },
  };
}

export function funnelText(ctx: DatasetContext): string[] {
  const reach = reachOf(ctx);
  const t = tallyFunnel(reach);
  const lines = [`Funnel (${reach.mode} mode; rates are cohort rates over all data, "no data" where 0/0)`];
  const skipped = t.skipped as Record<string, number>;
  for (const s of STAGE_KEYS) {
    const skip = skipped[s] ? `, ${formatCount(skipped[s])} skipped it` : '';
    lines.push(`  ${s.padEnd(13)}${formatCount(t.counts[s]).padStart(10)}${skip}`);
  }
  for (const p of STAGE_PAIRS) lines.push(`  ${p.label.padEnd(13)}${formatPercent(t.rates[p.key]).padStart(10)}`);
  lines.push(`  ${'Win rate'.padEnd(13)}${formatPercent(t.rates.winRate).padStart(10)}  won ÷ closed (won + lost)`);
  const cycle = timeInStage(reach).at(-1);
  if (cycle) lines.push(`  SQO→won median ${formatDays(cycle.medianDays)}, p75 ${formatDays(cycle.p75Days)}`);
  const by = tallyByGroup(reach, groupsFor(ctx.dataset, 'source')!);
  lines.push('  By source: MQL→SQO, SQL→SQO, win rate');
  by.labels.forEach((label, k) => {
    const r = by.tallies[k]!.rates;
    lines.push(`    ${label.padEnd(22)}${formatPercent(r.mqlToSqo).padStart(8)}${formatPercent(r.sqlToSqo).padStart(9)}${formatPercent(r.winRate).padStart(9)}`);
  });
  return lines;
}

export const funnelSection: ReportSection = { json: funnelJson, text: funnelText };
