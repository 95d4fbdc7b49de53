/** Reads a dataset from disk for the CLI: a canonical CSV folder, or one canonical JSON file. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildDataset } from '../engine/model/build-dataset';
import { readCanonicalCsv } from '../import/canonical/read-csv-folder';
import { readCanonicalJson } from '../import/canonical/read-json';
import type { ImportReport } from '../import/report';
import type { RecordSet } from '../engine/model/records';
import { CliError, type CliOptions, type DatasetContext } from './context';

export interface LoadedFiles {
  readonly records: RecordSet;
  readonly report: ImportReport;
}

/** The files a path names: every .csv/.json in a folder, or the file itself. */
export function filesAt(path: string): { name: string; text: string }[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(`No such file or folder: ${path}`);
  }
  const paths = stat.isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.(csv|json)$/i.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (paths.length === 0) throw new CliError(`No .csv or .json files in ${path}`);
  return paths.map((p) => ({ name: basename(p), text: readFileSync(p, 'utf8') }));
}

export function readFiles(files: { name: string; text: string }[], name: string): LoadedFiles {
  const json = files.length === 1 && files[0]!.name.toLowerCase().endsWith('.json');
  return json ? readCanonicalJson(files[0]!.text, files[0]!.name) : readCanonicalCsv(files, { name });
}

function describeProblems(report: ImportReport): string {
  const lines = [
    ...report.warnings.map((w) => `${w.file}: ${w.message}`),
    ...report.issues.filter((i) => i.outcome === 'rejected').slice(0, 20).map((i) => `${i.file} row ${i.row}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`),
  ];
  return lines.join('\n');
}

/** Loads a dataset; fails with the import report's reasons when nothing usable was read. */
export function loadDataset(path: string, options: CliOptions): DatasetContext {
  const { records, report } = readFiles(filesAt(path), basename(path));
  if (records.leads.length + records.opportunities.length === 0) {
    throw new CliError(`Nothing usable was read from ${path}: no lead or opportunity row was accepted.\n${describeProblems(report)}`);
  }
  const dataset = buildDataset(records);
  let asOf = dataset.meta.latestAt;
  if (options.asOf !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || !Number.isFinite(Date.parse(options.asOf))) {
      throw new CliError(`--as-of takes a date as YYYY-MM-DD, not "${options.asOf}"`);
    }
    asOf = Date.parse(`${options.asOf}T00:00:00Z`);
  }
  return { records, dataset, report, asOf, options };
}
