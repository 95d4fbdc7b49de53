/** The benchmark's human-readable table. */
import type { SizeResult } from './measure-size';
import type { Timing } from './stats';

const ms = (t: Timing, digits = 1) => `${t.median.toFixed(digits)} (${t.min.toFixed(digits)}–${t.max.toFixed(digits)})`;

export function printTable(results: readonly SizeResult[], environment: Record<string, unknown>): void {
  const rows: [string, ...string[]][] = [
    ['leads', ...results.map((r) => r.leads.toLocaleString('en-US'))],
    ['full recompute, 1 thread, ms median (min–max)', ...results.map((r) => ms(r.fullRecomputeMs, 2))],
    ...(results.some((r) => r.parallelRecomputeMs)
      ? [['full recompute, worker pool, ms', ...results.map((r) => (r.parallelRecomputeMs ? ms(r.parallelRecomputeMs as Timing, 2) : '—'))] as [string, ...string[]]]
      : []),
    ['one fit weight moved (incremental), ms', ...results.map((r) => ms(r.singleFitWeightMs, 2))],
    ['one intent weight moved (incremental), ms', ...results.map((r) => ms(r.singleIntentWeightMs, 2))],
    ['threshold-only, ms', ...results.map((r) => ms(r.thresholdRecomputeMs, 4))],
    ['threshold index build (once per rescore), ms', ...results.map((r) => ms(r.thresholdIndexBuildMs))],
    ['CSV cold load: leads.csv, ms', ...results.map((r) => `${ms(r.csvLoadMs, 0)} for ${r.csvMegabytes} MB`)],
    ['first leads chunk in columns, ms', ...results.map((r) => ms(r.csvFirstChunkMs, 0))],
    ['CSV cold load: accounts+leads+activities, ms', ...results.map((r) => `${ms(r.companyCsvLoadMs, 0)} for ${r.companyCsvMegabytes} MB`)],
    ['peak RSS growth during that load, MB', ...results.map((r) => String(r.companyCsvPeakRssMb))],
    ['bytes/lead: everything the CSV loader keeps', ...results.map((r) => String(r.loaderBytesPerLead ?? 'n/a (run with --expose-gc)'))],
    ['bytes/lead: scoring columns', ...results.map((r) => String(r.bytesPerLead))],
    ['bytes/lead: loader + scoring columns', ...results.map((r) => String(r.totalBytesPerLead ?? 'n/a (run with --expose-gc)'))],
    ['DuckDB-WASM, ms (× engine)', ...results.map((r) => base(r.baselines.duckdbWasm))],
    ['arquero, ms (× engine)', ...results.map((r) => base(r.baselines.arquero))],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, ...cells] of rows) process.stdout.write(`${label.padEnd(width)}  ${cells.map((c) => c.padStart(26)).join('')}\n`);
  process.stdout.write(`\n${JSON.stringify(environment)}\n`);
}

function base(b: { medianMs: number; ratio: number } | undefined): string {
  return b ? `${b.medianMs.toFixed(1)} (${b.ratio.toFixed(1)}×)` : '—';
}
