/**
 * The JSON keys of `revlens report` from the rows of the compiled SQL: stage counts, cohort rates and
 * the breakdown by source from `funnel_reach` (summed over creation quarters), coverage per quarter
 * from `pipeline_by_quarter`. Definitions as src/engine/funnel/tally.ts and
 * src/engine/forecast/coverage.ts; rates are null where the denominator is 0.
 */
import { coverageOfQuarters } from '../../engine/forecast/coverage';
import { NONE_LABEL } from '../../engine/funnel/groups';
import { REACH_STAGES, type ReachStage } from '../../engine/funnel/reach';
import { ratio } from '../../engine/funnel/stats';
import { STAGE_PAIRS, type FunnelRates, type StageCounts } from '../../engine/funnel/tally';
import { coverageJson } from '../sections/forecast';
import type { Row } from './run';

export interface LeftOutFile {
  readonly file: string;
  readonly rowsRead: number;
  readonly leftOut: number;
}

export interface LeftOutRow {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: string | null;
  readonly reason: string;
}

/** Figures of `revlens report --json` this engine does not compute, and why (never shown as 0). */
export const NOT_COVERED: Readonly<Record<string, string>> = {
  importReport: 'the rows read and left out per file are under rowsLeftOut; repairs are not counted',
  funnel: 'skipped stages, re-entries, pipeline per stage and time in stage are computed by the in-memory engine only',
  accuracy: 'scores need a rule set: compile it with revlens sql (lead_scores)',
  tiers: 'scores need a rule set: compile it with revlens sql (lead_scores)',
  pipeline:
    'totals include open deals without a close date, which pipeline_by_quarter leaves out; use the in-memory engine',
  hygiene: 'computed by the in-memory engine only',
  forecast: 'computed by the in-memory engine only',
};

interface Tally {
  counts: StageCounts;
  both: Record<string, number>;
}

const zero = (): Tally => ({
  counts: Object.fromEntries(REACH_STAGES.map((s) => [s, 0])) as StageCounts,
  both: Object.fromEntries(STAGE_PAIRS.map((p) => [p.key, 0])),
});

const column = (s: ReachStage) => (s === 'lead' ? 'leads' : s);

function add(t: Tally, r: Row): void {
  for (const s of REACH_STAGES) t.counts[s] += Number(r[column(s)]);
  for (const p of STAGE_PAIRS) t.both[p.key]! += Number(r[`both_${p.key}`]);
}

function summary(t: Tally): { stageCounts: StageCounts; rates: FunnelRates } {
  const rates = Object.fromEntries(
    STAGE_PAIRS.map((p) => [p.key, ratio(t.both[p.key]!, t.counts[p.from])]),
  ) as FunnelRates;
  rates.winRate = ratio(t.counts.won, t.counts.won + t.counts.lost);
  return { stageCounts: t.counts, rates };
}

/** `stageCounts`, `rates` and `breakdown.source` of one counting mode. */
export function funnelFigures(rows: readonly Row[], mode: 'inclusive' | 'strict') {
  const total = zero();
  const bySource = new Map<string, Tally>();
  for (const r of rows) {
    if (r.mode !== mode) continue;
    add(total, r);
    const label = r.source === null || r.source === undefined ? NONE_LABEL : String(r.source);
    let t = bySource.get(label);
    if (!t) bySource.set(label, (t = zero()));
    add(t, r);
  }
  const labels = [...bySource.keys()].filter((l) => l !== NONE_LABEL).sort();
  if (bySource.has(NONE_LABEL)) labels.push(NONE_LABEL);
  const source = Object.fromEntries(
    labels.filter((l) => bySource.get(l)!.counts.lead > 0).map((l) => [l, summary(bySource.get(l)!)]),
  );
  return { ...summary(total), breakdown: { source } };
}

const cents = (v: unknown): number => Math.round(Number(v) * 100);

/** `coverage`: per quarter with a quota, as the in-memory report. */
export function coverageFromRows(rows: readonly Row[], asOf: number, fiscalYearStartMonth: number) {
  const quarters = rows.map((r) => ({
    quarter: String(r.quarter),
    quotaCents: r.quota === null || r.quota === undefined ? null : cents(r.quota),
    wonCents: cents(r.won_amount),
    openDueCents: cents(r.open_due_amount),
    weightedDueCents: cents(r.weighted_due_amount),
  }));
  return coverageJson(coverageOfQuarters(quarters, asOf, fiscalYearStartMonth));
}

export function leftOutJson(files: readonly LeftOutFile[], rows: readonly LeftOutRow[]) {
  return {
    rowsRead: files.reduce((s, f) => s + f.rowsRead, 0),
    leftOut: files.reduce((s, f) => s + f.leftOut, 0),
    files: files.map((f) => ({ file: f.file, rowsRead: f.rowsRead, leftOut: f.leftOut })),
    rows,
  };
}

const pct = (r: number | null) => (r === null ? 'no data' : `${(r * 100).toFixed(1)}%`);

/** The readable summary of the JSON report. */
export function reportText(j: {
  dataset: string;
  asOf: string;
  mode: string;
  rowsLeftOut: ReturnType<typeof leftOutJson>;
  stageCounts: StageCounts;
  rates: FunnelRates;
  breakdown: { source: Record<string, { rates: FunnelRates }> };
  coverage: ReturnType<typeof coverageFromRows>;
}): string {
  const lines = [`RevLens report (DuckDB engine): ${j.dataset}, as of ${j.asOf}`, ''];
  lines.push(`Rows: ${j.rowsLeftOut.rowsRead} read, ${j.rowsLeftOut.leftOut} left out`);
  for (const r of j.rowsLeftOut.rows) lines.push(`  ${r.file} row ${r.row} [${r.column}]: ${r.reason}`);
  lines.push('', `Funnel (${j.mode} mode; rates are cohort rates over all data, "no data" where 0/0)`);
  for (const s of REACH_STAGES) lines.push(`  ${s.padEnd(13)}${String(j.stageCounts[s]).padStart(10)}`);
  for (const p of STAGE_PAIRS) lines.push(`  ${p.label.padEnd(13)}${pct(j.rates[p.key]).padStart(10)}`);
  lines.push(`  ${'Win rate'.padEnd(13)}${pct(j.rates.winRate).padStart(10)}  won ÷ (won + lost)`);
  lines.push('  By source: MQL→SQO, SQL→SQO, win rate');
  for (const [label, t] of Object.entries(j.breakdown.source)) {
    lines.push(
      `    ${label.padEnd(22)}${pct(t.rates.mqlToSqo).padStart(8)}${pct(t.rates.sqlToSqo).padStart(9)}${pct(t.rates.winRate).padStart(9)}`,
    );
  }
  lines.push('', 'Coverage per quarter with a quota (currency units)');
  for (const [q, c] of Object.entries(j.coverage)) {
    lines.push(
      `  ${q}: quota ${c.quota}, won ${c.won}, open due ${c.openDue}, coverage ${c.coverage === 'quota met' ? 'quota met' : `${c.coverage.toFixed(2)}×`}`,
    );
  }
  lines.push(
    '',
    'Not computed by this engine: importReport, funnel details, scores, pipeline totals, hygiene, forecast (see --json notCovered).',
  );
  return lines.join('\n');
}
