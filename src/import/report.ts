/**
 * The import report: every input row is accounted for as accepted, repaired or rejected, so that
 * accepted + repaired + rejected = rowsRead for each file and in total.
 */

export type RowOutcome = 'repaired' | 'rejected';

/** One problem with one row (or one cell) of one file. */
export interface ImportIssue {
  readonly file: string;
  /** 1-based data row number (the header is row 0); 0 for a file-level issue. */
  readonly row: number;
  readonly column?: string;
  readonly value?: string;
  readonly reason: string;
  readonly outcome: RowOutcome;
}

export interface FileWarning {
  readonly file: string;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly repaired: number;
  readonly rejected: number;
}

export interface ImportReport {
  readonly files: readonly FileReport[];
  readonly rowsRead: number;
  readonly accepted: number;
  readonly repaired: number;
  readonly rejected: number;
  readonly issues: readonly ImportIssue[];
  readonly warnings: readonly FileWarning[];
}

/** Collects outcomes while a file is read; guarantees the counts add up. */
export class ReportBuilder {
  private readonly fileReports: FileReport[] = [];
  private readonly allIssues: ImportIssue[] = [];
  /** Warnings, with slots reserved for warnings known only later (see `reserve`). */
  private readonly allWarnings: (FileWarning | FileWarning[])[] = [];

  /** Starts a file; call `row()` once per data row read, then `end()`. */
  file(name: string): FileTally {
    return new FileTally(name, this.allIssues, (r) => this.fileReports.push(r));
  }

  warn(file: string, message: string): void {
    this.allWarnings.push({ file, message });
  }

  /**
   * Keeps the place of warnings about `file` that are known only once it has been read (a streamed
   * file's), so that they stand where a reader of the whole file would have put them.
   */
  reserve(file: string): (messages: readonly string[]) => void {
    const slot: FileWarning[] = [];
    this.allWarnings.push(slot);
    return (messages) => {
      for (const message of messages) slot.push({ file, message });
    };
  }

  build(): ImportReport {
    const sum = (k: 'rowsRead' | 'accepted' | 'repaired' | 'rejected') =>
      this.fileReports.reduce((s, f) => s + f[k], 0);
    return {
      files: this.fileReports,
      rowsRead: sum('rowsRead'),
      accepted: sum('accepted'),
      repaired: sum('repaired'),
      rejected: sum('rejected'),
      issues: this.allIssues,
      warnings: this.allWarnings.flat(),
    };
  }
}

export class FileTally {
  private rowsRead = 0;
  private accepted = 0;
  private repaired = 0;
  private rejected = 0;
  private current: RowOutcome | 'accepted' = 'accepted';
  private currentRow = 0;

  constructor(
    readonly file: string,
    private readonly issues: ImportIssue[],
    private readonly onEnd: (r: FileReport) => void,
  ) {}

  /** Begins data row `row` (1-based). The previous row's outcome is final. */
  row(row: number): void {
    this.flush();
    this.rowsRead++;
    this.currentRow = row;
    this.current = 'accepted';
  }

  /** The current row was kept after a change; say what changed. */
  repair(column: string | undefined, value: string | undefined, reason: string): void {
    this.issues.push({ file: this.file, row: this.currentRow, column, value, reason, outcome: 'repaired' });
    if (this.current === 'accepted') this.current = 'repaired';
  }

  /** The current row is not imported; say why. */
  reject(column: string | undefined, value: string | undefined, reason: string): void {
    this.issues.push({ file: this.file, row: this.currentRow, column, value, reason, outcome: 'rejected' });
    this.current = 'rejected';
  }

  get isRejected(): boolean {
    return this.current === 'rejected';
  }

  end(): FileReport {
    this.flush();
    const r = {
      file: this.file,
      rowsRead: this.rowsRead,
      accepted: this.accepted,
      repaired: this.repaired,
      rejected: this.rejected,
    };
    this.onEnd(r);
    return r;
  }

  private flush(): void {
    if (this.currentRow === 0) return;
    if (this.current === 'accepted') this.accepted++;
    else if (this.current === 'repaired') this.repaired++;
    else this.rejected++;
    this.currentRow = 0;
  }
}
