/**
 * The funnel part of `revlens report`: stage counts, all-data cohort rates and the breakdown by
 * source (SPEC §5), in inclusive mode unless `--mode strict` is given. Rates are fractions 0–1, null
 * where the denominator is 0; leads without a source are grouped under "(none)".
 */
import { datasetCapabilities, needsText, type Capabilities } from '../../engine/capabilities';
import { leadMask, opportunityMask } from '../../engine/filters/filters';
import { opportunityFunnel, type OpportunityFunnel } from '../../engine/funnel/opportunity-funnel';
import { RATE_BENCHMARKS, CYCLE_BENCHMARK } from '../../engine/funnel/benchmarks';
import { groupsFor } from '../../engine/funnel/groups';
import { computeReach, type FunnelMode, type StageReach } from '../../engine/funnel/reach';
import { countReentries } from '../../engine/funnel/reentries';
import { STAGE_PAIRS, tallyByGroup, tallyFunnel, type FunnelTally } from '../../engine/funnel/tally';
import { timeInStage } from '../../engine/funnel/time-in-stage';
import { formatCount, formatDays, formatPercent } from '../../lib/format';
import { CliError, type DatasetContext } from '../context';
import type { ReportSection } from './section';

const STAGE_KEYS = ['lead', 'mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'] as const;
const RATE_KEYS = [
  'leadToMql',
  'mqlToSal',
  'salToSql',
  'sqlToSqo',
  'mqlToSqo',
  'mqlToWon',
  'sqoToWon',
  'winRate',
] as const;

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

/**
 * The lead rates the data can measure: all of them with lead stage dates on leads linked to their
 * deals; none otherwise (a 0% Lead→MQL from leads without MQL dates would be a default dressed as data).
 */
function leadRatesMissing(caps: Capabilities): string | null {
  if (!caps.has.leads) return needsText(['leads']);
  if (!caps.has.leadStageDates) return needsText(['leadStageDates']);
  if (caps.has.opportunities && !caps.has.leadLinks) return needsText(['leadLinks']);
  return null;
}

function opportunityJson(f: OpportunityFunnel) {
  return {
    source: f.source,
    stages: f.stages.map(({ stage, label, count, stepRate, cumulativeRate }) => ({
      stage,
      label,
      count,
      stepRate,
      cumulativeRate,
    })),
    open: f.open,
    won: f.won,
    lost: f.lost,
    winRate: f.winRate,
  };
}

const oppCache = new WeakMap<DatasetContext, OpportunityFunnel>();
function oppFunnelOf(ctx: DatasetContext, caps: Capabilities): OpportunityFunnel {
  let f = oppCache.get(ctx);
  if (!f)
    oppCache.set(
      ctx,
      (f = opportunityFunnel(ctx.dataset, ctx.asOf, opportunityMask(ctx.dataset, {}), caps.has.stageHistory)),
    );
  return f;
}

export function funnelJson(ctx: DatasetContext): Record<string, unknown> {
  const caps = datasetCapabilities(ctx.dataset);
  const reach = reachOf(ctx);
  const total = tallyFunnel(reach);
  const missing = leadRatesMissing(caps);
  const opps = caps.has.opportunities ? oppFunnelOf(ctx, caps) : null;
  const leadRates = missing
    ? (Object.fromEntries(RATE_KEYS.map((k) => [k, null])) as Record<(typeof RATE_KEYS)[number], number | null>)
    : pick(RATE_KEYS, total.rates);
  // The win rate of SPEC §5: of the opportunities when the funnel is counted on them.
  const winRate = caps.basis === 'opportunities' && opps ? opps.winRate : total.rates.winRate;
  const bySource = tallyByGroup(reach, groupsFor(ctx.dataset, 'source')!);
  // No prototype: a lead source named `__proto__` is a key like any other.
  const source = Object.create(null) as Record<string, ReturnType<typeof summary>>;
  bySource.labels.forEach((label, k) => (source[label] = summary(bySource.tallies[k]!)));
  return {
    basis: caps.basis,
    stageCounts: caps.has.leads ? pick(STAGE_KEYS, total.counts) : null,
    rates: { ...leadRates, winRate },
    breakdown: { source },
    opportunityFunnel: opps ? opportunityJson(opps) : null,
    notMeasurable: {
      ...(missing ? { leadRates: missing } : {}),
      ...(opps ? {} : { opportunityFunnel: needsText(['opportunities']) }),
    },
    measurability: { has: caps.has },
    funnel: {
      mode: reach.mode,
      skippedStages: total.skipped,
      reentries: countReentries(ctx.dataset, reach),
      pipelineCents: pick(STAGE_KEYS, total.amountCents),
      timeInStage: timeInStage(reach).map(({ from, to, leads, medianDays, p75Days }) => ({
        from,
        to,
        leads,
        medianDays,
        p75Days,
      })),
      benchmarks: [...RATE_BENCHMARKS, CYCLE_BENCHMARK],
    },
  };
}

function opportunityText(f: OpportunityFunnel): string[] {
  const lines = [
    `Opportunity funnel (stage reach from the ${f.source === 'history' ? 'stage history' : 'status only'})`,
  ];
  for (const s of f.stages)
    lines.push(
      `  ${s.label.padEnd(24)}${formatCount(s.count).padStart(10)}${s.stepRate === null ? '' : `  ${formatPercent(s.stepRate)} of previous`}`,
    );
  lines.push(
    `  ${'Win rate'.padEnd(24)}${formatPercent(f.winRate).padStart(10)}  won ÷ (won + lost): ${formatCount(f.won)} of ${formatCount(f.won + f.lost)} closed`,
  );
  return lines;
}

export function funnelText(ctx: DatasetContext): string[] {
  const caps = datasetCapabilities(ctx.dataset);
  const missing = leadRatesMissing(caps);
  const opps = caps.has.opportunities ? oppFunnelOf(ctx, caps) : null;
  if (caps.basis === 'opportunities' && opps)
    return [...opportunityText(opps), `  Lead funnel: ${missing ?? 'leads are not linked to the opportunities'}`];
  const reach = reachOf(ctx);
  const t = tallyFunnel(reach);
  const lines = [`Funnel (${reach.mode} mode; rates are cohort rates over all data, "no data" where 0/0)`];
  const skipped = t.skipped as Record<string, number>;
  for (const s of STAGE_KEYS) {
    const skip = skipped[s] ? `, ${formatCount(skipped[s])} skipped it` : '';
    lines.push(`  ${s.padEnd(13)}${formatCount(t.counts[s]).padStart(10)}${skip}`);
  }
  if (missing) lines.push(`  Stage rates: ${missing}`);
  else for (const p of STAGE_PAIRS) lines.push(`  ${p.label.padEnd(13)}${formatPercent(t.rates[p.key]).padStart(10)}`);
  lines.push(`  ${'Win rate'.padEnd(13)}${formatPercent(t.rates.winRate).padStart(10)}  won ÷ closed (won + lost)`);
  const cycle = timeInStage(reach).at(-1);
  if (cycle) lines.push(`  SQO→won median ${formatDays(cycle.medianDays)}, p75 ${formatDays(cycle.p75Days)}`);
  const by = tallyByGroup(reach, groupsFor(ctx.dataset, 'source')!);
  lines.push('  By source: MQL→SQO, SQL→SQO, win rate');
  by.labels.forEach((label, k) => {
    const r = by.tallies[k]!.rates;
    lines.push(
      `    ${label.padEnd(22)}${formatPercent(r.mqlToSqo).padStart(8)}${formatPercent(r.sqlToSqo).padStart(9)}${formatPercent(r.winRate).padStart(9)}`,
    );
  });
  return lines;
}

export const funnelSection: ReportSection = { json: funnelJson, text: funnelText };
