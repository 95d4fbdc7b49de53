/** What every CLI command works from: a loaded dataset, its import report and the options given. */
import type { Dataset } from '../engine/model/columns';
import type { RecordSet } from '../engine/model/records';
import type { ImportReport } from '../import/report';

export interface CliOptions {
  /** ISO date D, read as the end of D; defaults to the dataset's as-of (the latest recorded event). */
  readonly asOf?: string;
  readonly json: boolean;
  /** Every flag as given, for commands and report sections that add their own. */
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

export interface DatasetContext {
  readonly records: RecordSet;
  readonly dataset: Dataset;
  readonly report: ImportReport;
  /** Epoch ms of the "as of" instant. */
  readonly asOf: number;
  readonly options: CliOptions;
}

/** A failure the user can fix: printed without a stack trace, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
