/**
 * Writes the demo company as a canonical CSV folder plus `manifest.json`:
 *
 *   npx tsx scripts/generate-demo.ts --out <dir> [--seed n] [--leads n] [--as-of YYYY-MM-DD]
 *
 * Files are written in slices of leads (with their activities, opportunities and touches) so that no
 * single text grows past what a JavaScript string can hold at millions of leads. The few dirty rows
 * of the demo (see src/demo/dirty-rows.ts) are appended at the end of their files, for the import
 * report to reject.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityRecord, OpportunityRecord, RecordSet, TouchRecord } from '../src/engine/model/records';
import { DEMO_DEFAULTS, dirtyRowLine, dirtyRows, generateDemoCompany } from '../src/demo/generate';
import { writeCanonicalCsv } from '../src/import/canonical/write';

/** Leads per slice written at once. */
const SLICE = 100_000;
/** Files whose rows follow the leads; the others (accounts, plan) are written once, whole. */
const SLICED_FILES = ['leads.csv', 'opportunities.csv', 'opportunity_stages.csv', 'activities.csv', 'touches.csv'];

interface Args {
  out: string;
  seed: number;
  leads: number;
  asOf: string;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nUsage: npx tsx scripts/generate-demo.ts --out <dir> [--seed n] [--leads n] [--as-of YYYY-MM-DD]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!;
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined) usage(`Unexpected argument: ${key}`);
    values.set(key.slice(2), value);
  }
  const int = (name: string, fallback: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0) usage(`--${name} must be a non-negative integer, got ${raw}`);
    return n;
  };
  const out = values.get('out');
  if (!out) usage('--out is required');
  for (const k of values.keys()) if (!['out', 'seed', 'leads', 'as-of'].includes(k)) usage(`Unknown option --${k}`);
  return {
    out,
    seed: int('seed', DEMO_DEFAULTS.seed),
    leads: int('leads', DEMO_DEFAULTS.leads),
    asOf: values.get('as-of') ?? DEMO_DEFAULTS.asOf,
  };
}

/** Splits the records into slices of leads, each with the rows that belong to those leads. */
function slices(rs: RecordSet): RecordSet[] {
  const sliceOfLead = new Map<string, number>();
  rs.leads.forEach((l, i) => sliceOfLead.set(l.id, Math.floor(i / SLICE)));
  const count = Math.max(1, Math.ceil(rs.leads.length / SLICE));
  const out: RecordSet[] = Array.from({ length: count }, (_, k) => ({
    name: rs.name,
    plan: k === 0 ? rs.plan : { ...rs.plan, quotas: [] },
    accounts: k === 0 ? rs.accounts : [],
    leads: rs.leads.slice(k * SLICE, (k + 1) * SLICE),
    activities: [] as ActivityRecord[],
    opportunities: [] as OpportunityRecord[],
    touches: [] as TouchRecord[],
  }));
  const sliceOfOpp = new Map<string, number>();
  for (const o of rs.opportunities) {
    const k = (o.leadId !== undefined ? sliceOfLead.get(o.leadId) : undefined) ?? 0;
    sliceOfOpp.set(o.id, k);
    out[k]!.opportunities.push(o);
  }
  for (const a of rs.activities) out[sliceOfLead.get(a.leadId) ?? 0]!.activities.push(a);
  for (const t of rs.touches) {
    const k =
      (t.leadId !== undefined ? sliceOfLead.get(t.leadId) : undefined) ??
      (t.opportunityId !== undefined ? sliceOfOpp.get(t.opportunityId) : undefined) ??
      0;
    out[k]!.touches.push(t);
  }
  return out;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { records, manifest } = generateDemoCompany({ seed: args.seed, leads: args.leads, asOf: args.asOf });
  const generatedMs = performance.now() - started;
  mkdirSync(args.out, { recursive: true });

  const handles = new Map<string, number>();
  const headers = new Map<string, string>();
  try {
    slices(records).forEach((slice, k) => {
      for (const [file, text] of Object.entries(writeCanonicalCsv(slice))) {
        if (k > 0 && !SLICED_FILES.includes(file)) continue;
        const header = firstLine(text);
        if (k === 0) {
          handles.set(file, openSync(join(args.out, file), 'w'));
          headers.set(file, header);
          writeSync(handles.get(file)!, text);
        } else {
          if (header !== headers.get(file)) throw new Error(`Header of ${file} changed between slices`);
          writeSync(handles.get(file)!, text.slice(header.length + 1));
        }
      }
    });
    for (const row of dirtyRows()) {
      const fd = handles.get(row.file);
      const header = headers.get(row.file);
      if (fd === undefined || header === undefined) throw new Error(`No such canonical file: ${row.file}`);
      writeSync(fd, dirtyRowLine(row, header));
    }
  } finally {
    for (const fd of handles.values()) closeSync(fd);
  }
  writeFileSync(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const totalMs = performance.now() - started;
  process.stdout.write(
    [
      `Wrote ${records.name} to ${args.out}`,
      `  seed ${args.seed}, as of ${args.asOf}`,
      `  ${records.accounts.length} accounts, ${records.leads.length} leads (${manifest.bots} bots), ` +
        `${records.activities.length} activities, ${records.opportunities.length} opportunities, ` +
        `${records.touches.length} touches, ${records.plan.quotas.length} quarterly quotas`,
      `  SQO hygiene cases: ${manifest.fastTracked} fast-tracked, ${manifest.restaged} re-staged, ` +
        `${manifest.passThrough} pass-through; ${manifest.dirtyRows} dirty rows appended`,
      `  generated in ${(generatedMs / 1000).toFixed(1)} s, written in ${((totalMs - generatedMs) / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}

main();
