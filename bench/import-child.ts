/**
 * One import of a canonical folder, in a process of its own so that its peak resident memory is
 * the import's alone: `revlens import`'s own entry point (`importPaths`: the files read from disk,
 * then `importFiles`, the function the app's import worker handler calls), report included.
 * Prints one JSON line: wall and CPU time (ms), the process's peak RSS (MB), the report's row counts and
 * any file refused by the memory limit.
 */
import { CliError } from '../src/cli/context';
import { importPaths } from '../src/cli/load-dataset';
import { leadCount } from '../src/engine/model/records';

const dir = process.argv[2];
if (!dir) throw new Error('usage: import-child <canonical folder>');
const t = performance.now();
const cpu = process.cpuUsage();
let imported;
try {
  imported = importPaths([dir], { json: true, flags: {} });
} catch (e) {
  // Refused by the memory limit, before reading: said, not timed.
  if (!(e instanceof CliError)) throw e;
  process.stdout.write(`${JSON.stringify({ refused: [e.message] })}\n`);
  process.exit(0);
}
const { report, records } = imported;
const ms = performance.now() - t;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
// maxRSS is in kilobytes.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const refused = report.warnings.filter((w) => /can hold as text/.test(w.message)).map((w) => `${w.file}: ${w.message}`);
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, peakRssMb, rowsRead: report.rowsRead, accepted: report.accepted, repaired: report.repaired, rejected: report.rejected, leads: leadCount(records), refused })}\n`,
);
