/**
 * Writes the demo company as a canonical CSV folder plus `manifest.json`:
 *
 *   npx tsx scripts/generate-demo.ts --out <dir> [--seed n] [--leads n] [--as-of YYYY-MM-DD]
 *
 * The company is generated and written a slice of leads at a time (with their activities,
 * opportunities and touches), so memory stays bounded by the accounts and one slice and no text grows
 * past what a JavaScript string can hold: five million leads fit in the default heap. The output is
 * the same as writing `generateDemoCompany` whole (one random stream, drawn in the same order; ids
 * `L-…`/`O-…` numbered across slices). Accounts and the plan are written after the last slice. The
 * few dirty rows
 * of the demo (see src/demo/dirty-rows.ts) are appended at the end of their files, for the import
 * report to reject.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRecordSet, type RecordSet } from '../src/engine/model/records';
import {
  DEMO_DEFAULTS,
  dirtyRowLine,
  dirtyRows,
  generateDemoCompanyInSlices,
  type DemoCompanyTail,
} from '../src/demo/generate';
import { writeCanonicalCsv } from '../src/import/canonical/write';

/** Leads per slice written at once. */
const SLICE = 100_000;
/** Files whose rows follow the leads, appended slice by slice. */
const SLICED_FILES = [
  'leads.csv',
  'opportunities.csv',
  'opportunity_stages.csv',
  'opportunity_history.csv',
  'activities.csv',
  'touches.csv',
];
/** Files written once, whole, after the last slice (the plan needs every won deal). */
const WHOLE_FILES = ['accounts.csv', 'plan.csv'];
const EMPTY: RecordSet = emptyRecordSet();

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

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  mkdirSync(args.out, { recursive: true });

  const handles = new Map<string, number>();
  const headers = new Map<string, string>();
  const open = (file: string, header: string): number => {
    const fd = openSync(join(args.out, file), 'w');
    handles.set(file, fd);
    headers.set(file, header);
    return fd;
  };
  let tail: DemoCompanyTail;
  try {
    tail = generateDemoCompanyInSlices({ seed: args.seed, leads: args.leads, asOf: args.asOf }, SLICE, (slice, k) => {
      const texts = writeCanonicalCsv({ ...EMPTY, ...slice } as RecordSet);
      for (const file of SLICED_FILES) {
        const text = texts[file]!;
        const header = firstLine(text);
        if (k === 0) writeSync(open(file, header), text);
        else {
          if (header !== headers.get(file)) throw new Error(`Header of ${file} changed between slices`);
          writeSync(handles.get(file)!, text.slice(header.length + 1));
        }
      }
    });
    const whole = writeCanonicalCsv({ ...EMPTY, name: tail.name, accounts: [...tail.accounts], plan: tail.plan });
    for (const file of WHOLE_FILES) {
      const text = whole[file]!;
      writeSync(open(file, firstLine(text)), text);
    }
    for (const row of dirtyRows()) {
      const fd = handles.get(row.file);
      const header = headers.get(row.file);
      if (fd === undefined || header === undefined) throw new Error(`No such canonical file: ${row.file}`);
      writeSync(fd, dirtyRowLine(row, header));
    }
  } finally {
    for (const fd of handles.values()) closeSync(fd);
  }
  const { manifest, totals, plan, accounts } = tail;
  writeFileSync(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const totalMs = performance.now() - started;
  process.stdout.write(
    [
      `Wrote ${tail.name} to ${args.out}`,
      `  seed ${args.seed}, as of ${args.asOf}`,
      `  ${accounts.length} accounts, ${totals.leads} leads (${manifest.bots} bots), ` +
        `${totals.activities} activities, ${totals.opportunities} opportunities, ` +
        `${totals.touches} touches, ${plan.quotas.length} quarterly quotas`,
      `  SQO hygiene cases: ${manifest.fastTracked} fast-tracked, ${manifest.restaged} re-staged, ` +
        `${manifest.passThrough} pass-through; ${manifest.dirtyRows} dirty rows appended`,
      `  generated and written in ${(totalMs / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}

main();
