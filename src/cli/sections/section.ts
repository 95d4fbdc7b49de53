import type { DatasetContext } from '../context';

/** One part of `revlens report`: its keys of the JSON report and its lines of the readable summary. */
export interface ReportSection {
  /** Builds this section's keys of the JSON report. */
  json(ctx: DatasetContext): Record<string, unknown>;
  /** Lines of the readable summary. */
  text(ctx: DatasetContext): string[];
}
