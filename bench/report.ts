/** The benchmark's human-readable table. */
import type { SizeResult } from './run';
import type { Timing } from './stats';

const ms = (t: Timing | null, digits = 1) =>
  t ? `${t.median.toFixed(digits)} (${t.min.toFixed(digits)}–${t.max.toFixed(digits)})` : 'not measured';

export function printTable(results: readonly SizeResult[], environment: Record<string, unknown>): void {
  const row = (label: string, cell: (r: SizeResult) => string): [string, ...string[]] => [label, ...results.map(cell)];
  const rows: [string, ...string[]][] = [
    row('leads', (r) => r.leads.toLocaleString('en-US')),
    row('import, whole company, ms', (r) => ms(r.importMs, 0)),
    row('import, peak RSS, MB', (r) => ms(r.importPeakRssMb, 0)),
    row('import, input MB (peak RSS per input byte)', (r) => `${r.importInputMb} (${r.importRssPerInputByte ?? '—'})`),
    row('weight change (several weights), ms', (r) => ms(r.weightChangeMs)),
    row('single weight slider, ms', (r) => ms(r.singleWeightMs)),
    row('half-life change, ms', (r) => ms(r.halfLifeMs, 0)),
    row('threshold change, ms', (r) => ms(r.thresholdMs, 4)),
    row('first what-if after load, ms', (r) => ms(r.whatIfColdMs, 0)),
    row('Funnel after a source filter change, ms', (r) => ms(r.funnelFilterMs)),
    row('bytes/lead kept (dataset + engine caches)', (r) => String(r.bytesPerLead ?? 'n/a (run with --expose-gc)')),
    row('DuckDB-WASM same recompute, ms (× engine)', (r) => base(r.baselines.duckdbWasm)),
    row('arquero same recompute, ms (× engine)', (r) => base(r.baselines.arquero)),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, ...cells] of rows)
    process.stdout.write(`${label.padEnd(width)}  ${cells.map((c) => c.padStart(26)).join('')}\n`);
  for (const r of results) if (r.importNote) process.stdout.write(`\n${r.leads}: import not measured, ${r.importNote}`);
  process.stdout.write(`\n${JSON.stringify(environment)}\n`);
}

function base(b: { median: number; ratio: number } | undefined): string {
  return b ? `${b.median.toFixed(1)} (${b.ratio.toFixed(1)}×)` : '—';
}
